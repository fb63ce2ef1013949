import { describe, expect, test } from 'vitest';
import type { SearchResult } from '../../shared/contract/search';
import { findRanges, snippetOf } from '../../shared/domain/search';
import { testCore, type TestCore } from '../helpers/core';
import { communityId, seedDirectory } from '../fixtures/lists';

async function setup() {
  const core = await testCore();
  await seedDirectory(core);
  const need = await core.call('needs.save', {
    communityId: communityId(core, '东风社区'),
    title: '独居老人助餐服务',
    description: '辖区独居老人约40人，希望2025年起提供午间助餐',
    category: '养老服务',
    raisedOn: '2025-09-01',
  });
  const m = await core.call('meetings.create', {
    kind: '大工委联席会议',
    heldOn: '2025-07-28',
    place: '街道三楼会议室',
  });
  const withItem = await core.call('meetings.saveAgendaItem', { meetingId: m.id, title: '老旧小区加装电梯' });
  const agendaId = withItem.agenda[0]!.id;
  await core.call('meetings.saveDraft', {
    agendaItemId: agendaId,
    discussion: '会议讨论了加装电梯的资金筹措和施工安排。',
  });
  const decision = await core.call('meetings.saveDecision', { agendaItemId: agendaId, content: '开展助餐点选址调研' });
  return { core, need, meeting: m, decision };
}

const search = (core: TestCore, q: string, limitPerKind = 5) => core.call('search.global', { q, limitPerKind });
const kinds = (r: SearchResult) => r.groups.map((g) => g.kind);
const group = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind);

describe('全局搜索', () => {
  test('terms of 1, 2, 3 and 5 characters and mixed digits all find the record', async () => {
    const { core, need } = await setup();
    for (const q of ['餐', '助餐', '独居老', '独居老人助', '2025年起']) {
      const hit = group(await search(core, q), 'need')?.hits.find((h) => h.id === need.id);
      expect(hit, q).toBeDefined();
      expect(hit!.route).toBe(`/needs?id=${need.id}`);
      expect(hit!.context).toBe('东风社区');
    }
    // Two terms separated by a space must both occur (one short, one long: index + fallback together).
    expect(group(await search(core, '助餐 午间助餐'), 'need')?.total).toBe(1);
    expect(group(await search(core, '助餐 电梯'), 'need')).toBeUndefined();
    expect((await search(core, '   ')).groups).toEqual([]);
  });

  test('groups by kind with totals, meetings/minutes/decisions open their screens, and quotes are plain text', async () => {
    const { core, meeting, decision } = await setup();
    const r = await search(core, '助餐');
    expect(kinds(r)).toEqual(['decision', 'need']);
    expect(group(r, 'decision')!.hits[0]).toMatchObject({ id: decision.id, route: `/supervision?item=${decision.id}` });
    const minutes = group(await search(core, '资金筹措'), 'minutes')!;
    expect(minutes.hits[0]).toMatchObject({ route: `/meetings/${meeting.id}`, context: meeting.title });
    expect(group(await search(core, '三楼会议室'), 'meeting')!.hits[0]!.route).toBe(`/meetings/${meeting.id}`);
    expect(group(await search(core, '区人民医院'), 'unit')!.total).toBeGreaterThan(0);
    expect((await search(core, '"助餐" OR *')).groups).toEqual([]);
  });

  test('matched text comes back as ranges (not HTML), in the title and in a snippet of the body', async () => {
    const { core } = await setup();
    const hit = group(await search(core, '助餐'), 'need')!.hits[0]!;
    expect(hit.title.text).toBe('独居老人助餐服务');
    expect(hit.title.ranges).toEqual([{ start: 4, end: 6 }]);
    const marked = hit.snippet.ranges.map((g) => hit.snippet.text.slice(g.start, g.end));
    expect(marked).toEqual(['助餐']);
    expect(findRanges('<b>助餐</b>', ['助餐'])).toEqual([{ start: 3, end: 5 }]);
    const long = snippetOf(`${'前'.repeat(50)}助餐${'后'.repeat(80)}`, ['助餐']);
    expect(long.text.startsWith('…')).toBe(true);
    expect(long.text.slice(long.ranges[0]!.start, long.ranges[0]!.end)).toBe('助餐');
  });

  test('edits re-index, deleted records (回收站) vanish, restored ones come back', async () => {
    const { core, need } = await setup();
    await core.call('needs.save', { ...need, id: need.id, title: '独居老人理发服务' });
    expect(group(await search(core, '理发'), 'need')?.total).toBe(1);
    expect(group(await search(core, '助餐服务'), 'need')).toBeUndefined();
    await core.call('needs.delete', { id: need.id });
    expect(group(await search(core, '理发'), 'need')).toBeUndefined();
    expect(group(await search(core, '独居老人理发'), 'need')).toBeUndefined();
    const bin = await core.call('recycle.list', { page: 0, pageSize: 10 });
    await core.call('recycle.restore', { id: bin.rows[0]!.id });
    expect(group(await search(core, '独居老人理发'), 'need')?.total).toBe(1);
  });

  test('limitPerKind caps the hits but the total counts them all, newest first', async () => {
    const { core } = await setup();
    for (let i = 1; i <= 7; i++) {
      await core.call('needs.save', {
        communityId: communityId(core, '东风社区'),
        title: `楼道照明维修第${i}批`,
        category: '环境整治',
        raisedOn: `2025-0${i}-01`,
      });
    }
    const g = group(await search(core, '照明', 3), 'need')!;
    expect(g.total).toBe(7);
    expect(g.hits.map((h) => h.title.text)).toEqual(['楼道照明维修第7批', '楼道照明维修第6批', '楼道照明维修第5批']);
  });
});
