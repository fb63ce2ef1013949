import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type {
  Decision,
  Invitee,
  MeetingListQuery,
  MeetingSummary,
  SupervisionFilter,
  SupervisionItem,
} from '../../shared/contract/meetings';
import {
  supervisionStatus,
  weekRange,
  type Attendance,
  type CheckStatus,
  type MeetingStatus,
} from '../../shared/domain/meetings';
import { likePattern } from '../db/sql';

/** All SQL of the meetings area. Callers own the transactions. */

// ---------- meetings ----------
interface MeetingRow {
  id: number;
  kind: string;
  year: number;
  seq: number;
  title: string;
  held_on: string;
  start_time: string;
  place: string;
  host: string;
  recorder: string;
  status: MeetingStatus;
  revision: number;
  finalized_at: string | null;
  invitee_count: number;
  present_count: number;
  decision_count: number;
}

const MEETING_COLUMNS = `m.*,
  (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = m.id) AS invitee_count,
  (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.attendance = 'present') AS present_count,
  (SELECT count(*) FROM decisions d WHERE d.meeting_id = m.id) AS decision_count`;

const toSummary = (r: MeetingRow): MeetingSummary => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  heldOn: r.held_on,
  startTime: r.start_time,
  place: r.place,
  host: r.host,
  recorder: r.recorder,
  status: r.status,
  revision: r.revision,
  inviteeCount: r.invitee_count,
  presentCount: r.present_count,
  decisionCount: r.decision_count,
});

export interface MeetingRecord {
  kind: string;
  year: number;
  seq: number;
  title: string;
  heldOn: string;
  startTime: string;
  place: string;
  host: string;
  recorder: string;
}

export function getMeeting(
  db: Database,
  id: number,
): (MeetingSummary & { finalizedAt: string | null; year: number; seq: number }) | undefined {
  const r = db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  return r && { ...toSummary(r), finalizedAt: r.finalized_at, year: r.year, seq: r.seq };
}

