import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Closure, Project, ProjectListQuery, UnitLedgerRow } from '../../shared/contract/ledger';
import { daysBefore, daysBetween } from '../../shared/domain/dates';
import {
  OPEN_PROJECT_STATUSES,
  type ClosureResult,
  type ProjectSource,
  type ProjectStatus,
} from '../../shared/domain/lists';
import { likePattern } from '../db/sql';
import { listThresholds } from '../options/service';

/** All SQL of 项目清单 and 项目台账. Callers own the transactions. */

/** Attachment owners: files attached to a progress entry and to a 销号 application. */
export const PROGRESS_OWNER = 'progress_entry';
export const CLOSURE_OWNER = 'project_closure';

type ListQuery = z.output<typeof ProjectListQuery>;

export interface ProjectRecord {
  year: number;
  name: string;
  nameKey: string;
  source: ProjectSource;
  decisionId: number | null;
  goal: string;
  content: string;
  leader: string;
  startOn: string | null;
  deadlineOn: string | null;
  deadlineText: string;
  longTerm: boolean;
  milestones: string;
  budget: number | null;
  notes: string;
}

export interface ProjectLinks {
  leadUnitIds: number[];
  supportUnitIds: number[];
  communityIds: number[];
}

interface ProjectRow {
  id: number;
  year: number;
  name: string;
  source: ProjectSource;
  decision_id: number | null;
  goal: string;
  content: string;
  leader: string;
  start_on: string | null;
  deadline_on: string | null;
  deadline_text: string;
  long_term: number;
  milestones: string;
  budget: number | null;
  status: ProjectStatus;
  status_reason: string;
  notes: string;
  progress_percent: number | null;
  progress_on: string | null;
  progress_text: string;
  created_at: string;
  updated_at: string;
  lead_units: string | null;
  support_units: string | null;
  communities: string | null;
}

const US = '\u001f';
const RS = '\u001e';
const COLUMNS = `p.*,
  (SELECT group_concat(u.id || char(31) || u.name, char(30)) FROM (SELECT u.id, u.name FROM project_units pu
     JOIN units u ON u.id = pu.unit_id WHERE pu.project_id = p.id AND pu.role = 'lead' ORDER BY pu.sort) u) AS lead_units,
  (SELECT group_concat(u.id || char(31) || u.name, char(30)) FROM (SELECT u.id, u.name FROM project_units pu
     JOIN units u ON u.id = pu.unit_id WHERE pu.project_id = p.id AND pu.role = 'support' ORDER BY pu.sort) u) AS support_units,
  (SELECT group_concat(c.id || char(31) || c.name, char(30)) FROM (SELECT c.id, c.name FROM project_communities pc
     JOIN communities c ON c.id = pc.community_id WHERE pc.project_id = p.id ORDER BY c.name_key) c) AS communities`;

const refs = (s: string | null) =>
  s
    ? s.split(RS).map((x) => {
        const [id, name] = x.split(US);
        return { id: Number(id), name: name ?? '' };
      })
    : [];

const isOpen = (s: ProjectStatus) => OPEN_PROJECT_STATUSES.includes(s);
/** The day idleness is counted from: the last progress entry, else the start, else the day it was entered. */
const lastActivity = (r: ProjectRow) => r.progress_on ?? r.start_on ?? r.created_at.slice(0, 10);

