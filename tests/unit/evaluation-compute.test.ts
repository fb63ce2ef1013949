import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { computeYear } from '../../electron/evaluation/service';
import { ranked } from '../../electron/evaluation/compute';
import { dailyScore, gradeOf, totalScore, DEFAULT_EVALUATION_SETTINGS } from '../../shared/domain/evaluation';
import { testCore, type TestCore } from '../helpers/core';
import { addMembers, seedDirectory } from '../helpers/members-fixtures';

/**
 * A year of records with known answers for 区人社局 (unit A). Other areas' tables are filled with SQL
 * here only to set up the fixture; the evaluation reads them through its own read-only queries.
 */
async function seedYear(core: TestCore) {
  const d = await seedDirectory(core);
  const db: Database = core.db;
  const A = d.a.id;
  const ins = (sql: string, ...p: unknown[]) => Number(db.prepare(sql).run(...p).lastInsertRowid);
  const meeting = (title: string, on: string, status = 'held') =>
    ins(
      `INSERT INTO meetings (kind, year, seq, title, held_on, status) VALUES ('joint', 2025, 1, ?, ?, ?)`,
      title,
      on,
      status,
    );
  const invite = (m: number, attendance: string) =>
    ins(
      `INSERT INTO meeting_invitees (meeting_id, unit_id, name, attendance, sort) VALUES (?, ?, '区人社局', ?, 1)`,
      m,
      A,
      attendance,
    );
  invite(meeting('一季度联席会议', '2025-03-10'), 'present');
  invite(meeting('二季度联席会议', '2025-06-10'), 'present');
  invite(meeting('专题协商会', '2025-07-10'), 'leave');
  invite(meeting('三季度联席会议', '2025-09-10'), 'absent');
  invite(meeting('四季度联席会议（筹备中）', '2025-12-10', 'preparing'), 'pending');
  invite(meeting('现场观摩会', '2025-08-10'), 'pending');

  const m1 = meeting('议定事项来源会议', '2025-01-05');
  const agenda = ins(`INSERT INTO agenda_items (meeting_id, sort, title) VALUES (?, 1, '议题')`, m1);
  const decision = (content: string, deadline: string, closed: string | null) =>
    ins(
      `INSERT INTO decisions (meeting_id, agenda_item_id, sort, content, lead_unit_id, lead_unit_name, deadline, closed_on) VALUES (?, ?, 1, ?, ?, '区人社局', ?, ?)`,
      m1,
      agenda,
      content,
      A,
      deadline,
      closed,
    );
  decision('按时办结的事项', '2025-03-01', '2025-02-20');
  decision('逾期办结的事项', '2025-04-01', '2025-05-01');
  decision('逾期未办结的事项', '2025-06-01', null);
  decision('年底到期的事项', '2025-12-20', null);
  decision('上一年的事项', '2024-12-01', '2024-11-01');

  const project = (name: string, status: string, deadline: string | null, longTerm = 0) =>
    ins(
      `INSERT INTO projects (year, name, name_key, status, deadline_on, long_term) VALUES (2025, ?, ?, ?, ?, ?)`,
      name,
      name,
      status,
      deadline,
      longTerm,
    );
  const role = (p: number, r: 'lead' | 'support') =>
    ins(`INSERT INTO project_units (project_id, unit_id, role) VALUES (?, ?, ?)`, p, A, r);
  const pass = (p: number, on: string) =>
    ins(
      `INSERT INTO project_closures (project_id, applied_on, result, reviewed_on) VALUES (?, ?, 'passed', ?)`,
      p,
      on,
      on,
    );
  const p1 = project('按期销号项目', 'closed', '2025-06-30');
  pass(p1, '2025-06-20');
  const p2 = project('逾期销号项目', 'closed', '2025-03-31');
  pass(p2, '2025-04-15');
  const p3 = project('逾期未完成项目', 'active', '2025-05-01');
  const p4 = project('长期项目', 'active', null, 1);
  const p5 = project('已终止项目', 'terminated', '2025-02-01');
  const p6 = project('配合的项目', 'active', '2025-11-30');
  for (const p of [p1, p2, p3, p4, p5]) role(p, 'lead');
  role(p6, 'support');

  const need = (title: string, status: string) =>
    ins(
      `INSERT INTO needs (community_id, title, title_key, category, raised_on, status) VALUES (?, ?, ?, '养老', '2025-02-01', ?)`,
      d.east.id,
      title,
      title,
      status,
    );
  const link = (p: number, n: number) => ins(`INSERT INTO project_needs (project_id, need_id) VALUES (?, ?)`, p, n);
  link(p1, need('助餐需求', 'done'));
  link(p1, need('助浴需求', 'done'));
  link(p6, need('配合项目的需求', 'done'));
  link(p3, need('未办结需求', 'in_progress'));

  const members = await addMembers(core, 2, A, d.east.id, '人社');
  await core.call('service.record', {
    servedOn: '2025-04-01',
    title: '志愿服务日',
    communityId: d.east.id,
    members: members.map((memberId) => ({ memberId, hours: 20 })),
  });
  await core.call('service.record', {
    servedOn: '2025-05-01',
    title: '义务巡逻',
    communityId: d.east.id,
    members: members.map((memberId) => ({ memberId, hours: 24 })),
  });
  await core.call('service.record', {
    servedOn: '2025-06-01',
    title: '助老',
    communityId: d.east.id,
    members: members.map((memberId) => ({ memberId, hours: 6 })),
  });
  // 城建集团 has a member but no service: its hours indicator counts as 0.
  await addMembers(core, 1, d.c.id, d.east.id, '城建');
  await core.call('evaluation.saveScores', {
    year: 2025,
    scores: [
      { unitId: A, annual: 90, public: 80 },
      { unitId: d.b.id, annual: 95, public: 95 },
    ],
  });
  return d;
}

