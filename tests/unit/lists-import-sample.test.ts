import { describe, expect, test } from 'vitest';
import { testCore } from '../helpers/core';
import {
  NEEDS_SAMPLE,
  PROJECTS_SAMPLE,
  RESOURCES_SAMPLE,
  importSample,
  sampleUpload,
  seedDirectory,
} from '../fixtures/lists';

const count = (core: Awaited<ReturnType<typeof testCore>>, table: string) =>
  (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('importing the office samples', () => {
  test('需求清单: 40 needs with categories, sources, statuses and history; a second import adds nothing', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const { preview, result } = await importSample(core, 'needs', NEEDS_SAMPLE);
    expect(preview.headerRow).toBe(2);
    expect(preview.counts).toEqual({ add: 40, update: 0, unchanged: 0, skip: 0, error: 0 });
    expect(result).toEqual({ added: 40, updated: 0, unchanged: 0, leftOut: 0 });
    const first = await core.call('needs.list', { sortBy: 'raisedOn', sortDir: 'asc', pageSize: 100 });
    expect(first.total).toBe(40);
    const legal = first.rows.find((n) => n.communityName === '新华社区' && n.raisedOn === '2025-08-21')!;
    // "养老服务" and "12345热线" are the long forms of 养老 and 12345.
    expect(legal).toMatchObject({
      title: '法律咨询进社区',
      category: '养老',
      source: '12345',
      urgency: '较急',
      grid: '第5网格',
      status: 'open',
      contactPhone: '13588097015',
    });
    const statuses = Object.fromEntries(
      (
        core.db.prepare('SELECT status, count(*) AS n FROM needs GROUP BY status').all() as {
          status: string;
          n: number;
        }[]
      ).map((r) => [r.status, r.n]),
    );
    expect(statuses).toEqual({ open: 5, matched: 15, in_progress: 11, done: 9 });
    const detail = await core.call('needs.get', { id: legal.id });
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]!.reason).toContain('需求清单-示例.xlsx');

    const again = await importSample(core, 'needs', NEEDS_SAMPLE);
    expect(again.preview.counts).toMatchObject({ add: 0, update: 0, unchanged: 40 });
    expect(again.result).toEqual({ added: 0, updated: 0, unchanged: 40, leftOut: 0 });
    expect(count(core, 'needs')).toBe(40);
  });

  test('a preview overtaken by another import is planned again at its commit: nothing is imported twice', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const first = await core.call('needs.importPreview', sampleUpload(NEEDS_SAMPLE));
    const second = await core.call('needs.importPreview', sampleUpload(NEEDS_SAMPLE));
    expect(second.counts.add).toBe(40);
    await core.call('needs.importCommit', { previewId: first.previewId });
    const late = await core.call('needs.importCommit', { previewId: second.previewId });
    expect(late).toEqual({ added: 0, updated: 0, unchanged: 40, leftOut: 0 });
    expect(count(core, 'needs')).toBe(40);
  });

  test('资源清单: 29 resources matched to directory units', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const { preview, result } = await importSample(core, 'resources', RESOURCES_SAMPLE);
    expect(preview.unmatched).toEqual([]);
    expect(preview.counts).toEqual({ add: 29, update: 0, unchanged: 0, skip: 0, error: 0 });
    expect(result.added).toBe(29);
    const lawyers = await core.call('resources.list', { search: '党员律师' });
    expect(lawyers.rows.map((r) => r.unitName).sort()).toEqual(['区住建局', '区公证处']);
    expect(lawyers.rows[0]).toMatchObject({ type: '人才', status: 'available' });
    const again = await importSample(core, 'resources', RESOURCES_SAMPLE);
    expect(again.result).toEqual({ added: 0, updated: 0, unchanged: 29, leftOut: 0 });
  });

  test('责任分解表: 10 projects of 2025 with units, communities, deadlines and progress', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const { preview, result } = await importSample(core, 'projects', PROJECTS_SAMPLE);
    expect(preview.counts).toMatchObject({ add: 10, error: 0 });
    expect(result.added).toBe(10);
    const list = await core.call('projects.list', { sortBy: 'name', pageSize: 100 });
    const workshop = list.rows.find((p) => p.name === '共富工坊')!;
    expect(workshop).toMatchObject({
      year: 2025,
      deadlineOn: '2025-11-30',
      status: 'active',
      progressPercent: 60,
      progressText: '推进中，完成60%',
    });
    expect(workshop.leadUnits.map((u) => u.name)).toEqual(['睦邻志愿者协会']);
    expect(workshop.supportUnits.map((u) => u.name)).toEqual(['鑫源商贸有限公司']);
    expect(workshop.communities.map((c) => c.name)).toEqual(['东风社区']);
    const notStarted = list.rows.find((p) => p.name === '楼道微改造')!;
    expect(notStarted).toMatchObject({ status: 'planning', progressPercent: null });
    expect(count(core, 'progress_entries')).toBe(6);

    const again = await importSample(core, 'projects', PROJECTS_SAMPLE);
    expect(again.result).toMatchObject({ added: 0, updated: 0, unchanged: 10 });
    expect(count(core, 'progress_entries')).toBe(6);
  });

  test('a preview writes nothing and an expired preview cannot be committed', async () => {
    const core = await testCore();
    await seedDirectory(core);
    await core.call('needs.importPreview', sampleUpload(NEEDS_SAMPLE));
    expect(count(core, 'needs')).toBe(0);
    const res = await core.raw('needs.importCommit', { previewId: 'no-such-preview' });
    expect(res).toMatchObject({ ok: false, code: 'IMPORT_FAILED' });
  });
});