export function listMeetings(
  db: Database,
  q: z.output<typeof MeetingListQuery>,
): { rows: MeetingSummary[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.kind) {
    where.push('m.kind = @kind');
    params.kind = q.kind;
  }
  if (q.status) {
    where.push('m.status = @status');
    params.status = q.status;
  }
  if (q.unitId) {
    where.push('m.id IN (SELECT meeting_id FROM meeting_invitees WHERE unit_id = @unitId)');
    params.unitId = q.unitId;
  }
  if (q.communityId) {
    where.push('m.id IN (SELECT meeting_id FROM meeting_invitees WHERE community_id = @communityId)');
    params.communityId = q.communityId;
  }
  if (q.year) {
    where.push('m.held_on BETWEEN @yearFrom AND @yearTo');
    params.yearFrom = `${q.year}-01-01`;
    params.yearTo = `${q.year}-12-31`;
  }
  if (q.search.trim()) {
    where.push(`(m.title LIKE @s ESCAPE '\\' OR m.place LIKE @s ESCAPE '\\' OR m.host LIKE @s ESCAPE '\\')`);
    params.s = likePattern(q.search.trim());
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM meetings m ${whereSql}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT ${MEETING_COLUMNS} FROM meetings m ${whereSql} ORDER BY m.held_on DESC, m.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as MeetingRow[];
  return { rows: rows.map(toSummary), total };
}

export function lastMeetingOfKind(db: Database, kind: string): { id: number; title: string } | undefined {
  return db
    .prepare('SELECT id, title FROM meetings WHERE kind = ? ORDER BY held_on DESC, id DESC LIMIT 1')
    .get(kind) as { id: number; title: string } | undefined;
}

export function maxSeq(db: Database, kind: string, year: number): number {
  return (
    db.prepare('SELECT coalesce(max(seq), 0) AS n FROM meetings WHERE kind = ? AND year = ?').get(kind, year) as {
      n: number;
    }
  ).n;
}

export function insertMeeting(db: Database, m: MeetingRecord): number {
  return Number(
    db
      .prepare(
        `INSERT INTO meetings (kind, year, seq, title, held_on, start_time, place, host, recorder)
         VALUES (@kind, @year, @seq, @title, @heldOn, @startTime, @place, @host, @recorder)`,
      )
      .run(m).lastInsertRowid,
  );
}

export function updateMeeting(
  db: Database,
  id: number,
  m: {
    title: string;
    heldOn: string;
    startTime: string;
    place: string;
    host: string;
    recorder: string;
    status: MeetingStatus;
  },
): void {
  db.prepare(
    `UPDATE meetings SET title = @title, held_on = @heldOn, start_time = @startTime, place = @place, host = @host,
       recorder = @recorder, status = @status, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
  ).run({ ...m, id });
}

export function setMeetingStatus(db: Database, id: number, status: MeetingStatus, revision?: number): void {
  db.prepare(
    `UPDATE meetings SET status = @status, revision = coalesce(@revision, revision),
       finalized_at = CASE WHEN @status = 'finalized' THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE finalized_at END,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
  ).run({ id, status, revision: revision ?? null });
}

// ---------- invitees ----------
interface InviteeRow {
  id: number;
  unit_id: number | null;
  community_id: number | null;
  name: string;
  delegate: string;
  attendance: Attendance;
  attendee: string;
  leave_reason: string;
}
const toInvitee = (r: InviteeRow): Invitee => ({
  id: r.id,
  unitId: r.unit_id,
  communityId: r.community_id,
  name: r.name,
  delegate: r.delegate,
  attendance: r.attendance,
  attendee: r.attendee,
  leaveReason: r.leave_reason,
});

export function inviteesOf(db: Database, meetingId: number): Invitee[] {
  return (
    db.prepare('SELECT * FROM meeting_invitees WHERE meeting_id = ? ORDER BY sort, id').all(meetingId) as InviteeRow[]
  ).map(toInvitee);
}

export function getInvitee(db: Database, id: number): (Invitee & { meetingId: number }) | undefined {
  const r = db.prepare('SELECT * FROM meeting_invitees WHERE id = ?').get(id) as
    (InviteeRow & { meeting_id: number }) | undefined;
  return r && { ...toInvitee(r), meetingId: r.meeting_id };
}

export function insertInvitee(
  db: Database,
  meetingId: number,
  i: {
    unitId: number | null;
    communityId: number | null;
    name: string;
    delegate: string;
    attendance?: Attendance;
    attendee?: string;
    leaveReason?: string;
  },
  sort: number,
): void {
  db.prepare(
    `INSERT INTO meeting_invitees (meeting_id, unit_id, community_id, name, delegate, attendance, attendee, leave_reason, sort)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    meetingId,
    i.unitId,
    i.communityId,
    i.name,
    i.delegate,
    i.attendance ?? 'pending',
    i.attendee ?? '',
    i.leaveReason ?? '',
    sort,
  );
}

export function deleteInvitees(db: Database, meetingId: number): void {
  db.prepare('DELETE FROM meeting_invitees WHERE meeting_id = ?').run(meetingId);
}

export function updateAttendance(
  db: Database,
  id: number,
  a: { attendance: Attendance; attendee: string; leaveReason: string },
): void {
  db.prepare(
    'UPDATE meeting_invitees SET attendance = @attendance, attendee = @attendee, leave_reason = @leaveReason WHERE id = @id',
  ).run({ ...a, id });
}

export function unitName(db: Database, id: number): string | undefined {
  return (db.prepare('SELECT name FROM units WHERE id = ?').get(id) as { name: string } | undefined)?.name;
}
export function communityName(db: Database, id: number): string | undefined {
  return (db.prepare('SELECT name FROM communities WHERE id = ?').get(id) as { name: string } | undefined)?.name;
}

export interface AttendanceCounts {
  unit_id: number | null;
  community_id: number | null;
  name: string;
  invited: number;
  present: number;
  leave: number;
  absent: number;
}

/** Per unit (or community) over meetings that took place; pending marks of a held meeting count as 缺席 not yet recorded, so they are left out of the rate's base. */
export function attendanceCounts(db: Database, from: string | null, to: string | null): AttendanceCounts[] {
  return db
    .prepare(
      `SELECT i.unit_id, i.community_id,
         coalesce(u.name, c.name, max(i.name)) AS name,
         sum(i.attendance <> 'pending') AS invited,
         sum(i.attendance = 'present') AS present,
         sum(i.attendance = 'leave') AS leave,
         sum(i.attendance = 'absent') AS absent
       FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id
       LEFT JOIN units u ON u.id = i.unit_id LEFT JOIN communities c ON c.id = i.community_id
       WHERE m.status <> 'preparing' AND (i.unit_id IS NOT NULL OR i.community_id IS NOT NULL)
         AND (@from IS NULL OR m.held_on >= @from) AND (@to IS NULL OR m.held_on <= @to)
       GROUP BY i.unit_id, i.community_id ORDER BY name`,
    )
    .all({ from, to }) as AttendanceCounts[];
}

// ---------- agenda ----------
interface AgendaRow {
  id: number;
  meeting_id: number;
  sort: number;
  title: string;
  presenter: string;
  notes: string;
  discussion: string;
  carryover: number;
  saved_at: string;
}

export function agendaRows(db: Database, meetingId: number): AgendaRow[] {
  return db.prepare('SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY sort, id').all(meetingId) as AgendaRow[];
}

export function getAgendaRow(db: Database, id: number): AgendaRow | undefined {
  return db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(id) as AgendaRow | undefined;
}

export function insertAgendaItem(
  db: Database,
  meetingId: number,
  a: { title: string; presenter: string; notes: string; carryover?: boolean },
): number {
  const sort = (
    db.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM agenda_items WHERE meeting_id = ?').get(meetingId) as {
      n: number;
    }
  ).n;
  return Number(
    db
      .prepare(
        'INSERT INTO agenda_items (meeting_id, sort, title, presenter, notes, carryover) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(meetingId, sort, a.title, a.presenter, a.notes, a.carryover ? 1 : 0).lastInsertRowid,
  );
}

export function updateAgendaItem(
  db: Database,
  id: number,
  a: { title: string; presenter: string; notes: string },
): void {
  db.prepare('UPDATE agenda_items SET title = @title, presenter = @presenter, notes = @notes WHERE id = @id').run({
    ...a,
    id,
  });
}

export function setAgendaSort(db: Database, id: number, sort: number): void {
  db.prepare('UPDATE agenda_items SET sort = ? WHERE id = ?').run(sort, id);
}

export function deleteAgendaItem(db: Database, id: number): void {
  db.prepare('DELETE FROM agenda_items WHERE id = ?').run(id);
}

/** The autosave write: one row, one statement. Returns the stored time. */
export function saveDiscussion(db: Database, id: number, discussion: string): string {
  return (
    db
      .prepare(
        `UPDATE agenda_items SET discussion = ?, saved_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? RETURNING saved_at`,
      )
      .get(discussion, id) as { saved_at: string }
  ).saved_at;
}

// ---------- decisions ----------
interface DecisionRow {
  id: number;
  meeting_id: number;
  agenda_item_id: number;
  content: string;
  lead_unit_id: number | null;
  lead_unit_name: string;
  target: string;
  deadline: string | null;
  closed_on: string | null;
  updated_at: string;
  feedback_count: number;
  partners: string | null;
}

const DECISION_COLUMNS = `d.id, d.meeting_id, d.agenda_item_id, d.content, d.lead_unit_id, d.lead_unit_name, d.target, d.deadline,
  d.closed_on, d.updated_at,
  (SELECT count(*) FROM decision_feedback f WHERE f.decision_id = d.id) AS feedback_count,
  (SELECT json_group_array(json_object('unitId', p.unit_id, 'name', p.unit_name))
     FROM (SELECT * FROM decision_partners p WHERE p.decision_id = d.id ORDER BY p.sort) p) AS partners`;

function toDecision(r: DecisionRow, today: string): Decision {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    agendaItemId: r.agenda_item_id,
    content: r.content,
    leadUnitId: r.lead_unit_id,
    leadUnitName: r.lead_unit_name,
    partners: r.partners ? (JSON.parse(r.partners) as Decision['partners']) : [],
    target: r.target,
    deadline: r.deadline,
    closedOn: r.closed_on,
    feedbackCount: r.feedback_count,
    updatedAt: r.updated_at,
    status: r.lead_unit_name
      ? supervisionStatus({ closedOn: r.closed_on, deadline: r.deadline, feedbackCount: r.feedback_count }, today)
      : null,
  };
}

export function decisionsOfMeeting(db: Database, meetingId: number, today: string): Decision[] {
  return (
    db
      .prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.meeting_id = ? ORDER BY d.sort, d.id`)
      .all(meetingId) as DecisionRow[]
  ).map((r) => toDecision(r, today));
}

