import { z } from 'zod';
import { Attachment } from './attachments';
import { defineChannel } from './channel';
import { Id, IdInput, PageInput, SavedFile, UploadedFile, isoDate, line, notes, pageOf, requiredLine } from './common';
import {
  ATTENDANCE,
  CHECK_STATUSES,
  MEETING_LIMITS as L,
  MEETING_STATUSES,
  SUPERVISION_STATUSES,
} from '../domain/meetings';

const time = z
  .string()
  .trim()
  .refine((s) => s === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), '开始时间应为“时:分”格式，如 14:30');

// ---------- 会议类型 ----------
export const MeetingKinds = z.object({
  kinds: z
    .array(requiredLine('会议类型', L.short))
    .min(1, '至少保留一种会议类型')
    .max(L.kinds, `会议类型不能超过${L.kinds}种`)
    .refine((k) => new Set(k).size === k.length, '会议类型有重复'),
});

// ---------- 参会单位 ----------
export const InviteeInput = z
  .object({
    unitId: Id.nullable().default(null),
    communityId: Id.nullable().default(null),
    delegate: line('参会人', L.short).default(''),
  })
  .refine((i) => (i.unitId === null) !== (i.communityId === null), '每个参会单位应是一个共建单位或一个社区');

export const Invitee = z.object({
  id: Id,
  unitId: Id.nullable(),
  communityId: Id.nullable(),
  name: z.string(),
  delegate: z.string(),
  attendance: z.enum(ATTENDANCE),
  attendee: z.string(),
  leaveReason: z.string(),
});
export type Invitee = z.infer<typeof Invitee>;

export const AttendanceInput = z
  .object({
    inviteeId: Id,
    attendance: z.enum(ATTENDANCE),
    attendee: line('出席人', L.short).default(''),
    leaveReason: line('请假事由', L.line).default(''),
  })
  .refine((a) => a.attendance !== 'leave' || a.leaveReason !== '', {
    message: '请假时请填写请假事由',
    path: ['leaveReason'],
  });

// ---------- 议定事项 / 督办事项 ----------
export const Decision = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id,
  content: z.string(),
  leadUnitId: Id.nullable(),
  leadUnitName: z.string(),
  partners: z.array(z.object({ unitId: Id.nullable(), name: z.string() })),
  target: z.string(),
  deadline: z.string().nullable(),
  closedOn: z.string().nullable(),
  feedbackCount: z.number().int(),
  /** When the decision was last saved: a newer local draft of its text is offered back (renderer draftStore). */
  updatedAt: z.string(),
  /** Derived at read time from today's date (逾期 is never stored). Null when no 责任单位: not tracked. */
  status: z.enum(SUPERVISION_STATUSES).nullable(),
});
export type Decision = z.infer<typeof Decision>;

export const DecisionInput = z.object({
  id: Id.optional(),
  agendaItemId: Id,
  content: notes('议定事项', L.text),
  leadUnitId: Id.nullable().default(null),
  partnerUnitIds: z.array(Id).max(50).default([]),
  deadline: isoDate('完成时限').nullable().default(null),
  target: line('目标', L.line).default(''),
});
export type DecisionInput = z.input<typeof DecisionInput>;