describe('考核评价：日常考核指标', () => {
  it('computes every indicator from the records, with the records behind each number', async () => {
    const core = await testCore();
    const d = await seedYear(core);
    const y = computeYear(core.db, 2025, '2025-10-01');
    const a = y.units.find((u) => u.unitId === d.a.id)!;
    const by = Object.fromEntries(a.indicators.map((i) => [i.key, i]));

    expect(by.attendance).toMatchObject({ value: '2 / 4 = 50%', score: 50 });
    expect(by.attendance!.records.map((r) => `${r.title}:${r.outcome}:${r.counts}`)).toEqual([
      '一季度联席会议:出席:true',
      '二季度联席会议:出席:true',
      '专题协商会:请假:true',
      '现场观摩会:未登记出勤:false',
      '三季度联席会议:缺席:true',
    ]);

    expect(by.decisions).toMatchObject({ value: '1 / 3 = 33.3%', score: 33.3 });
    expect(by.decisions!.records.find((r) => r.title === '年底到期的事项')).toMatchObject({
      counts: false,
      outcome: '未到完成时限，不计',
    });
    expect(by.decisions!.records.find((r) => r.title === '逾期办结的事项')!.outcome).toBe('逾期办结（2025-05-01）');
    expect(by.decisions!.records.some((r) => r.title === '上一年的事项')).toBe(false);

    expect(by.projects).toMatchObject({ value: '1 / 3 = 33.3%', score: 33.3 });
    expect(by.projects!.records.map((r) => `${r.title}:${r.counts}`)).toEqual(
      expect.arrayContaining([
        '按期销号项目:true',
        '逾期销号项目:true',
        '逾期未完成项目:true',
        '长期项目:false',
        '已终止项目:false',
      ]),
    );
    expect(by.projects!.records.some((r) => r.title === '配合的项目')).toBe(false);

    expect(by.needs).toMatchObject({ value: '已办结 3 条（满分 5 条）', score: 60 });
    expect(by.needs!.records).toHaveLength(4);

    expect(by.hours).toMatchObject({ value: '100 小时（满分 200 小时）', score: 50 });
    expect(by.hours!.records.map((r) => r.outcome)).toEqual(['2人，40小时', '2人，48小时', '2人，12小时']);

    // 日常 = (50 + 33.3 + 33.3 + 60 + 50) / 5 = 45.3; total = 45.3×40% + 90×30% + 80×30% = 69.1 → 一般.
    expect(a).toMatchObject({ daily: 45.3, annual: 90, public: 80, total: 69.1, grade: '一般', missing: [] });

    // A unit with no records at all is 不计 on every indicator, not 0; its missing 日常 counts as 0 in the total.
    const b = y.units.find((u) => u.unitId === d.b.id)!;
    expect(b.indicators.every((i) => i.score === null)).toBe(true);
    expect(b).toMatchObject({ daily: null, total: 57, grade: '较差', missing: ['日常考核'] });
    const c = y.units.find((u) => u.unitId === d.c.id)!;
    expect(c).toMatchObject({ daily: 0, total: 0, missing: ['年度考评', '群众评议'] });
    expect(y.units.map((u) => u.rank)).toEqual([1, 2, 3]);
  });

  it('counts an open item as overdue once the year is over', async () => {
    const core = await testCore();
    const d = await seedYear(core);
    const a = (await core.call('evaluation.unit', { year: 2025, unitId: d.a.id })).indicators.find(
      (i) => i.key === 'decisions',
    )!;
    expect(a).toMatchObject({ value: '1 / 4 = 25%', score: 25 });
    // The ranking carries the scores without the record lists.
    const y = await core.call('evaluation.compute', { year: 2025 });
    expect(y.units[0]!.indicators.every((i) => i.records.length === 0)).toBe(true);
  });
});

