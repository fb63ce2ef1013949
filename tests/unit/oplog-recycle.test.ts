import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core';

async function seeded() {
  const core = await testCore();
  await core.call('settings.save', { streetName: '东湖街道', committeeName: '东湖街道大工委' });
  const community = await core.call('communities.save', { name: '东风社区', grids: ['一网格'] });
  const unit = await core.call('units.save', { name: '区司法所', category: '机关', phone: '13567626768' });
  await core.call('pairings.save', { unitId: unit.id, communityId: community.id, signedOn: '2025-07-28' });
  return { core, community, unit };
}

describe('操作日志', () => {
  it('records every write with operator, action, record and the fields that changed', async () => {
    const { core, unit } = await seeded();
    await core.call('units.save', { ...unit, phone: '0571-88886666', status: 'withdrawn' });
    const log = await core.call('oplog.list', {});
    const newest = log.rows[0]!;
    expect(newest).toMatchObject({
      action: 'update',
      entity: 'unit',
      entityId: unit.id,
      title: '区司法所',
      operator: '未署名',
    });
    expect(newest.summary).toBe('联系电话：13567626768 → 0571-88886666；状态：共建中 → 已退出');
    expect(log.rows.map((r) => `${r.action}:${r.entity}`)).toEqual([
      'update:unit',
      'create:pairing',
      'create:unit',
      'create:community',
      'settings:settings',
    ]);
  });

  it('does not log a save that changed nothing', async () => {
    const { core, unit } = await seeded();
    const before = (await core.call('oplog.list', {})).total;
    await core.call('units.save', { ...unit });
    expect((await core.call('oplog.list', {})).total).toBe(before);
  });

  it('cannot be edited or deleted, even with SQL', async () => {
    const { core } = await seeded();
    expect(() => core.db.prepare("UPDATE oplog SET summary = 'x'").run()).toThrow('操作日志只能追加');
    expect(() => core.db.prepare('DELETE FROM oplog').run()).toThrow('操作日志只能追加');
  });

  it('exports to .xlsx with formula-looking text neutralised', async () => {
    const { core } = await seeded();
    await core.call('units.save', { name: '=HYPERLINK("http://x","点我")', category: '其他' });
    const saved = await core.call('oplog.export', {});
    if (!saved.saved) throw new Error('未导出');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved.path);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('东湖街道大工委工作台操作日志');
    expect(ws.getRow(2).values).toEqual([undefined, '时间', '操作员', '操作', '对象类别', '对象', '内容']);
    const titles = ws.getColumn(5).values.slice(3);
    expect(titles).toContain(`'=HYPERLINK("http://x","点我")`);
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
    // The export itself is logged with the file name.
    expect((await core.call('oplog.list', {})).rows[0]).toMatchObject({ action: 'export', title: saved.fileName });
  });

  it('filters by text', async () => {
    const { core } = await seeded();
    expect((await core.call('oplog.list', { search: '东风' })).rows.map((r) => r.entity)).toEqual([
      'pairing',
      'community',
    ]);
  });
});

describe('回收站', () => {
  it('a deleted unit goes to the bin with its pairings and comes back whole under its old id', async () => {
    const { core, unit, community } = await seeded();
    await core.call('units.delete', { id: unit.id });
    expect((await core.call('units.list', {})).total).toBe(0);
    const bin = await core.call('recycle.list', {});
    expect(bin.rows).toEqual([expect.objectContaining({ entity: 'unit', entityId: unit.id, title: '区司法所' })]);

    const res = await core.call('recycle.restore', { id: bin.rows[0]!.id });
    expect(res.message).toBe('已恢复单位及 1 条结对');
    const back = await core.call('units.get', { id: unit.id });
    expect(back).toMatchObject({ name: '区司法所', phone: '13567626768' });
    expect(back.pairings).toEqual([expect.objectContaining({ communityId: community.id, signedOn: '2025-07-28' })]);
    expect((await core.call('recycle.list', {})).total).toBe(0);
    expect((await core.call('oplog.list', {})).rows[0]).toMatchObject({ action: 'restore', entity: 'unit' });
  });

  it('refuses to restore over a unit created meanwhile with the same name', async () => {
    const { core, unit } = await seeded();
    await core.call('units.delete', { id: unit.id });
    await core.call('units.save', { name: '区司法所', category: '机关' });
    const bin = await core.call('recycle.list', {});
    const res = await core.raw('recycle.restore', { id: bin.rows[0]!.id });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await core.call('recycle.list', {})).total).toBe(1);
  });

  it('restores a community with its grids, and a single pairing', async () => {
    const { core, unit, community } = await seeded();
    const pairingId = (await core.call('units.get', { id: unit.id })).pairings[0]!.id;
    await core.call('pairings.delete', { id: pairingId });
    await core.call('communities.delete', { id: community.id });
    const bin = await core.call('recycle.list', {});
    expect(bin.rows.map((r) => r.entity)).toEqual(['community', 'pairing']);
    await core.call('recycle.restore', { id: bin.rows[0]!.id });
    await core.call('recycle.restore', { id: bin.rows[1]!.id });
    expect((await core.call('communities.list', {}))[0]).toMatchObject({
      name: '东风社区',
      grids: ['一网格'],
      pairedUnitCount: 1,
    });
  });

  it('purges only when asked, and logs it', async () => {
    const { core, unit } = await seeded();
    await core.call('units.delete', { id: unit.id });
    const item = (await core.call('recycle.list', {})).rows[0]!;
    await core.call('recycle.purge', { id: item.id });
    expect((await core.call('recycle.list', {})).total).toBe(0);
    expect((await core.raw('recycle.restore', { id: item.id })).ok).toBe(false);
    expect((await core.call('oplog.list', {})).rows[0]).toMatchObject({ action: 'purge', title: '区司法所' });
  });
});