// ---------- 议程 ----------
export const AgendaItem = z.object({
  id: Id,
  title: z.string(),
  presenter: z.string(),
  notes: z.string(),
  discussion: z.string(),
  carryover: z.boolean(),
  savedAt: z.string(),
  decisions: z.array(Decision),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaItemInput = z.object({
  id: Id.optional(),
  meetingId: Id,
  title: requiredLine('议题', L.line),
  presenter: line('汇报人', L.short).default(''),
  notes: notes('说明', 2000).default(''),
});
export type AgendaItemInput = z.input<typeof AgendaItemInput>;

// ---------- 会议 ----------
export const MeetingSummary = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  heldOn: z.string(),
  startTime: z.string(),
  place: z.string(),
  host: z.string(),
  recorder: z.string(),
  status: z.enum(MEETING_STATUSES),
  revision: z.number().int(),
  inviteeCount: z.number().int(),
  presentCount: z.number().int(),
  decisionCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingDetail = MeetingSummary.extend({
  invitees: z.array(Invitee),
  agenda: z.array(AgendaItem),
  finalizedAt: z.string().nullable(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

const MeetingFields = z.object({
  heldOn: isoDate('会议日期'),
  startTime: time.default(''),
  place: line('会议地点', L.line).default(''),
  host: line('主持人', L.short).default(''),
  recorder: line('记录人', L.short).default(''),
});

export const MeetingCreateInput = MeetingFields.extend({
  kind: requiredLine('会议类型', L.short),
  /** Empty: numbered automatically (2025年第二次大工委联席会议). */
  title: line('会议名称', L.title).default(''),
  invitees: z.array(InviteeInput).max(500).default([]),
  /** Adds the standing item "上次会议议定事项落实情况" when earlier meetings left 督办事项 open. */
  includeCarryover: z.boolean().default(true),
});
export type MeetingCreateInput = z.input<typeof MeetingCreateInput>;

export const MeetingUpdateInput = MeetingFields.extend({
  id: Id,
  title: requiredLine('会议名称', L.title),
  status: z.enum(['preparing', 'held']),
});
export type MeetingUpdateInput = z.input<typeof MeetingUpdateInput>;

export const NextMeetingDefaults = z.object({
  title: z.string(),
  /** The last meeting of the kind, whose invitees (and who attends for them) are proposed again. */
  fromMeeting: z.object({ id: Id, title: z.string() }).nullable(),
  invitees: z.array(
    z.object({ unitId: Id.nullable(), communityId: Id.nullable(), name: z.string(), delegate: z.string() }),
  ),
  openItemCount: z.number().int(),
});

export const MeetingListQuery = PageInput.extend({
  kind: z.string().max(L.short).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  search: z.string().max(100).default(''),
  /** 出席统计 opens the meetings one unit (or community) was invited to, in the year looked at. */
  unitId: Id.optional(),
  communityId: Id.optional(),
  year: z.number().int().min(2000).max(2100).optional(),
});
export type MeetingListQuery = z.input<typeof MeetingListQuery>;

export const DraftInput = z.object({ agendaItemId: Id, discussion: notes('讨论记录', L.text) });

export const Revision = z.object({
  revision: z.number().int(),
  editor: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  text: z.string(),
});

export const AttendanceRate = z.object({
  unitId: Id.nullable(),
  communityId: Id.nullable(),
  name: z.string(),
  invited: z.number().int(),
  present: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  /** present ÷ invited over held meetings, 0..1; null when never invited to a held meeting. */
  rate: z.number().nullable(),
});

// ---------- 督办 ----------
export const SupervisionItem = Decision.extend({
  meetingTitle: z.string(),
  heldOn: z.string(),
  agendaTitle: z.string(),
});
export type SupervisionItem = z.infer<typeof SupervisionItem>;

export const Feedback = z.object({
  id: Id,
  reportedOn: z.string(),
  content: z.string(),
  checkStatus: z.enum(CHECK_STATUSES),
  checkReason: z.string(),
  checkedAt: z.string().nullable(),
  attachments: z.array(Attachment),
});
export type Feedback = z.infer<typeof Feedback>;

export const SupervisionDetail = SupervisionItem.extend({ feedback: z.array(Feedback) });
export type SupervisionDetail = z.infer<typeof SupervisionDetail>;

export const SupervisionFilter = z.object({
  unitId: Id.optional(),
  meetingId: Id.optional(),
  status: z.enum(SUPERVISION_STATUSES).optional(),
  dueThisWeek: z.boolean().default(false),
});
export const SupervisionQuery = PageInput.extend(SupervisionFilter.shape);
export type SupervisionQuery = z.input<typeof SupervisionQuery>;

export const FeedbackInput = z.object({
  decisionId: Id,
  reportedOn: isoDate('反馈日期'),
  content: notes('反馈内容', 5000).pipe(z.string().min(1, '请填写反馈内容')),
  attachments: z.array(UploadedFile).max(10, '一次最多上传10个附件').default([]),
});
export type FeedbackInput = z.input<typeof FeedbackInput>;

export const CheckInput = z
  .object({ feedbackId: Id, passed: z.boolean(), reason: line('退回原因', L.line).default('') })
  .refine((c) => c.passed || c.reason !== '', { message: '退回请填写原因', path: ['reason'] });

export const SupervisionSummary = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  dueThisWeek: z.number().int(),
  today: z.string(),
});

export const SearchHit = z.object({
  kind: z.enum(['minutes', 'decision', 'feedback']),
  meetingId: Id,
  meetingTitle: z.string(),
  decisionId: Id.nullable(),
  snippet: z.string(),
});

const Ok = z.object({ ok: z.literal(true) });

export const meetingsChannels = {
  'meetings.kinds': defineChannel(z.object({}).default({}), MeetingKinds),
  'meetings.saveKinds': defineChannel(MeetingKinds, MeetingKinds),
  'meetings.list': defineChannel(MeetingListQuery, pageOf(MeetingSummary)),
  'meetings.get': defineChannel(IdInput, MeetingDetail),
  'meetings.nextDefaults': defineChannel(z.object({ kind: requiredLine('会议类型', L.short) }), NextMeetingDefaults),
  'meetings.create': defineChannel(MeetingCreateInput, MeetingDetail),
  'meetings.update': defineChannel(MeetingUpdateInput, MeetingDetail),
  'meetings.delete': defineChannel(IdInput, Ok),
  'meetings.setInvitees': defineChannel(
    z.object({ meetingId: Id, invitees: z.array(InviteeInput).max(500) }),
    MeetingDetail,
  ),
  'meetings.markAttendance': defineChannel(AttendanceInput, Invitee),
  'meetings.saveAgendaItem': defineChannel(AgendaItemInput, MeetingDetail),
  'meetings.moveAgendaItem': defineChannel(z.object({ id: Id, direction: z.enum(['up', 'down']) }), MeetingDetail),
  'meetings.deleteAgendaItem': defineChannel(IdInput, MeetingDetail),
  /** Autosave of the discussion record: a small upsert, called about every half second while typing. */
  'meetings.saveDraft': defineChannel(DraftInput, z.object({ savedAt: z.string() })),
  'meetings.saveDecision': defineChannel(DecisionInput, Decision),
  'meetings.deleteDecision': defineChannel(IdInput, Ok),
  'meetings.finalize': defineChannel(IdInput, MeetingDetail),
  'meetings.revise': defineChannel(
    z.object({ id: Id, editor: requiredLine('修订人', L.short), reason: requiredLine('修订原因', L.line) }),
    MeetingDetail,
  ),
  'meetings.revisions': defineChannel(IdInput, z.array(Revision)),
  'meetings.attendanceRates': defineChannel(
    z.object({ from: isoDate('开始日期').optional(), to: isoDate('结束日期').optional() }),
    z.array(AttendanceRate),
  ),
  'meetings.exportAttendance': defineChannel(
    z.object({ year: z.number().int().min(2000).max(2100).optional() }),
    SavedFile,
  ),
  'meetings.search': defineChannel(z.object({ q: requiredLine('搜索内容', 50) }), z.array(SearchHit)),
  'meetings.exportNotice': defineChannel(IdInput, SavedFile),
  'meetings.exportSignInDocx': defineChannel(IdInput, SavedFile),
  'meetings.exportSignInXlsx': defineChannel(IdInput, SavedFile),
  'meetings.exportMinutesDocx': defineChannel(IdInput, SavedFile),
  'meetings.exportMinutesPdf': defineChannel(IdInput, SavedFile),
  'supervision.list': defineChannel(SupervisionQuery, pageOf(SupervisionItem)),
  'supervision.get': defineChannel(IdInput, SupervisionDetail),
  'supervision.summary': defineChannel(z.object({}).default({}), SupervisionSummary),
  'supervision.addFeedback': defineChannel(FeedbackInput, SupervisionDetail),
  'supervision.check': defineChannel(CheckInput, SupervisionDetail),
  'supervision.export': defineChannel(SupervisionFilter, SavedFile),
};
