import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core';

async function seed() {
  const core = await testCore();
  const dongfeng = await core.call('communities.save', { name: '东风社区', grids: ['第一网格', '第二网格'] });
  const xinhua = await core.call('communities.save', { name: '新华社区' });
  const court = await core.call('units.save', {
    name: '区司法所',
    category: '机关',
    secretary: '马洋',
    phone: '135 6762 6768',
  });
  const school = await core.call('units.save', { name: '第二实验小学', category: '学校', phone: '0571-88886666' });
  const shop = await core.call('units.save', { name: '美佳超市', category: '非公企业', status: 'withdrawn' });
  await core.call('pairings.save', {
    unitId: court.id,
    communityId: dongfeng.id,
    signedOn: '2025-07-28',
    termYears: 3,
  });
  await core.call('pairings.save', { unitId: school.id, communityId: xinhua.id });
  return { core, dongfeng, xinhua, court, school, shop };
}

describe('communities and units directory', () => {
  it('saves a unit with its phone normalised and lists it with its paired communities', async () => {
    const { core, court } = await seed();
    expect(court.phone).toBe('13567626768');
    const page = await core.call('units.list', { search: '司法' });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ name: '区司法所', communities: ['东风社区'], secretary: '马洋' });
  });

  it('filters by category, community and status, sorts and pages in SQL', async () => {
    const { core, xinhua } = await seed();
    expect((await core.call('units.list', { category: '学校' })).rows.map((r) => r.name)).toEqual(['第二实验小学']);
    expect((await core.call('units.list', { communityId: xinhua.id })).rows.map((r) => r.name)).toEqual([
      '第二实验小学',
    ]);
    expect((await core.call('units.list', { status: 'withdrawn' })).rows.map((r) => r.name)).toEqual(['美佳超市']);
    const byCategoryDesc = await core.call('units.list', { sortBy: 'category', sortDir: 'desc' });
    // The order clerks know (机关, 事业单位, 国有企业, 非公企业, …, 学校), not character-code order.
    expect(byCategoryDesc.rows.map((r) => r.category)).toEqual(['学校', '非公企业', '机关']);
    const page2 = await core.call('units.list', { pageSize: 2, page: 1 });
    expect(page2.total).toBe(3);
    expect(page2.rows).toHaveLength(1);
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    const { core } = await seed();
    expect((await core.call('units.list', { search: '%' })).total).toBe(0);
    expect((await core.call('units.list', { search: '_' })).total).toBe(0);
  });

  it('refuses a second unit whose name differs only by spaces or full-width forms', async () => {
    const { core } = await seed();
    const res = await core.raw('units.save', { name: ' 区司法所 ', category: '机关' });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT' });
    await core.call('units.save', { name: '第15中学', category: '学校' });
    const fullWidth = await core.raw('units.save', { name: '第１５中学', category: '学校' });
    expect(fullWidth).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses a phone that is neither mobile nor landline, saying which field', async () => {
    const { core } = await seed();
    const res = await core.raw('units.save', { name: '区图书馆', category: '事业单位', phone: '12345' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toContain('联系电话格式不对');
  });

  it('edits a unit and keeps its pairings; deleting it removes its pairings', async () => {
    const { core, court, dongfeng } = await seed();
    const edited = await core.call('units.save', { ...court, liaison: '孙静' });
    expect(edited.liaison).toBe('孙静');
    expect(edited.pairings).toHaveLength(1);
    expect(edited.pairings[0]).toMatchObject({ signedOn: '2025-07-28', termYears: 3 });
    await core.call('units.delete', { id: court.id });
    expect((await core.raw('units.get', { id: court.id })).ok).toBe(false);
    const communities = await core.call('communities.list', {});
    expect(communities.find((c) => c.id === dongfeng.id)?.pairedUnitCount).toBe(0);
  });

  it('refuses to delete a community that still has paired units, then allows it once unpaired', async () => {
    const { core, school, xinhua } = await seed();
    const res = await core.raw('communities.delete', { id: xinhua.id });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (!res.ok) expect(res.message).toContain('请先解除结对');
    const detail = await core.call('units.get', { id: school.id });
    await core.call('pairings.delete', { id: detail.pairings[0]!.id });
    await core.call('communities.delete', { id: xinhua.id });
    expect((await core.call('communities.list', {})).map((c) => c.name)).toEqual(['东风社区']);
  });

  it('refuses a duplicate pairing and an impossible signing date', async () => {
    const { core, court, dongfeng } = await seed();
    expect(await core.raw('pairings.save', { unitId: court.id, communityId: dongfeng.id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    const bad = await core.raw('pairings.save', { unitId: court.id, communityId: dongfeng.id, signedOn: '2025-02-30' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('签约日期不是真实的日期');
  });

  it('builds the 分配表 view: communities in order with their paired units', async () => {
    const { core } = await seed();
    const rows = await core.call('pairings.allocation', {});
    expect(rows.map((r) => [r.communityName, r.pairings.map((p) => p.unitName)])).toEqual([
      ['东风社区', ['区司法所']],
      ['新华社区', ['第二实验小学']],
    ]);
    expect(rows[0]!.grids).toEqual(['第一网格', '第二网格']);
  });

  it('keeps settings and reports first-run until setup is saved', async () => {
    const core = await testCore();
    expect(await core.call('settings.get', {})).toEqual({ streetName: '', committeeName: '', setupDone: false });
    await core.call('settings.save', { streetName: '东湖街道', committeeName: '东湖街道大工委' });
    expect(await core.call('settings.get', {})).toEqual({
      streetName: '东湖街道',
      committeeName: '东湖街道大工委',
      setupDone: true,
    });
  });

  it('stores rare characters, SQL-looking and HTML text exactly as typed', async () => {
    const core = await testCore();
    const odd = ["𠮷野家'); DROP TABLE units;--", '<img src=x onerror=alert(1)>'];
    for (const name of odd) await core.call('units.save', { name, category: '其他' });
    const names = (await core.call('units.list', {})).rows.map((r) => r.name).sort();
    expect(names).toEqual([...odd].sort());
  });
});
