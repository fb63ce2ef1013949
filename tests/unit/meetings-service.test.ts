import { describe, expect, test } from 'vitest';
import { todayIso } from '../../shared/domain/dates';
import { supervisionStatus, weekRange } from '../../shared/domain/meetings';
import { testCore, type TestCore } from '../helpers/core';
import { dayOffset, seedDirectory } from '../fixtures/meetings';

async function meetingWithDecisions(core: TestCore) {
  const dir = await seedDirectory(core.call);
  const m = await core.call('meetings.create', {
    kind: '大工委联席会议',
    heldOn: '2025-07-28',
    startTime: '14:30',
    place: '街道三楼会议室',
    host: '张书记',
    recorder: '刘敏',
    invitees: [
      { unitId: dir.hospital.id, delegate: '王强' },
      { unitId: dir.school.id, delegate: '陈静' },
      { communityId: dir.community.id, delegate: '周红' },
    ],
  });
  const withItem = await core.call('meetings.saveAgendaItem', {
    meetingId: m.id,
    title: '老旧小区加装电梯',
    presenter: '东门社区',
  });
  const agendaId = withItem.agenda[0]!.id;
  return { dir, m, agendaId };
}

describe('联席会议 lifecycle', () => {
  test('create numbers the meeting, keeps invitees; attendance marks it held; finalise locks; revision keeps the old text', async () => {
    const core = await testCore();
    const { dir, m, agendaId } = await meetingWithDecisions(core);
    expect(m.title).toBe('2025年第一次大工委联席会议');
    expect(m.status).toBe('preparing');
    expect(m.invitees.map((i) => i.name)).toEqual(['区人民医院', '第二实验小学', '东门社区']);

    const present = await core.call('meetings.markAttendance', { inviteeId: m.invitees[0]!.id, attendance: 'present' });
    expect(present.attendee).toBe('王强'); // who was expected to attend, unless another name is typed
    const leaveFail = await core.raw('meetings.markAttendance', { inviteeId: m.invitees[1]!.id, attendance: 'leave' });
    expect(leaveFail.ok).toBe(false);
    if (!leaveFail.ok) expect(leaveFail.message).toContain('请假时请填写请假事由');
    await core.call('meetings.markAttendance', {
      inviteeId: m.invitees[1]!.id,
      attendance: 'leave',
      leaveReason: '外出学习',
    });
    await core.call('meetings.markAttendance', { inviteeId: m.invitees[2]!.id, attendance: 'absent' });

    await core.call('meetings.saveDraft', { agendaItemId: agendaId, discussion: '会议讨论了加装电梯的资金筹措。' });
    await core.call('meetings.saveDraft', {
      agendaItemId: agendaId,
      discussion: '会议讨论了加装电梯的资金筹措和施工安排。',
    });
    const d = await core.call('meetings.saveDecision', {
      agendaItemId: agendaId,
      content: '由区人民医院牵头开展义诊',
      leadUnitId: dir.hospital.id,
      partnerUnitIds: [dir.school.id, dir.bank.id, dir.hospital.id],
      deadline: dayOffset(30),
      target: '服务居民200人次',
    });
    expect(d.partners.map((p) => p.name)).toEqual(['第二实验小学', '城关农商银行']);
    expect(d.status).toBe('notStarted');

    let detail = await core.call('meetings.get', { id: m.id });
    expect(detail.status).toBe('held');
    expect(detail.agenda[0]!.discussion).toBe('会议讨论了加装电梯的资金筹措和施工安排。');

    // Autosave logs once per agenda item and session, not per keystroke.
    const log = await core.call('oplog.list', { page: 0, pageSize: 100 });
    expect(log.rows.filter((r) => r.summary.startsWith('记录讨论情况')).length).toBe(1);

    detail = await core.call('meetings.finalize', { id: m.id });
    expect(detail.status).toBe('finalized');
    for (const [channel, input] of [
      ['meetings.saveDraft', { agendaItemId: agendaId, discussion: '改' }],
      ['meetings.saveDecision', { id: d.id, agendaItemId: agendaId, content: '改' }],
      ['meetings.saveAgendaItem', { meetingId: m.id, title: '新议题' }],
      ['meetings.markAttendance', { inviteeId: m.invitees[2]!.id, attendance: 'present' }],
    ] as const) {
      const res = await core.raw(channel, input);
      expect(res.ok, channel).toBe(false);
      if (!res.ok) expect(res.code).toBe('LOCKED');
    }

    const rev = await core.call('meetings.revise', { id: m.id, editor: '刘敏', reason: '更正施工安排表述' });
    expect(rev.status).toBe('held');
    expect(rev.revision).toBe(1);
    await core.call('meetings.saveDraft', { agendaItemId: agendaId, discussion: '会议讨论了加装电梯的资金筹措。' });
    const again = await core.call('meetings.finalize', { id: m.id });
    expect(again.status).toBe('finalized');
    const revisions = await core.call('meetings.revisions', { id: m.id });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ revision: 1, editor: '刘敏', reason: '更正施工安排表述' });
    expect(revisions[0]!.text).toContain('资金筹措和施工安排');
  });

  test('the next meeting of a kind: same invitees and delegates, next number, open 督办事项 carried over', async () => {
    const core = await testCore();
    const { dir, m, agendaId } = await meetingWithDecisions(core);
    await core.call('meetings.saveDecision', {
      agendaItemId: agendaId,
      content: '开展义诊',
      leadUnitId: dir.hospital.id,
      deadline: dayOffset(10),
    });
    await core.call('meetings.saveDecision', { agendaItemId: agendaId, content: '会后通报（不督办）' });
    const next = await core.call('meetings.nextDefaults', { kind: '大工委联席会议' });
    expect(next.fromMeeting?.id).toBe(m.id);
    expect(next.invitees.map((i) => [i.name, i.delegate])).toEqual([
      ['区人民医院', '王强'],
      ['第二实验小学', '陈静'],
      ['东门社区', '周红'],
    ]);
    expect(next.openItemCount).toBe(1);
    const year = Number(todayIso().slice(0, 4));
    expect(next.title).toBe(year === 2025 ? '2025年第二次大工委联席会议' : `${year}年第一次大工委联席会议`);

    const second = await core.call('meetings.create', {
      kind: '大工委联席会议',
      heldOn: '2025-10-20',
      invitees: next.invitees,
    });
    expect(second.title).toBe('2025年第二次大工委联席会议');
    expect(second.agenda.map((a) => [a.title, a.carryover])).toEqual([['上次会议议定事项落实情况', true]]);
    const third = await core.call('meetings.create', { kind: '推进会', heldOn: '2025-10-21', includeCarryover: false });
    expect(third.agenda).toEqual([]);
    expect(third.title).toBe('2025年第一次推进会');
  });

  test('attendance rates per unit over held meetings', async () => {
    const core = await testCore();
    const { dir, m } = await meetingWithDecisions(core);
    await core.call('meetings.markAttendance', { inviteeId: m.invitees[0]!.id, attendance: 'present' });
    await core.call('meetings.markAttendance', { inviteeId: m.invitees[1]!.id, attendance: 'absent' });
    const m2 = await core.call('meetings.create', {
      kind: '推进会',
      heldOn: '2025-08-01',
      invitees: [{ unitId: dir.hospital.id }],
    });
    await core.call('meetings.markAttendance', {
      inviteeId: m2.invitees[0]!.id,
      attendance: 'leave',
      leaveReason: '值班',
    });
    const rates = await core.call('meetings.attendanceRates', {});
    const hospital = rates.find((r) => r.unitId === dir.hospital.id)!;
    expect(hospital).toMatchObject({ invited: 2, present: 1, leave: 1, absent: 0, rate: 0.5 });
    expect(rates.find((r) => r.unitId === dir.school.id)).toMatchObject({ invited: 1, present: 0, absent: 1, rate: 0 });
    const onlyJuly = await core.call('meetings.attendanceRates', { to: '2025-07-31' });
    expect(onlyJuly.find((r) => r.unitId === dir.hospital.id)).toMatchObject({ invited: 1, rate: 1 });
  });

  test('delete goes to 回收站 and comes back whole; a finalised meeting cannot be deleted', async () => {
    const core = await testCore();
    const { dir, m, agendaId } = await meetingWithDecisions(core);
    await core.call('meetings.saveDecision', {
      agendaItemId: agendaId,
      content: '开展义诊',
      leadUnitId: dir.hospital.id,
      partnerUnitIds: [dir.bank.id],
    });
    await core.call('meetings.delete', { id: m.id });
    expect((await core.raw('meetings.get', { id: m.id })).ok).toBe(false);
    const bin = await core.call('recycle.list', { page: 0, pageSize: 10 });
    const item = bin.rows.find((r) => r.entity === 'meeting')!;
    await core.call('recycle.restore', { id: item.id });
    const back = await core.call('meetings.get', { id: m.id });
    expect(back.invitees).toHaveLength(3);
    expect(back.agenda[0]!.decisions[0]!.partners.map((p) => p.name)).toEqual(['城关农商银行']);
    await core.call('meetings.saveDraft', { agendaItemId: agendaId, discussion: '讨论' });
    await core.call('meetings.finalize', { id: m.id });
    const refused = await core.raw('meetings.delete', { id: m.id });
    expect(refused.ok).toBe(false);
  });
});