export function getDecision(db: Database, id: number, today: string): Decision | undefined {
  const r = db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.id = ?`).get(id) as DecisionRow | undefined;
  return r && toDecision(r, today);
}

export interface DecisionRecord {
  content: string;
  leadUnitId: number | null;
  leadUnitName: string;
  target: string;
  deadline: string | null;
}

export function insertDecision(db: Database, meetingId: number, agendaItemId: number, d: DecisionRecord): number {
  const sort = (
    db.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM decisions WHERE agenda_item_id = ?').get(agendaItemId) as {
      n: number;
    }
  ).n;
  return Number(
    db
      .prepare(
        `INSERT INTO decisions (meeting_id, agenda_item_id, sort, content, lead_unit_id, lead_unit_name, target, deadline)
         VALUES (@meetingId, @agendaItemId, @sort, @content, @leadUnitId, @leadUnitName, @target, @deadline)`,
      )
      .run({ ...d, meetingId, agendaItemId, sort }).lastInsertRowid,
  );
}

export function updateDecision(db: Database, id: number, d: DecisionRecord): void {
  db.prepare(
    `UPDATE decisions SET content = @content, lead_unit_id = @leadUnitId, lead_unit_name = @leadUnitName, target = @target,
       deadline = @deadline, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
  ).run({ ...d, id });
}