describe('考核评价：权重、等次、锁定', () => {
  it('weights and grade thresholds are configurable per year and validated', async () => {
    const core = await testCore();
    const d = await seedYear(core);
    const bad = await core.raw('evaluation.saveSettings', {
      year: 2025,
      settings: { ...DEFAULT_EVALUATION_SETTINGS, weights: { daily: 50, annual: 30, public: 30 } },
    });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('权重之和应为100%') });
    const order = await core.raw('evaluation.saveSettings', {
      year: 2025,
      settings: { ...DEFAULT_EVALUATION_SETTINGS, thresholds: { excellent: 80, good: 85, fair: 60 } },
    });
    expect(order.ok).toBe(false);
    await core.call('evaluation.saveSettings', {
      year: 2025,
      settings: {
        weights: { daily: 20, annual: 40, public: 40 },
        thresholds: { excellent: 90, good: 70, fair: 60 },
        needsTarget: 3,
        hoursTarget: 100,
      },
    });
    const a = (await core.call('evaluation.compute', { year: 2025 })).units.find((u) => u.unitId === d.a.id)!;
    // needs 3/3 → 100, hours 100/100 → 100, decisions 25 (year over): 日常 = (50+25+33.3+100+100)/5 = 61.7.
    expect(a.daily).toBe(61.7);
    expect(a.total).toBe(80.3); // 61.7×20% + 90×40% + 80×40% = 12.34 + 36 + 32
    expect(a.grade).toBe('良好');
    // Another year keeps the defaults.
    expect((await core.call('evaluation.compute', { year: 2024 })).settings.weights).toEqual({
      daily: 40,
      annual: 30,
      public: 30,
    });
  });

  it('grades, totals and ties follow the rule', () => {
    const s = DEFAULT_EVALUATION_SETTINGS;
    expect([90, 89.9, 80, 79.9, 60, 59.9].map((t) => gradeOf(t, s))).toEqual([
      '优秀',
      '良好',
      '良好',
      '一般',
      '一般',
      '较差',
    ]);
    expect(totalScore({ daily: 100, annual: 100, public: 100 }, s)).toBe(100);
    expect(totalScore({ daily: null, annual: 50, public: null }, s)).toBe(15);
    expect(dailyScore([null, 80, null, 60])).toBe(70);
    expect(dailyScore([null, null])).toBeNull();
    const row = (unitName: string, total: number) => ({
      unitId: 1,
      unitName,
      indicators: [],
      daily: null,
      annual: null,
      public: null,
      total,
      grade: '一般' as const,
      missing: [],
    });
    expect(
      ranked([row('乙', 80), row('甲', 90), row('丙', 80), row('丁', 70)]).map((r) => `${r.unitName}${r.rank}`),
    ).toEqual(['甲1', '丙2', '乙2', '丁4']);
  });

  it('a locked year keeps its results when old records change; unlocking needs a reason', async () => {
    const core = await testCore();
    const d = await seedYear(core);
    const before = await core.call('evaluation.unit', { year: 2025, unitId: d.a.id });
    await core.call('evaluation.lock', { year: 2025 });
    // Old records edited afterwards: more hours, a meeting marked 出席, a score changed behind the lock.
    const [m] = await addMembers(core, 1, d.a.id, d.east.id, '新人');
    await core.call('service.record', {
      servedOn: '2025-11-01',
      title: '补录活动',
      communityId: d.east.id,
      members: [{ memberId: m!, hours: 24 }],
    });
    core.db.prepare(`UPDATE meeting_invitees SET attendance = 'present'`).run();
    const locked = await core.call('evaluation.unit', { year: 2025, unitId: d.a.id });
    expect(locked).toEqual(before);
    const y = await core.call('evaluation.compute', { year: 2025 });
    expect(y.locked).toBe(true);
    expect(
      await core.raw('evaluation.saveScores', { year: 2025, scores: [{ unitId: d.a.id, annual: 10, public: 10 }] }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('已锁定') });
    expect((await core.raw('evaluation.saveSettings', { year: 2025, settings: DEFAULT_EVALUATION_SETTINGS })).ok).toBe(
      false,
    );
    expect((await core.raw('evaluation.lock', { year: 2025 })).ok).toBe(false);
    expect((await core.raw('evaluation.unlock', { year: 2025, reason: '' })).ok).toBe(false);
    await core.call('evaluation.unlock', { year: 2025, reason: '补录了11月的服务记实' });
    const after = await core.call('evaluation.unit', { year: 2025, unitId: d.a.id });
    expect(after.indicators.find((i) => i.key === 'attendance')!.score).toBe(100);
    expect(after.indicators.find((i) => i.key === 'hours')!.value).toBe('124 小时（满分 200 小时）');
    const log = await core.call('oplog.list', {});
    expect(log.rows.some((r) => r.summary.includes('解除锁定：补录了11月的服务记实'))).toBe(true);
  });
});