describe('督办事项', () => {
  test('status is derived: 未启动, 推进中 after feedback, 逾期 past the deadline, 已办结 only after a passed check', async () => {
    const today = '2025-07-28';
    expect(supervisionStatus({ closedOn: null, deadline: '2025-07-28', feedbackCount: 0 }, today)).toBe('notStarted');
    expect(supervisionStatus({ closedOn: null, deadline: '2025-07-27', feedbackCount: 2 }, today)).toBe('overdue');
    expect(supervisionStatus({ closedOn: null, deadline: null, feedbackCount: 1 }, today)).toBe('inProgress');
    expect(supervisionStatus({ closedOn: '2025-07-30', deadline: '2025-07-01', feedbackCount: 1 }, today)).toBe(
      'closed',
    );
    expect(weekRange('2025-07-30')).toEqual({ from: '2025-07-28', to: '2025-08-03' });
  });

  test('feedback, return with reason, pass closes; filters and counts for the 待办 panel', async () => {
    const core = await testCore();
    const { dir, agendaId } = await meetingWithDecisions(core);
    const overdue = await core.call('meetings.saveDecision', {
      agendaItemId: agendaId,
      content: '修缮活动室',
      leadUnitId: dir.bank.id,
      deadline: dayOffset(-1),
    });
    const soon = await core.call('meetings.saveDecision', {
      agendaItemId: agendaId,
      content: '开展义诊',
      leadUnitId: dir.hospital.id,
      partnerUnitIds: [dir.school.id],
      deadline: todayIso(),
    });
    await core.call('meetings.saveDecision', {
      agendaItemId: agendaId,
      content: '建设共享书屋',
      leadUnitId: dir.school.id,
      deadline: dayOffset(60),
    });
    expect(overdue.status).toBe('overdue');

    const summary = await core.call('supervision.summary', {});
    expect(summary.open).toBe(3);
    expect(summary.overdue).toBe(1);
    expect(summary.dueThisWeek).toBe(1);
    expect((await core.call('supervision.list', { status: 'overdue' })).rows.map((r) => r.content)).toEqual([
      '修缮活动室',
    ]);
    expect((await core.call('supervision.list', { dueThisWeek: true })).rows.map((r) => r.content)).toEqual([
      '开展义诊',
    ]);
    // by unit: responsible or co-operating
    expect((await core.call('supervision.list', { unitId: dir.school.id })).rows.map((r) => r.content).sort()).toEqual(
      ['开展义诊', '建设共享书屋'].sort(),
    );

    let item = await core.call('supervision.addFeedback', {
      decisionId: soon.id,
      reportedOn: todayIso(),
      content: '已于周六开展义诊，服务居民120人次。',
      attachments: [{ fileName: '义诊照片.txt', dataBase64: Buffer.from('照片').toString('base64') }],
    });
    expect(item.status).toBe('inProgress');
    expect(item.feedback[0]!.attachments.map((a) => a.fileName)).toEqual(['义诊照片.txt']);
    const second = await core.raw('supervision.addFeedback', {
      decisionId: soon.id,
      reportedOn: todayIso(),
      content: '再报',
    });
    expect(second.ok).toBe(false); // one pending report at a time

    const noReason = await core.raw('supervision.check', { feedbackId: item.feedback[0]!.id, passed: false });
    expect(noReason.ok).toBe(false);
    item = await core.call('supervision.check', {
      feedbackId: item.feedback[0]!.id,
      passed: false,
      reason: '人次不足目标',
    });
    expect(item.closedOn).toBeNull();
    expect(item.feedback[0]).toMatchObject({ checkStatus: 'returned', checkReason: '人次不足目标' });

    item = await core.call('supervision.addFeedback', {
      decisionId: soon.id,
      reportedOn: todayIso(),
      content: '补充开展一次，累计服务210人次。',
    });
    item = await core.call('supervision.check', { feedbackId: item.feedback[1]!.id, passed: true });
    expect(item.status).toBe('closed');
    expect(item.closedOn).toBe(todayIso());
    const after = await core.call('supervision.summary', {});
    expect(after).toMatchObject({ open: 2, overdue: 1, dueThisWeek: 0 });
    const closedAgain = await core.raw('supervision.addFeedback', {
      decisionId: soon.id,
      reportedOn: todayIso(),
      content: '再报',
    });
    expect(closedAgain.ok).toBe(false);
  });

  test('search finds minutes, decisions and feedback by terms of any length', async () => {
    const core = await testCore();
    const { dir, agendaId } = await meetingWithDecisions(core);
    await core.call('meetings.saveDraft', { agendaItemId: agendaId, discussion: '讨论了楼道照明和电梯维保。' });
    const d = await core.call('meetings.saveDecision', {
      agendaItemId: agendaId,
      content: '增设爱心驿站',
      leadUnitId: dir.bank.id,
    });
    await core.call('supervision.addFeedback', {
      decisionId: d.id,
      reportedOn: todayIso(),
      content: '驿站已挂牌，配备饮水机。',
    });
    const kinds = async (q: string) => (await core.call('meetings.search', { q })).map((h) => h.kind).sort();
    expect(await kinds('梯')).toEqual(['minutes']); // one agenda item, found by its discussion and title 加装电梯
    expect(await kinds('资')).toEqual([]);
    expect(await kinds('驿站')).toEqual(['decision', 'feedback']);
    expect(await kinds('饮水机')).toEqual(['feedback']);
    expect(await kinds('100%')).toEqual([]);
  });
});