export function replacePartners(db: Database, decisionId: number, partners: { unitId: number; name: string }[]): void {
  db.prepare('DELETE FROM decision_partners WHERE decision_id = ?').run(decisionId);
  const ins = db.prepare('INSERT INTO decision_partners (decision_id, unit_id, unit_name, sort) VALUES (?, ?, ?, ?)');
  partners.forEach((p, i) => ins.run(decisionId, p.unitId, p.name, i + 1));
}

export function deleteDecision(db: Database, id: number): void {
  db.prepare('DELETE FROM decisions WHERE id = ?').run(id);
}

export function closeDecision(db: Database, id: number, closedOn: string | null): void {
  db.prepare(`UPDATE decisions SET closed_on = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(
    closedOn,
    id,
  );
}

// ---------- 督办 list ----------
type Filter = z.output<typeof SupervisionFilter>;

/** WHERE for the 督办 list; status filters are translated to SQL with today's date (逾期 is not stored). */
function supervisionWhere(f: Filter, today: string): { sql: string; params: Record<string, unknown> } {
  const where = [`d.lead_unit_name <> ''`];
  const params: Record<string, unknown> = { today };
  if (f.unitId) {
    where.push(
      '(d.lead_unit_id = @unitId OR EXISTS (SELECT 1 FROM decision_partners p WHERE p.decision_id = d.id AND p.unit_id = @unitId))',
    );
    params.unitId = f.unitId;
  }
  if (f.meetingId) {
    where.push('d.meeting_id = @meetingId');
    params.meetingId = f.meetingId;
  }
  const hasFeedback = 'EXISTS (SELECT 1 FROM decision_feedback f WHERE f.decision_id = d.id)';
  if (f.status === 'closed') where.push('d.closed_on IS NOT NULL');
  if (f.status === 'overdue') where.push('d.closed_on IS NULL AND d.deadline < @today');
  if (f.status === 'inProgress')
    where.push(`d.closed_on IS NULL AND (d.deadline IS NULL OR d.deadline >= @today) AND ${hasFeedback}`);
  if (f.status === 'notStarted')
    where.push(`d.closed_on IS NULL AND (d.deadline IS NULL OR d.deadline >= @today) AND NOT ${hasFeedback}`);
  if (f.dueThisWeek) {
    const w = weekRange(today);
    where.push('d.closed_on IS NULL AND d.deadline >= @today AND d.deadline <= @weekEnd');
    params.weekEnd = w.to;
  }
  return { sql: `WHERE ${where.join(' AND ')}`, params };
}

export function listSupervision(
  db: Database,
  f: Filter,
  today: string,
  page: { limit: number; offset: number } | null,
): { rows: SupervisionItem[]; total: number } {
  const { sql, params } = supervisionWhere(f, today);
  const total = (db.prepare(`SELECT count(*) AS n FROM decisions d ${sql}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT ${DECISION_COLUMNS}, m.title AS meeting_title, m.held_on, a.title AS agenda_title
       FROM decisions d JOIN meetings m ON m.id = d.meeting_id JOIN agenda_items a ON a.id = d.agenda_item_id
       ${sql}
       ORDER BY d.closed_on IS NOT NULL, d.deadline IS NULL, d.deadline, d.id
       ${page ? 'LIMIT @limit OFFSET @offset' : ''}`,
    )
    .all({ ...params, ...(page ?? {}) }) as (DecisionRow & {
    meeting_title: string;
    held_on: string;
    agenda_title: string;
  })[];
  return {
    rows: rows.map((r) => ({
      ...toDecision(r, today),
      meetingTitle: r.meeting_title,
      heldOn: r.held_on,
      agendaTitle: r.agenda_title,
    })),
    total,
  };
}

export function supervisionCounts(db: Database, today: string): { open: number; overdue: number; dueThisWeek: number } {
  const w = weekRange(today);
  return db
    .prepare(
      `SELECT count(*) AS open,
         coalesce(sum(deadline < @today), 0) AS overdue,
         coalesce(sum(deadline >= @today AND deadline <= @weekEnd), 0) AS dueThisWeek
       FROM decisions WHERE lead_unit_name <> '' AND closed_on IS NULL`,
    )
    .get({ today, weekEnd: w.to }) as { open: number; overdue: number; dueThisWeek: number };
}

/** Open 督办事项 of meetings other than `exceptMeetingId`, for the standing agenda item. */
export function openItemCount(db: Database, exceptMeetingId: number | null): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM decisions WHERE lead_unit_name <> '' AND closed_on IS NULL AND meeting_id IS NOT coalesce(?, -1)`,
      )
      .get(exceptMeetingId) as { n: number }
  ).n;
}

