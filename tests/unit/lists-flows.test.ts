import { describe, expect, test } from 'vitest';
import { daysBefore, todayIso } from '../../shared/domain/dates';
import { testCore, type TestCore } from '../helpers/core';
import { communityId, seedDirectory, unitId } from '../fixtures/lists';

async function setup() {
  const core = await testCore();
  await seedDirectory(core);
  return core;
}

const need = (core: TestCore, over: Record<string, unknown> = {}) =>
  core.call('needs.save', {
    communityId: communityId(core, '东风社区'),
    title: '独居老人助餐',
    description: '辖区独居老人约40人，希望提供午间助餐',
    category: '养老服务',
    source: '敲门行动',
    raisedOn: '2025-09-01',
    urgency: '紧急',
    contactName: '王芳',
    contactPhone: '138 1234 5678',
    ...over,
  });

const resource = (core: TestCore, unit: string, over: Record<string, unknown> = {}) =>
  core.call('resources.save', {
    unitId: unitId(core, unit),
    type: '志愿服务',
    title: '助餐志愿服务队',
    content: '为独居老人送餐',
    ...over,
  });

describe('需求 status flow', () => {
  test('each step is kept in the history; 不予受理 needs a reason; impossible steps are refused', async () => {
    const core = await setup();
    const n = await need(core);
    expect(n).toMatchObject({ status: 'open', category: '养老', contactPhone: '13812345678' });
    expect(n.history.map((h) => h.to)).toEqual(['open']);

    const noReason = await core.raw('needs.setStatus', { id: n.id, status: 'rejected' });
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const rejected = await core.call('needs.setStatus', { id: n.id, status: 'rejected', reason: '不属于街道职责' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '不属于街道职责' });
    const jump = await core.raw('needs.setStatus', { id: n.id, status: 'done' });
    expect(jump).toMatchObject({ ok: false, code: 'CONFLICT' });
    const reopened = await core.call('needs.setStatus', { id: n.id, status: 'open', reason: '居民补充材料' });
    expect(reopened.rejectReason).toBe('');
    expect(reopened.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'open'],
      ['open', 'rejected'],
      ['rejected', 'open'],
    ]);
  });

  test('积压: open needs older than N days are listed; the list filters and pages in SQL', async () => {
    const core = await setup();
    await need(core, { title: '旧需求', raisedOn: daysBefore(todayIso(), 45) });
    await need(core, { title: '新需求', raisedOn: daysBefore(todayIso(), 3) });
    const backlog = await core.call('needs.list', { backlogDays: 30 });
    expect(backlog.rows.map((r) => r.title)).toEqual(['旧需求']);
    expect(backlog.rows[0]!.waitingDays).toBe(45);
    const byCategory = await core.call('needs.list', {
      category: '养老',
      communityId: communityId(core, '东风社区'),
      pageSize: 1,
    });
    expect(byCategory.total).toBe(2);
    expect(byCategory.rows).toHaveLength(1);
  });

  test('the year filter keeps needs raised from 1 January to 31 December of that year', async () => {
    const core = await setup();
    for (const raisedOn of ['2024-12-31', '2025-01-01', '2025-12-31', '2026-01-01'])
      await need(core, { title: `需求${raisedOn}`, raisedOn });
    const y2025 = await core.call('needs.list', { year: 2025, sortBy: 'raisedOn', sortDir: 'asc' });
    expect(y2025.rows.map((r) => r.raisedOn)).toEqual(['2025-01-01', '2025-12-31']);
    expect(y2025.total).toBe(2);
    expect((await core.call('needs.list', { year: 2023 })).total).toBe(0);
  });
});