export function toProject(r: ProjectRow, today: string, stallDays: number): Project {
  const workedOn = r.status === 'planning' || r.status === 'active';
  const overdue = workedOn && r.long_term === 0 && r.deadline_on !== null && r.deadline_on < today;
  const idleDays = isOpen(r.status) ? Math.max(0, daysBetween(lastActivity(r), today)) : null;
  return {
    id: r.id,
    year: r.year,
    name: r.name,
    source: r.source,
    decisionId: r.decision_id,
    goal: r.goal,
    content: r.content,
    leadUnits: refs(r.lead_units),
    supportUnits: refs(r.support_units),
    communities: refs(r.communities),
    leader: r.leader,
    startOn: r.start_on,
    deadlineOn: r.deadline_on,
    deadlineText: r.deadline_text,
    longTerm: r.long_term === 1,
    milestones: r.milestones,
    budget: r.budget,
    status: r.status,
    statusReason: r.status_reason,
    notes: r.notes,
    progressPercent: r.progress_percent,
    progressOn: r.progress_on,
    progressText: r.progress_text,
    overdue,
    overdueDays: overdue ? daysBetween(r.deadline_on!, today) : 0,
    stalled: workedOn && idleDays !== null && idleDays >= stallDays,
    idleDays,
    updatedAt: r.updated_at,
  };
}

/** 停滞 after this many days without a progress entry: set in 设置 (积压与停滞天数). */
const stallDaysOf = (db: Database) => listThresholds(db).stallDays;

/** The same rules as toProject, as SQL, so the 逾期 / 停滞 filters page in SQLite. */
const OVERDUE_SQL = `(p.status IN ('planning', 'active') AND p.long_term = 0 AND p.deadline_on < @today)`;
const STALLED_SQL = `(p.status IN ('planning', 'active')
  AND coalesce(p.progress_on, p.start_on, substr(p.created_at, 1, 10)) <= @stallBefore)`;

const SORT_SQL: Record<ListQuery['sortBy'], string> = {
  deadlineOn: "coalesce(p.deadline_on, '9999')",
  name: 'p.name_key',
  year: 'p.year',
  status: 'p.status',
  // NULL (no entry yet) sorts first ascending, as -1 would, and the index serves the order.
  progressPercent: 'p.progress_percent',
  progressOn: "coalesce(p.progress_on, '')",
  updatedAt: 'p.updated_at',
};

export function listProjects(db: Database, q: ListQuery, today: string): { rows: Project[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const search = q.search.trim();
  if (search) {
    where.push(
      `(p.name LIKE @s ESCAPE '\\' OR p.goal LIKE @s ESCAPE '\\' OR p.content LIKE @s ESCAPE '\\' OR p.leader LIKE @s ESCAPE '\\')`,
    );
    params.s = likePattern(search);
  }
  if (q.year !== undefined) {
    where.push('p.year = @year');
    params.year = q.year;
  }
  if (q.status) {
    where.push('p.status = @status');
    params.status = q.status;
  }
  if (q.unitId) {
    where.push('p.id IN (SELECT project_id FROM project_units WHERE unit_id = @unitId)');
    params.unitId = q.unitId;
  }
  if (q.communityId) {
    where.push(
      'EXISTS (SELECT 1 FROM project_communities pc WHERE pc.project_id = p.id AND pc.community_id = @communityId)',
    );
    params.communityId = q.communityId;
  }
  if (q.overdue) where.push(OVERDUE_SQL);
  if (q.stalled) where.push(STALLED_SQL);
  if (q.overdue) params.today = today;
  if (q.stalled) params.stallBefore = daysBefore(today, stallDaysOf(db));
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM projects p ${whereSql}`).get(params) as { n: number }).n;
  const dir = q.sortDir === 'desc' ? 'DESC' : 'ASC';
  const order = `ORDER BY ${SORT_SQL[q.sortBy]} ${dir}, p.id ${dir}`;
  // The page's ids first: a sorter would otherwise compute the unit/community lists for every matching row.
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM projects p
       WHERE p.id IN (SELECT p.id FROM projects p ${whereSql} ${order} LIMIT @limit OFFSET @offset) ${order}`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as ProjectRow[];
  const stallDays = stallDaysOf(db);
  return { rows: rows.map((r) => toProject(r, today, stallDays)), total };
}

export function getProject(db: Database, id: number, today: string): Project | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM projects p WHERE p.id = ?`).get(id) as ProjectRow | undefined;
  return r && toProject(r, today, stallDaysOf(db));
}

/** Every project of a year (or all years), in 责任分解表 order. */
export function allProjects(db: Database, today: string, year?: number): Project[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM projects p WHERE @year IS NULL OR p.year = @year ORDER BY p.year, p.id`)
    .all({ year: year ?? null }) as ProjectRow[];
  const stallDays = stallDaysOf(db);
  return rows.map((r) => toProject(r, today, stallDays));
}