// ---------- feedback ----------
export interface FeedbackRow {
  id: number;
  decision_id: number;
  reported_on: string;
  content: string;
  check_status: CheckStatus;
  check_reason: string;
  checked_at: string | null;
}

export function feedbackOf(db: Database, decisionId: number): FeedbackRow[] {
  return db
    .prepare('SELECT * FROM decision_feedback WHERE decision_id = ? ORDER BY id')
    .all(decisionId) as FeedbackRow[];
}

export function getFeedback(db: Database, id: number): FeedbackRow | undefined {
  return db.prepare('SELECT * FROM decision_feedback WHERE id = ?').get(id) as FeedbackRow | undefined;
}

export function insertFeedback(db: Database, f: { decisionId: number; reportedOn: string; content: string }): number {
  return Number(
    db
      .prepare(
        'INSERT INTO decision_feedback (decision_id, reported_on, content) VALUES (@decisionId, @reportedOn, @content)',
      )
      .run(f).lastInsertRowid,
  );
}

export function checkFeedback(db: Database, id: number, status: CheckStatus, reason: string): void {
  db.prepare(
    `UPDATE decision_feedback SET check_status = ?, check_reason = ?, checked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(status, reason, id);
}

// ---------- revisions ----------
export function insertRevision(
  db: Database,
  r: { meetingId: number; revision: number; editor: string; reason: string; snapshot: string },
): void {
  db.prepare(
    'INSERT INTO minutes_revisions (meeting_id, revision, editor, reason, snapshot) VALUES (@meetingId, @revision, @editor, @reason, @snapshot)',
  ).run(r);
}

export function revisionsOf(
  db: Database,
  meetingId: number,
): { revision: number; editor: string; reason: string; snapshot: string; created_at: string }[] {
  return db
    .prepare('SELECT * FROM minutes_revisions WHERE meeting_id = ? ORDER BY revision DESC')
    .all(meetingId) as never;
}

// ---------- search ----------
export interface SearchRow {
  kind: 'minutes' | 'decision' | 'feedback';
  meeting_id: number;
  meeting_title: string;
  decision_id: number | null;
  text: string;
}

/** LIKE so that terms of any length (one character too) are found; FTS comes with the global search. */
export function searchText(db: Database, q: string, limit: number): SearchRow[] {
  return db
    .prepare(
      `SELECT * FROM (
         SELECT 'minutes' AS kind, m.id AS meeting_id, m.title AS meeting_title, NULL AS decision_id,
                a.title || '：' || a.discussion AS text
           FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
          WHERE a.discussion LIKE @q ESCAPE '\\' OR a.title LIKE @q ESCAPE '\\'
         UNION ALL
         SELECT 'decision', m.id, m.title, d.id, d.content || ' ' || d.target
           FROM decisions d JOIN meetings m ON m.id = d.meeting_id
          WHERE d.content LIKE @q ESCAPE '\\' OR d.target LIKE @q ESCAPE '\\'
         UNION ALL
         SELECT 'feedback', m.id, m.title, d.id, f.content || ' ' || f.check_reason
           FROM decision_feedback f JOIN decisions d ON d.id = f.decision_id JOIN meetings m ON m.id = d.meeting_id
          WHERE f.content LIKE @q ESCAPE '\\' OR f.check_reason LIKE @q ESCAPE '\\'
       ) LIMIT @limit`,
    )
    .all({ q: likePattern(q), limit }) as SearchRow[];
}

// ---------- whole-meeting snapshot (回收站) ----------
const CHILD_TABLES = [
  ['meeting_invitees', 'meeting_id = ?'],
  ['agenda_items', 'meeting_id = ?'],
  ['decisions', 'meeting_id = ?'],
  ['decision_partners', 'decision_id IN (SELECT id FROM decisions WHERE meeting_id = ?)'],
  ['decision_feedback', 'decision_id IN (SELECT id FROM decisions WHERE meeting_id = ?)'],
  ['minutes_revisions', 'meeting_id = ?'],
] as const;

export type MeetingRows = Record<string, Record<string, unknown>[]>;

/** Every row of a meeting, as stored, so 回收站 can put it back exactly (same ids). */
export function meetingRows(db: Database, id: number): MeetingRows {
  const out: MeetingRows = {
    meetings: db.prepare('SELECT * FROM meetings WHERE id = ?').all(id) as Record<string, unknown>[],
  };
  for (const [table, where] of CHILD_TABLES)
    out[table] = db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(id) as Record<string, unknown>[];
  return out;
}

export function deleteMeeting(db: Database, id: number): void {
  db.prepare('DELETE FROM meetings WHERE id = ?').run(id);
}

const RESTORE_ORDER = ['meetings', ...CHILD_TABLES.map(([t]) => t)];

export function reinsertMeetingRows(db: Database, rows: MeetingRows): void {
  for (const table of RESTORE_ORDER) {
    for (const row of rows[table] ?? []) {
      const cols = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    }
  }
}

/** A unit or community deleted while the meeting sat in 回收站 keeps its name on the rows but loses the link. */
export function unlinkMissing(db: Database, rows: MeetingRows): void {
  const exists = (table: 'units' | 'communities', id: unknown) =>
    id === null || db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  for (const r of rows.meeting_invitees ?? []) {
    if (!exists('units', r.unit_id)) r.unit_id = null;
    if (!exists('communities', r.community_id)) r.community_id = null;
  }
  for (const r of rows.decisions ?? []) if (!exists('units', r.lead_unit_id)) r.lead_unit_id = null;
  for (const r of rows.decision_partners ?? []) if (!exists('units', r.unit_id)) r.unit_id = null;
}