describe('供需对接', () => {
  test('ranks the resource whose type fits, whose unit is paired with the community, first — with reasons', async () => {
    const core = await setup();
    const n = await need(core);
    // The sample pairs 区税务局第二分局 with 东风社区; 区司法所 is paired elsewhere.
    const paired = await resource(core, '区税务局第二分局');
    const unpaired = await resource(core, '区司法所');
    const wrongType = await resource(core, '区税务局第二分局', {
      type: '法律咨询',
      title: '法律讲座',
      content: '普法宣传',
    });
    await resource(core, '区人社局', { status: 'paused' });
    const ranked = await core.call('matching.forNeed', { id: n.id });
    expect(ranked.map((c) => c.resource.id)).toEqual([paired.id, unpaired.id, wrongType.id]);
    expect(ranked[0]!.reasons).toEqual([
      '资源类型“志愿服务”对口“养老”类需求',
      '区税务局第二分局与东风社区结对共建',
      '资源可用，尚未对接其他项目',
      '内容高度相近',
    ]);
    const needsOfResource = await core.call('matching.forResource', { id: paired.id });
    expect(needsOfResource.map((c) => c.need.id)).toEqual([n.id]);
  });

  test('matching makes a project linked both ways and moves the statuses', async () => {
    const core = await setup();
    const n = await need(core);
    const r = await resource(core, '区税务局第二分局');
    const p = await core.call('matching.createProject', {
      year: 2025,
      name: '东风社区助老食堂',
      leadUnitIds: [unitId(core, '区税务局第二分局')],
      deadlineOn: '2025-12-31',
      needIds: [n.id],
      resourceIds: [r.id],
    });
    expect(p).toMatchObject({ source: 'matching', status: 'planning' });
    expect(p.needs.map((x) => x.id)).toEqual([n.id]);
    expect(p.resources.map((x) => x.id)).toEqual([r.id]);
    expect(p.communities.map((c) => c.name)).toEqual(['东风社区']);
    const nd = await core.call('needs.get', { id: n.id });
    expect(nd.status).toBe('matched');
    expect(nd.projects.map((x) => x.id)).toEqual([p.id]);
    expect((await core.call('resources.get', { id: r.id })).status).toBe('matched');
    // A need that is in a project cannot be deleted.
    expect(await core.raw('needs.delete', { id: n.id })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('项目台账', () => {
  async function project(core: TestCore, over: Record<string, unknown> = {}) {
    return core.call('projects.save', {
      year: 2025,
      name: '红色物业提质',
      leadUnitIds: [unitId(core, '区公证处')],
      supportUnitIds: [unitId(core, '区人社局')],
      communityIds: [communityId(core, '胜利社区')],
      deadlineOn: '2099-12-31',
      ...over,
    });
  }

  test('the current progress is the latest entry by date; the first entry starts the project', async () => {
    const core = await setup();
    const p = await project(core);
    expect(p.status).toBe('planning');
    await core.call('projects.addProgress', { projectId: p.id, entryOn: '2025-09-10', percent: 40, text: '完成方案' });
    const back = await core.call('projects.addProgress', {
      projectId: p.id,
      entryOn: '2025-08-01',
      percent: 10,
      text: '前期调研',
      files: [{ fileName: '调研照片.txt', dataBase64: Buffer.from('photo').toString('base64') }],
    });
    expect(back).toMatchObject({
      status: 'active',
      progressPercent: 40,
      progressOn: '2025-09-10',
      progressText: '完成方案',
    });
    expect(back.progress.map((e) => e.percent)).toEqual([40, 10]);
    expect(back.progress[1]!.attachments.map((a) => a.fileName)).toEqual(['调研照片.txt']);
  });

  test('逾期 and 停滞 are derived from today and can be filtered', async () => {
    const core = await setup();
    const late = await project(core, { name: '逾期项目', deadlineOn: daysBefore(todayIso(), 5) });
    const idle = await project(core, { name: '停滞项目', startOn: daysBefore(todayIso(), 40) });
    const fresh = await project(core, { name: '正常项目' });
    await core.call('projects.addProgress', { projectId: fresh.id, entryOn: todayIso(), percent: 20, text: '推进中' });
    const longTerm = await project(core, { name: '长期项目', deadlineOn: null, longTerm: true });
    expect(await core.call('projects.get', { id: late.id })).toMatchObject({ overdue: true, overdueDays: 5 });
    expect(await core.call('projects.get', { id: longTerm.id })).toMatchObject({
      overdue: false,
      longTerm: true,
      deadlineText: '长期坚持',
    });
    expect((await core.call('projects.get', { id: idle.id })).stalled).toBe(true);
    expect((await core.call('projects.list', { overdue: true })).rows.map((p) => p.name)).toEqual(['逾期项目']);
    const stalled = (await core.call('projects.list', { stalled: true })).rows.map((p) => p.name);
    expect(stalled).toContain('停滞项目');
    expect(stalled).not.toContain('正常项目');
    const byUnit = await core.call('projects.byUnit', { year: 2025 });
    expect(byUnit.find((u) => u.unitName === '区公证处')).toMatchObject({ lead: 4, overdue: 1 });
    expect(byUnit.find((u) => u.unitName === '区人社局')).toMatchObject({ support: 4, lead: 0 });
  });

  test('销号: apply with evidence, sent back with a reason, applied again and crossed off; linked needs 已办结', async () => {
    const core = await setup();
    const n = await need(core);
    const r = await resource(core, '区税务局第二分局');
    const p = await core.call('matching.createProject', {
      year: 2025,
      name: '助老食堂',
      leadUnitIds: [unitId(core, '区税务局第二分局')],
      needIds: [n.id],
      resourceIds: [r.id],
    });
    await core.call('projects.addProgress', { projectId: p.id, entryOn: '2025-10-01', percent: 100, text: '食堂开业' });
    expect((await core.call('needs.get', { id: n.id })).status).toBe('in_progress');
    const applied = await core.call('projects.applyClose', {
      projectId: p.id,
      appliedOn: '2025-10-02',
      applicant: '区税务局第二分局',
      evidence: '开业照片、就餐登记表',
    });
    expect(applied.status).toBe('pending_close');
    expect(
      await core.raw('projects.addProgress', { projectId: p.id, entryOn: '2025-10-03', percent: 100, text: 'x' }),
    ).toMatchObject({ ok: false });
    expect(
      await core.raw('projects.reviewClose', { projectId: p.id, pass: false, reviewedOn: '2025-10-05' }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const returned = await core.call('projects.reviewClose', {
      projectId: p.id,
      pass: false,
      reviewedOn: '2025-10-05',
      note: '缺少居民满意度',
    });
    expect(returned).toMatchObject({ status: 'active', statusReason: '缺少居民满意度' });
    await core.call('projects.applyClose', {
      projectId: p.id,
      appliedOn: '2025-10-08',
      applicant: '区税务局第二分局',
      evidence: '补充满意度调查',
    });
    const closed = await core.call('projects.reviewClose', { projectId: p.id, pass: true, reviewedOn: '2025-10-09' });
    expect(closed.status).toBe('closed');
    expect(closed.closures.map((c) => c.result)).toEqual(['passed', 'returned']);
    expect((await core.call('needs.get', { id: n.id })).status).toBe('done');
    expect((await core.call('resources.get', { id: r.id })).status).toBe('available');
    expect(await core.raw('projects.delete', { id: p.id })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  test('终止 needs a reason and sends linked needs back to 待对接; delete goes to 回收站 and comes back', async () => {
    const core = await setup();
    const n = await need(core);
    const r = await resource(core, '区税务局第二分局');
    const p = await core.call('matching.createProject', {
      year: 2025,
      name: '助老食堂',
      leadUnitIds: [unitId(core, '区税务局第二分局')],
      needIds: [n.id],
      resourceIds: [r.id],
    });
    await core.call('projects.addProgress', { projectId: p.id, entryOn: '2025-10-01', percent: 30, text: '选址' });
    expect(await core.raw('projects.setStatus', { id: p.id, status: 'terminated' })).toMatchObject({ ok: false });
    const t = await core.call('projects.setStatus', { id: p.id, status: 'terminated', reason: '场地无法落实' });
    expect(t).toMatchObject({ status: 'terminated', statusReason: '场地无法落实' });
    expect((await core.call('needs.get', { id: n.id })).status).toBe('open');

    await core.call('projects.delete', { id: p.id });
    expect(await core.raw('projects.get', { id: p.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const bin = await core.call('recycle.list', {});
    const item = bin.rows.find((b) => b.entity === 'project')!;
    await core.call('recycle.restore', { id: item.id });
    const back = await core.call('projects.get', { id: p.id });
    expect(back).toMatchObject({ status: 'terminated', progressPercent: 30 });
    expect(back.needs.map((x) => x.id)).toEqual([n.id]);
  });
});

describe('the directory keeps what the lists point at', () => {
  test('a unit with resources or projects, or a community with needs, is not deleted', async () => {
    const core = await setup();
    await need(core);
    await resource(core, '区司法所');
    const unit = await core.raw('units.delete', { id: unitId(core, '区司法所') });
    expect(unit).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((unit as { message: string }).message).toContain('登记了 1 项资源');
    // Pairings go first, so the community's own refusal is the one about needs.
    core.db.prepare('DELETE FROM pairings WHERE community_id = ?').run(communityId(core, '东风社区'));
    const community = await core.raw('communities.delete', { id: communityId(core, '东风社区') });
    expect((community as { message: string }).message).toContain('1 条需求');
  });
});
