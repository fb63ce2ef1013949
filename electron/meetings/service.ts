import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../shared/contract';
import type { MeetingDetail, SupervisionDetail } from '../../shared/contract/meetings';
import { todayIso } from '../../shared/domain/dates';
import { ATTENDANCE_LABELS, CARRYOVER_TITLE, CHECK_STATUS_LABELS, meetingTitle } from '../../shared/domain/meetings';
import { attachmentsOf } from '../attachments/repo';
import { storeAttachment } from '../attachments/store';
import { AppError, notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { describeChanges, recordOp } from '../oplog/service';
import { moveToBin } from '../recycle/service';
import { optionList, saveOptionList } from '../options/service';
import { minutesText } from './minutes-text';
import * as repo from './repo';

/** The rules of 联席会议 and 督办. Every write runs in one IMMEDIATE transaction and is logged in it. */

export const FEEDBACK_OWNER = 'decision_feedback';

/** 会议类型 is one of the editable option lists of 设置 (electron/options). */
export const meetingKinds = (db: Database): string[] => optionList(db, 'meetingKinds');

export function meetingDetail(db: Database, id: number, today = todayIso()): MeetingDetail {
  const m = repo.getMeeting(db, id);
  if (!m) throw notFound('该会议');
  const decisions = repo.decisionsOfMeeting(db, id, today);
  return {
    ...m,
    invitees: repo.inviteesOf(db, id),
    agenda: repo.agendaRows(db, id).map((a) => ({
      id: a.id,
      title: a.title,
      presenter: a.presenter,
      notes: a.notes,
      discussion: a.discussion,
      carryover: a.carryover === 1,
      savedAt: a.saved_at,
      decisions: decisions.filter((d) => d.agendaItemId === a.id),
    })),
  };
}

/** Minutes can be typed until they are finalised; after that only a revision (meetings.revise) opens them. */
function editableMeeting(db: Database, meetingId: number) {
  const m = repo.getMeeting(db, meetingId);
  if (!m) throw notFound('该会议');
  if (m.status === 'finalized')
    throw new AppError('LOCKED', '会议纪要已定稿，不能直接修改。如需更正，请点击“修订纪要”并写明修订原因。');
  return m;
}

function agendaOf(db: Database, agendaItemId: number) {
  const a = repo.getAgendaRow(db, agendaItemId);
  if (!a) throw notFound('该议题');
  return a;
}

type InviteeIn = { unitId: number | null; communityId: number | null; delegate: string };

function resolveInvitees(db: Database, invitees: InviteeIn[]) {
  const seen = new Set<string>();
  return invitees.map((i) => {
    const key = i.unitId ? `u${i.unitId}` : `c${i.communityId}`;
    if (seen.has(key)) throw new AppError('INVALID_INPUT', '参会单位有重复');
    seen.add(key);
    const name = i.unitId ? repo.unitName(db, i.unitId) : repo.communityName(db, i.communityId!);
    if (!name) throw notFound(i.unitId ? '所选共建单位' : '所选社区');
    return { ...i, name };
  });
}

/** Drafts are saved about every half second; the log gets one entry per agenda item per app session, not one per keystroke. */
const loggedDrafts = new Set<string>();

function snapshotText(db: Database, id: number): string {
  return minutesText(meetingDetail(db, id));
}

/** 出席统计 per unit and community over held meetings (the screen, its export and evaluation read it). */
export function attendanceRates(db: Database, from: string | null, to: string | null) {
  return repo.attendanceCounts(db, from, to).map((r) => ({
    unitId: r.unit_id,
    communityId: r.community_id,
    name: r.name,
    invited: r.invited,
    present: r.present,
    leave: r.leave,
    absent: r.absent,
    rate: r.invited ? r.present / r.invited : null,
  }));
}

type Feedback = SupervisionDetail['feedback'][number];

export function supervisionDetail(db: Database, decisionId: number, today = todayIso()): SupervisionDetail {
  const d = repo.getDecision(db, decisionId, today);
  if (!d || !d.leadUnitName) throw notFound('该督办事项');
  const m = repo.getMeeting(db, d.meetingId)!;
  const a = repo.getAgendaRow(db, d.agendaItemId)!;
  const feedback: Feedback[] = repo.feedbackOf(db, decisionId).map((f) => ({
    id: f.id,
    reportedOn: f.reported_on,
    content: f.content,
    checkStatus: f.check_status,
    checkReason: f.check_reason,
    checkedAt: f.checked_at,
    attachments: attachmentsOf(db, FEEDBACK_OWNER, f.id),
  }));
  return { ...d, meetingTitle: m.title, heldOn: m.heldOn, agendaTitle: a.title, feedback };
}

type DecisionIn = ParsedInput<'meetings.saveDecision'>;

function decisionRecord(
  db: Database,
  input: DecisionIn,
): repo.DecisionRecord & { partners: { unitId: number; name: string }[] } {
  const leadUnitName = input.leadUnitId ? repo.unitName(db, input.leadUnitId) : '';
  if (leadUnitName === undefined) throw notFound('所选责任单位');
  const partnerIds = [...new Set(input.partnerUnitIds)].filter((u) => u !== input.leadUnitId);
  const partners = partnerIds.map((unitId) => {
    const name = repo.unitName(db, unitId);
    if (!name) throw notFound('所选配合单位');
    return { unitId, name };
  });
  if (!input.leadUnitId && (partners.length || input.deadline || input.target))
    throw new AppError('INVALID_INPUT', '填写配合单位、完成时限或目标前，请先选择责任单位');
  return {
    content: input.content,
    leadUnitId: input.leadUnitId,
    leadUnitName,
    target: input.target,
    deadline: input.deadline,
    partners,
  };
}

const DECISION_LABELS = {
  content: '议定事项',
  leadUnitName: '责任单位',
  partners: '配合单位',
  deadline: '完成时限',
  target: '目标',
};

export const meetingsHandlers: Pick<
  Handlers,
  | 'meetings.kinds'
  | 'meetings.saveKinds'
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.nextDefaults'
  | 'meetings.create'
  | 'meetings.update'
  | 'meetings.delete'
  | 'meetings.setInvitees'
  | 'meetings.markAttendance'
  | 'meetings.saveAgendaItem'
  | 'meetings.moveAgendaItem'
  | 'meetings.deleteAgendaItem'
  | 'meetings.saveDraft'
  | 'meetings.saveDecision'
  | 'meetings.deleteDecision'
  | 'meetings.finalize'
  | 'meetings.revise'
  | 'meetings.revisions'
  | 'meetings.attendanceRates'
  | 'meetings.search'
  | 'supervision.list'
  | 'supervision.get'
  | 'supervision.summary'
  | 'supervision.addFeedback'
  | 'supervision.check'
> = {
  'meetings.kinds': (_i, { db }) => ({ kinds: meetingKinds(db) }),
  'meetings.saveKinds': ({ kinds }, { db }) => ({ kinds: saveOptionList(db, 'meetingKinds', kinds) }),

  'meetings.list': (q, { db }) => repo.listMeetings(db, q),
  'meetings.get': ({ id }, { db }) => meetingDetail(db, id),

  'meetings.nextDefaults': ({ kind }, { db }) => {
    const year = Number(todayIso().slice(0, 4));
    const last = repo.lastMeetingOfKind(db, kind);
    return {
      title: meetingTitle(kind, year, repo.maxSeq(db, kind, year) + 1),
      fromMeeting: last ?? null,
      invitees: last
        ? repo
            .inviteesOf(db, last.id)
            .filter((i) => i.unitId !== null || i.communityId !== null)
            .map((i) => ({ unitId: i.unitId, communityId: i.communityId, name: i.name, delegate: i.delegate }))
        : [],
      openItemCount: repo.openItemCount(db, null),
    };
  },

  'meetings.create': (input, { db }) =>
    db
      .transaction(() => {
        const year = Number(input.heldOn.slice(0, 4));
        const seq = repo.maxSeq(db, input.kind, year) + 1;
        const title = input.title || meetingTitle(input.kind, year, seq);
        const invitees = resolveInvitees(db, input.invitees);
        const id = repo.insertMeeting(db, { ...input, title, year, seq });
        invitees.forEach((i, n) => repo.insertInvitee(db, id, i, n + 1));
        const open = repo.openItemCount(db, id);
        if (input.includeCarryover && open > 0)
          repo.insertAgendaItem(db, id, {
            title: CARRYOVER_TITLE,
            presenter: '',
            notes: `尚有${open}项督办事项未办结`,
            carryover: true,
          });
        recordOp(db, {
          action: 'create',
          entity: 'meeting',
          entityId: id,
          title,
          summary: `${input.heldOn}，参会单位${invitees.length}个${input.includeCarryover && open ? `，列入上次会议议定事项落实情况（${open}项）` : ''}`,
        });
        return meetingDetail(db, id);
      })
      .immediate(),

  'meetings.update': (input, { db }) =>
    db
      .transaction(() => {
        const before = editableMeeting(db, input.id);
        repo.updateMeeting(db, input.id, input);
        const summary = describeChanges(before as unknown as Record<string, unknown>, input, {
          title: '会议名称',
          heldOn: '会议日期',
          startTime: '时间',
          place: '地点',
          host: '主持人',
          recorder: '记录人',
          status: '状态',
        });
        if (summary)
          recordOp(db, { action: 'update', entity: 'meeting', entityId: input.id, title: input.title, summary });
        return meetingDetail(db, input.id);
      })
      .immediate(),

  'meetings.delete': ({ id }, { db }) =>
    db
      .transaction(() => {
        const m = repo.getMeeting(db, id);
        if (!m) throw notFound('该会议');
        if (m.status === 'finalized')
          throw new AppError('CONFLICT', '纪要已定稿的会议不能删除，它的记录和督办事项需要留档。');
        const rows = repo.meetingRows(db, id);
        if ((rows.decision_feedback ?? []).length)
          throw new AppError('CONFLICT', '该会议的督办事项已有反馈，不能删除。如需更正，请修改相关议定事项。');
        moveToBin(db, { entity: 'meeting', entityId: id, title: m.title, payload: rows });
        repo.deleteMeeting(db, id);
        return { ok: true as const };
      })
      .immediate(),

  'meetings.setInvitees': ({ meetingId, invitees }, { db }) =>
    db
      .transaction(() => {
        const m = editableMeeting(db, meetingId);
        const resolved = resolveInvitees(db, invitees);
        // Attendance already marked for a unit that stays invited is kept.
        const kept = new Map(
          repo.inviteesOf(db, meetingId).map((i) => [i.unitId ? `u${i.unitId}` : `c${i.communityId}`, i]),
        );
        repo.deleteInvitees(db, meetingId);
        resolved.forEach((i, n) => {
          const old = kept.get(i.unitId ? `u${i.unitId}` : `c${i.communityId}`);
          repo.insertInvitee(
            db,
            meetingId,
            { ...i, attendance: old?.attendance, attendee: old?.attendee, leaveReason: old?.leaveReason },
            n + 1,
          );
        });
        recordOp(db, {
          action: 'update',
          entity: 'meeting',
          entityId: meetingId,
          title: m.title,
          summary: `参会单位：${resolved.map((i) => i.name).join('、') || '（无）'}`,
        });
        return meetingDetail(db, meetingId);
      })
      .immediate(),

  'meetings.markAttendance': (input, { db }) =>
    db
      .transaction(() => {
        const inv = repo.getInvitee(db, input.inviteeId);
        if (!inv) throw notFound('该参会单位');
        const m = editableMeeting(db, inv.meetingId);
        const attendee = input.attendance === 'present' ? input.attendee || inv.delegate : input.attendee;
        const leaveReason = input.attendance === 'leave' ? input.leaveReason : '';
        repo.updateAttendance(db, inv.id, { attendance: input.attendance, attendee, leaveReason });
        // Marking attendance means the meeting is taking place.
        if (m.status === 'preparing') repo.setMeetingStatus(db, m.id, 'held');
        recordOp(db, {
          action: 'update',
          entity: 'meeting',
          entityId: m.id,
          title: m.title,
          summary: `${inv.name}：${ATTENDANCE_LABELS[input.attendance]}${attendee ? `（${attendee}）` : ''}${leaveReason ? `，事由：${leaveReason}` : ''}`,
        });
        return repo.getInvitee(db, inv.id)!;
      })
      .immediate(),

  'meetings.saveAgendaItem': (input, { db }) =>
    db
      .transaction(() => {
        const m = editableMeeting(db, input.meetingId);
        if (input.id) {
          const before = agendaOf(db, input.id);
          if (before.meeting_id !== m.id) throw notFound('该议题');
          repo.updateAgendaItem(db, input.id, input);
          const summary = describeChanges(before as unknown as Record<string, unknown>, input, {
            title: '议题',
            presenter: '汇报人',
            notes: '说明',
          });
          if (summary) recordOp(db, { action: 'update', entity: 'meeting', entityId: m.id, title: m.title, summary });
        } else {
          repo.insertAgendaItem(db, m.id, input);
          recordOp(db, {
            action: 'update',
            entity: 'meeting',
            entityId: m.id,
            title: m.title,
            summary: `新增议题：${input.title}`,
          });
        }
        return meetingDetail(db, m.id);
      })
      .immediate(),

  'meetings.moveAgendaItem': ({ id, direction }, { db }) =>
    db
      .transaction(() => {
        const a = agendaOf(db, id);
        const m = editableMeeting(db, a.meeting_id);
        const rows = repo.agendaRows(db, a.meeting_id);
        const i = rows.findIndex((r) => r.id === id);
        const j = direction === 'up' ? i - 1 : i + 1;
        if (j >= 0 && j < rows.length) {
          const order = rows.map((r) => r.id);
          [order[i], order[j]] = [order[j]!, order[i]!];
          order.forEach((rid, n) => repo.setAgendaSort(db, rid, n + 1));
          recordOp(db, {
            action: 'update',
            entity: 'meeting',
            entityId: m.id,
            title: m.title,
            summary: `议题“${a.title}”${direction === 'up' ? '上移' : '下移'}，现为第${j + 1}项`,
          });
        }
        return meetingDetail(db, a.meeting_id);
      })
      .immediate(),

  'meetings.deleteAgendaItem': ({ id }, { db }) =>
    db
      .transaction(() => {
        const a = agendaOf(db, id);
        const m = editableMeeting(db, a.meeting_id);
        const ds = repo.decisionsOfMeeting(db, m.id, todayIso()).filter((d) => d.agendaItemId === id);
        if (ds.some((d) => d.feedbackCount > 0))
          throw new AppError('CONFLICT', '该议题下的督办事项已有反馈，不能删除议题。');
        if (a.discussion.trim() || ds.length)
          throw new AppError('CONFLICT', `议题“${a.title}”已有讨论记录或议定事项，请先清空后再删除。`);
        repo.deleteAgendaItem(db, id);
        recordOp(db, {
          action: 'update',
          entity: 'meeting',
          entityId: m.id,
          title: m.title,
          summary: `删除议题：${a.title}`,
        });
        return meetingDetail(db, m.id);
      })
      .immediate(),

  'meetings.saveDraft': ({ agendaItemId, discussion }, { db, dbPath }) =>
    db
      .transaction(() => {
        const a = agendaOf(db, agendaItemId);
        const m = editableMeeting(db, a.meeting_id);
        if (a.discussion === discussion) return { savedAt: a.saved_at };
        const savedAt = repo.saveDiscussion(db, agendaItemId, discussion);
        const key = `${dbPath}#${agendaItemId}`;
        if (!loggedDrafts.has(key)) {
          loggedDrafts.add(key);
          recordOp(db, {
            action: 'update',
            entity: 'minutes',
            entityId: m.id,
            title: m.title,
            summary: `记录讨论情况：${a.title}`,
          });
        }
        if (m.status === 'preparing') repo.setMeetingStatus(db, m.id, 'held');
        return { savedAt };
      })
      .immediate(),

  'meetings.saveDecision': (input, { db }) =>
    db
      .transaction(() => {
        const a = agendaOf(db, input.agendaItemId);
        const m = editableMeeting(db, a.meeting_id);
        const today = todayIso();
        const rec = decisionRecord(db, input);
        let id = input.id;
        if (id) {
          const before = repo.getDecision(db, id, today);
          if (!before || before.meetingId !== m.id) throw notFound('该议定事项');
          if (before.feedbackCount > 0 && before.leadUnitId !== rec.leadUnitId)
            throw new AppError('CONFLICT', '该督办事项已有反馈，不能更换责任单位。');
          repo.updateDecision(db, id, rec);
          const summary = describeChanges(
            { ...before, partners: before.partners.map((p) => p.name).join('、') },
            { ...rec, partners: rec.partners.map((p) => p.name).join('、') },
            DECISION_LABELS,
          );
          if (summary) recordOp(db, { action: 'update', entity: 'decision', entityId: id, title: m.title, summary });
        } else {
          id = repo.insertDecision(db, m.id, a.id, rec);
          recordOp(db, {
            action: 'create',
            entity: 'decision',
            entityId: id,
            title: m.title,
            summary: rec.content.slice(0, 80),
          });
        }
        repo.replacePartners(db, id, rec.partners);
        return repo.getDecision(db, id, today)!;
      })
      .immediate(),

  'meetings.deleteDecision': ({ id }, { db }) =>
    db
      .transaction(() => {
        const d = repo.getDecision(db, id, todayIso());
        if (!d) throw notFound('该议定事项');
        const m = editableMeeting(db, d.meetingId);
        if (d.feedbackCount > 0) throw new AppError('CONFLICT', '该督办事项已有反馈，不能删除。');
        repo.deleteDecision(db, id);
        recordOp(db, {
          action: 'update',
          entity: 'minutes',
          entityId: m.id,
          title: m.title,
          summary: `删除议定事项：${d.content.slice(0, 80)}`,
        });
        return { ok: true as const };
      })
      .immediate(),

  'meetings.finalize': ({ id }, { db }) =>
    db
      .transaction(() => {
        const m = editableMeeting(db, id);
        const detail = meetingDetail(db, id);
        if (!detail.agenda.some((a) => a.discussion.trim() || a.decisions.length))
          throw new AppError('INVALID_INPUT', '纪要还是空的：请至少记录一个议题的讨论情况或议定事项后再定稿。');
        if (detail.agenda.some((a) => a.decisions.some((d) => !d.content.trim())))
          throw new AppError('INVALID_INPUT', '有议定事项的内容为空，请填写或删除后再定稿。');
        repo.setMeetingStatus(db, id, 'finalized');
        recordOp(db, {
          action: 'update',
          entity: 'minutes',
          entityId: id,
          title: m.title,
          summary: m.revision ? `纪要第${m.revision}次修订后定稿` : '纪要定稿',
        });
        return meetingDetail(db, id);
      })
      .immediate(),

  'meetings.revise': ({ id, editor, reason }, { db }) =>
    db
      .transaction(() => {
        const m = repo.getMeeting(db, id);
        if (!m) throw notFound('该会议');
        if (m.status !== 'finalized') throw new AppError('CONFLICT', '纪要尚未定稿，可以直接修改，无需修订。');
        const revision = m.revision + 1;
        // The finalised text is kept as it was; the minutes reopen for the correction and are finalised again.
        repo.insertRevision(db, { meetingId: id, revision, editor, reason, snapshot: snapshotText(db, id) });
        repo.setMeetingStatus(db, id, 'held', revision);
        recordOp(db, {
          action: 'update',
          entity: 'minutes',
          entityId: id,
          title: m.title,
          summary: `第${revision}次修订（${editor}）：${reason}`,
        });
        return meetingDetail(db, id);
      })
      .immediate(),

  'meetings.revisions': ({ id }, { db }) =>
    repo.revisionsOf(db, id).map((r) => ({
      revision: r.revision,
      editor: r.editor,
      reason: r.reason,
      createdAt: r.created_at,
      text: r.snapshot,
    })),

  'meetings.attendanceRates': ({ from, to }, { db }) => attendanceRates(db, from ?? null, to ?? null),

  'meetings.search': ({ q }, { db }) =>
    repo.searchText(db, q, 100).map((r) => {
      const at = r.text.indexOf(q);
      const start = Math.max(0, at - 20);
      const snippet =
        (start > 0 ? '…' : '') +
        r.text.slice(start, start + 80).replace(/\s+/g, ' ') +
        (r.text.length > start + 80 ? '…' : '');
      return {
        kind: r.kind,
        meetingId: r.meeting_id,
        meetingTitle: r.meeting_title,
        decisionId: r.decision_id,
        snippet,
      };
    }),

  'supervision.list': (q, { db }) =>
    repo.listSupervision(db, q, todayIso(), { limit: q.pageSize, offset: q.page * q.pageSize }),
  'supervision.get': ({ id }, { db }) => supervisionDetail(db, id),
  'supervision.summary': (_i, { db }) => {
    const today = todayIso();
    return { ...repo.supervisionCounts(db, today), today };
  },

  'supervision.addFeedback': (input, { db, dbPath }) =>
    db
      .transaction(() => {
        const d = supervisionDetail(db, input.decisionId);
        if (d.closedOn) throw new AppError('CONFLICT', '该督办事项已办结，不能再提交反馈。');
        if (d.feedback.some((f) => f.checkStatus === 'pending'))
          throw new AppError('CONFLICT', '上一条反馈还在等待审核，请先审核后再录入新的反馈。');
        const fid = repo.insertFeedback(db, input);
        for (const file of input.attachments) storeAttachment(db, dbPath, FEEDBACK_OWNER, fid, file);
        recordOp(db, {
          action: 'create',
          entity: 'feedback',
          entityId: fid,
          title: `${d.leadUnitName}：${d.content.slice(0, 30)}`,
          summary: `${input.reportedOn} ${input.content.slice(0, 80)}${input.attachments.length ? `（附件${input.attachments.length}个）` : ''}`,
        });
        return supervisionDetail(db, input.decisionId);
      })
      .immediate(),

  'supervision.check': ({ feedbackId, passed, reason }, { db }) =>
    db
      .transaction(() => {
        const f = repo.getFeedback(db, feedbackId);
        if (!f) throw notFound('该反馈');
        if (f.check_status !== 'pending')
          throw new AppError('CONFLICT', `该反馈已${CHECK_STATUS_LABELS[f.check_status]}，不能重复审核。`);
        const d = supervisionDetail(db, f.decision_id);
        repo.checkFeedback(db, feedbackId, passed ? 'passed' : 'returned', passed ? '' : reason);
        // 办结 only after a passed check: the day of the check closes the item.
        if (passed) repo.closeDecision(db, d.id, todayIso());
        recordOp(db, {
          action: 'update',
          entity: 'decision',
          entityId: d.id,
          title: `${d.leadUnitName}：${d.content.slice(0, 30)}`,
          summary: passed ? '反馈审核通过，已办结' : `反馈退回：${reason}`,
        });
        return supervisionDetail(db, d.id);
      })
      .immediate(),
};