export function findProjectId(db: Database, year: number, nameKey: string): number | undefined {
  return (
    db.prepare('SELECT id FROM projects WHERE year = ? AND name_key = ?').get(year, nameKey) as
      { id: number } | undefined
  )?.id;
}

export function years(db: Database): number[] {
  return (db.prepare('SELECT DISTINCT year FROM projects ORDER BY year DESC').all() as { year: number }[]).map(
    (r) => r.year,
  );
}

const recordParams = (p: ProjectRecord) => ({ ...p, longTerm: p.longTerm ? 1 : 0 });

export function insertProject(
  db: Database,
  p: ProjectRecord,
  status: ProjectStatus = 'planning',
  id: number | null = null,
): number {
  const info = db
    .prepare(
      `INSERT INTO projects (id, year, name, name_key, source, decision_id, goal, content, leader, start_on, deadline_on,
         deadline_text, long_term, milestones, budget, notes, status)
       VALUES (@id, @year, @name, @nameKey, @source, @decisionId, @goal, @content, @leader, @startOn, @deadlineOn,
         @deadlineText, @longTerm, @milestones, @budget, @notes, @status)`,
    )
    .run({ ...recordParams(p), id, status });
  return Number(info.lastInsertRowid);
}

export function updateProject(db: Database, id: number, p: ProjectRecord): void {
  db.prepare(
    `UPDATE projects SET year = @year, name = @name, name_key = @nameKey, source = @source, decision_id = @decisionId,
       goal = @goal, content = @content, leader = @leader, start_on = @startOn, deadline_on = @deadlineOn,
       deadline_text = @deadlineText, long_term = @longTerm, milestones = @milestones, budget = @budget, notes = @notes,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  ).run({ ...recordParams(p), id });
}

export function setProjectStatus(db: Database, id: number, status: ProjectStatus, reason: string): void {
  db.prepare(
    `UPDATE projects SET status = ?, status_reason = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(status, reason, id);
}

export function replaceLinks(db: Database, id: number, l: ProjectLinks): void {
  db.prepare('DELETE FROM project_units WHERE project_id = ?').run(id);
  db.prepare('DELETE FROM project_communities WHERE project_id = ?').run(id);
  const unit = db.prepare('INSERT OR IGNORE INTO project_units (project_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
  l.leadUnitIds.forEach((u, i) => unit.run(id, u, 'lead', i));
  l.supportUnitIds.forEach((u, i) => unit.run(id, u, 'support', i));
  const community = db.prepare('INSERT OR IGNORE INTO project_communities (project_id, community_id) VALUES (?, ?)');
  for (const c of l.communityIds) community.run(id, c);
}

export function linkNeedsAndResources(db: Database, id: number, needIds: number[], resourceIds: number[]): void {
  const n = db.prepare('INSERT OR IGNORE INTO project_needs (project_id, need_id) VALUES (?, ?)');
  for (const x of needIds) n.run(id, x);
  const r = db.prepare('INSERT OR IGNORE INTO project_resources (project_id, resource_id) VALUES (?, ?)');
  for (const x of resourceIds) r.run(id, x);
}

export function needIdsOf(db: Database, id: number): number[] {
  return (db.prepare('SELECT need_id FROM project_needs WHERE project_id = ?').all(id) as { need_id: number }[]).map(
    (r) => r.need_id,
  );
}

export function resourceIdsOf(db: Database, id: number): number[] {
  return (
    db.prepare('SELECT resource_id FROM project_resources WHERE project_id = ?').all(id) as { resource_id: number }[]
  ).map((r) => r.resource_id);
}

export function deleteProject(db: Database, id: number): number {
  return db.prepare('DELETE FROM projects WHERE id = ?').run(id).changes;
}

// ---------- 进度台账 ----------
export interface ProgressRow {
  id: number;
  project_id: number;
  entry_on: string;
  percent: number;
  text: string;
  operator: string;
  created_at: string;
}

export function insertProgress(
  db: Database,
  e: { projectId: number; entryOn: string; percent: number; text: string; operator: string; createdAt?: string },
  id: number | null = null,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO progress_entries (id, project_id, entry_on, percent, text, operator, created_at)
         VALUES (?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
      )
      .run(id, e.projectId, e.entryOn, e.percent, e.text, e.operator, e.createdAt ?? null).lastInsertRowid,
  );
}

export function progressOf(db: Database, projectId: number): ProgressRow[] {
  return db
    .prepare('SELECT * FROM progress_entries WHERE project_id = ? ORDER BY entry_on DESC, id DESC')
    .all(projectId) as ProgressRow[];
}

/** Every entry of a year's projects for the 进度台账 export, project by project, oldest entry first. */
/**
 * The progress entries of these projects (given in ledger order), in that order and then by date, read 500
 * projects at a time: 150,000 entries after ten years are streamed, and between two reads the connection
 * is free for other calls.
 */
export function* progressOfProjects(db: Database, projectIds: number[]): Generator<ProgressRow> {
  const chunk = db.prepare(
    `SELECT e.* FROM progress_entries e JOIN projects p ON p.id = e.project_id
     WHERE e.project_id IN (SELECT value FROM json_each(?)) ORDER BY p.year, p.id, e.entry_on, e.id`,
  );
  for (let i = 0; i < projectIds.length; i += 500) {
    yield* chunk.all(JSON.stringify(projectIds.slice(i, i + 500))) as ProgressRow[];
  }
}

/**
 * The maintained "current progress" columns: the latest entry by date (then by id), recomputed from the
 * entries so an entry back-dated before the latest one does not overwrite it.
 */
export function refreshLatestProgress(db: Database, projectId: number): void {
  const latest = db
    .prepare(
      'SELECT percent, entry_on, text FROM progress_entries WHERE project_id = ? ORDER BY entry_on DESC, id DESC LIMIT 1',
    )
    .get(projectId) as { percent: number; entry_on: string; text: string } | undefined;
  db.prepare(
    `UPDATE projects SET progress_percent = ?, progress_on = ?, progress_text = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(latest?.percent ?? null, latest?.entry_on ?? null, latest?.text ?? '', projectId);
}

// ---------- 销号 ----------
interface ClosureRow {
  id: number;
  project_id: number;
  applied_on: string;
  applicant: string;
  evidence: string;
  result: ClosureResult;
  review_note: string;
  reviewed_on: string | null;
  reviewer: string;
  created_at: string;
}

export function insertClosure(
  db: Database,
  c: { projectId: number; appliedOn: string; applicant: string; evidence: string },
): number {
  return Number(
    db
      .prepare('INSERT INTO project_closures (project_id, applied_on, applicant, evidence) VALUES (?, ?, ?, ?)')
      .run(c.projectId, c.appliedOn, c.applicant, c.evidence).lastInsertRowid,
  );
}

export function pendingClosureId(db: Database, projectId: number): number | undefined {
  return (
    db
      .prepare(`SELECT id FROM project_closures WHERE project_id = ? AND result = 'pending' ORDER BY id DESC`)
      .get(projectId) as { id: number } | undefined
  )?.id;
}

export function reviewClosure(
  db: Database,
  id: number,
  r: { result: ClosureResult; note: string; reviewedOn: string; reviewer: string },
): void {
  db.prepare('UPDATE project_closures SET result = ?, review_note = ?, reviewed_on = ?, reviewer = ? WHERE id = ?').run(
    r.result,
    r.note,
    r.reviewedOn,
    r.reviewer,
    id,
  );
}

export function closuresOf(db: Database, projectId: number): Omit<Closure, 'attachments'>[] {
  const rows = db
    .prepare('SELECT * FROM project_closures WHERE project_id = ? ORDER BY id DESC')
    .all(projectId) as ClosureRow[];
  return rows.map((r) => ({
    id: r.id,
    appliedOn: r.applied_on,
    applicant: r.applicant,
    evidence: r.evidence,
    result: r.result,
    reviewNote: r.review_note,
    reviewedOn: r.reviewed_on,
    reviewer: r.reviewer,
  }));
}

// ---------- 按单位 ----------
export function ledgerByUnit(db: Database, today: string, year?: number): UnitLedgerRow[] {
  return db
    .prepare(
      `SELECT u.id AS unitId, u.name AS unitName,
         sum(pu.role = 'lead') AS lead, sum(pu.role = 'support') AS support,
         sum(p.status IN ('planning', 'active', 'pending_close')) AS active,
         sum(p.status = 'closed') AS closed,
         sum(${OVERDUE_SQL}) AS overdue,
         sum(${STALLED_SQL}) AS stalled
       FROM project_units pu JOIN projects p ON p.id = pu.project_id JOIN units u ON u.id = pu.unit_id
       WHERE @year IS NULL OR p.year = @year
       GROUP BY u.id ORDER BY u.name_key`,
    )
    .all({ year: year ?? null, today, stallBefore: daysBefore(today, stallDaysOf(db)) }) as UnitLedgerRow[];
}

/** Whether the directory may delete a unit: projects and resources keep pointing at it. */
export function unitUse(db: Database, unitId: number): { projects: number; resources: number } {
  const n = (sql: string) => (db.prepare(sql).get(unitId) as { n: number }).n;
  return {
    projects: n('SELECT count(*) AS n FROM project_units WHERE unit_id = ?'),
    resources: n('SELECT count(*) AS n FROM resources WHERE unit_id = ?'),
  };
}

/** Whether the directory may delete a community: needs and projects keep pointing at it. */
export function communityUse(db: Database, communityId: number): { needs: number; projects: number } {
  const n = (sql: string) => (db.prepare(sql).get(communityId) as { n: number }).n;
  return {
    needs: n('SELECT count(*) AS n FROM needs WHERE community_id = ?'),
    projects: n('SELECT count(*) AS n FROM project_communities WHERE community_id = ?'),
  };
}

/** Every project a unit leads or supports, with its role, for the unit's 双报告. */
export function projectsOfUnit(
  db: Database,
  unitId: number,
  today: string,
): (Project & { role: 'lead' | 'support' })[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, pu.role AS unit_role FROM project_units pu JOIN projects p ON p.id = pu.project_id
       WHERE pu.unit_id = ? ORDER BY pu.role, p.year, p.id`,
    )
    .all(unitId) as (ProjectRow & { unit_role: 'lead' | 'support' })[];
  const stallDays = stallDaysOf(db);
  return rows.map((r) => ({ ...toProject(r, today, stallDays), role: r.unit_role }));
}

/** Progress entries of some projects dated within [from, to]. */
export function progressBetween(db: Database, projectIds: number[], from: string, to: string): ProgressRow[] {
  if (projectIds.length === 0) return [];
  return db
    .prepare(
      `SELECT * FROM progress_entries WHERE project_id IN (SELECT value FROM json_each(?))
       AND entry_on BETWEEN ? AND ? ORDER BY project_id, entry_on, id`,
    )
    .all(JSON.stringify(projectIds), from, to) as ProgressRow[];
}

/** The day each project was crossed off (its passed 销号 review), for those that were. */
export function closedOn(db: Database, projectIds: number[]): Map<number, string> {
  if (projectIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT project_id, max(reviewed_on) AS on_day FROM project_closures
       WHERE result = 'passed' AND project_id IN (SELECT value FROM json_each(?)) GROUP BY project_id`,
    )
    .all(JSON.stringify(projectIds)) as { project_id: number; on_day: string }[];
  return new Map(rows.map((r) => [r.project_id, r.on_day]));
}
