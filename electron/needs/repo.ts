import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Need, NeedListQuery, NeedStatusChange, ProjectRef } from '../../shared/contract/lists';
import { daysBefore, daysBetween } from '../../shared/domain/dates';
import type { NeedStatus, Urgency } from '../../shared/domain/lists';
import { cachedStatement, likePattern } from '../db/sql';

/** All SQL of 需求清单. Callers own the transactions. */

type ListQuery = z.output<typeof NeedListQuery>;

export interface NeedRecord {
  communityId: number;
  grid: string;
  title: string;
  titleKey: string;
  description: string;
  category: string;
  source: string;
  raisedOn: string;
  urgency: Urgency;
  contactName: string;
  contactPhone: string;
}

interface NeedRow {
  id: number;
  community_id: number;
  community_name: string;
  grid: string;
  title: string;
  description: string;
  category: string;
  source: string;
  raised_on: string;
  urgency: Urgency;
  contact_name: string;
  contact_phone: string;
  status: NeedStatus;
  reject_reason: string;
  updated_at: string;
}

const COLUMNS = `n.id, n.community_id, c.name AS community_name, n.grid, n.title, n.description, n.category, n.source,
  n.raised_on, n.urgency, n.contact_name, n.contact_phone, n.status, n.reject_reason, n.updated_at`;
const FROM = 'FROM needs n JOIN communities c ON c.id = n.community_id';

export const toNeed = (r: NeedRow, today: string): Need => ({
  id: r.id,
  communityId: r.community_id,
  communityName: r.community_name,
  grid: r.grid,
  title: r.title,
  description: r.description,
  category: r.category,
  source: r.source,
  raisedOn: r.raised_on,
  urgency: r.urgency,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  status: r.status,
  rejectReason: r.reject_reason,
  waitingDays: r.status === 'open' ? Math.max(0, daysBetween(r.raised_on, today)) : null,
  updatedAt: r.updated_at,
});

const URGENCY_ORDER = `CASE n.urgency WHEN '紧急' THEN 2 WHEN '较急' THEN 1 ELSE 0 END`;
const SORT_SQL: Record<ListQuery['sortBy'], string> = {
  raisedOn: 'n.raised_on',
  title: 'n.title_key',
  category: 'n.category',
  status: 'n.status',
  urgency: URGENCY_ORDER,
  communityName: 'c.name_key',
};

export function listNeeds(db: Database, q: ListQuery, today: string): { rows: Need[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const search = q.search.trim();
  if (search) {
    where.push(`(n.title LIKE @s ESCAPE '\\' OR n.description LIKE @s ESCAPE '\\' OR n.grid LIKE @s ESCAPE '\\')`);
    params.s = likePattern(search);
  }
  if (q.backlogDays !== undefined) {
    where.push(`n.status = 'open' AND n.raised_on <= @backlogBefore`);
    params.backlogBefore = daysBefore(today, q.backlogDays);
  } else if (q.status) {
    where.push('n.status = @status');
    params.status = q.status;
  }
  if (q.category) {
    where.push('n.category = @category');
    params.category = q.category;
  }
  if (q.communityId) {
    where.push('n.community_id = @communityId');
    params.communityId = q.communityId;
  }
  if (q.year !== undefined) {
    // A range on the bare column, so the raised_on indexes serve it.
    where.push('n.raised_on >= @yearFrom AND n.raised_on < @yearTo');
    params.yearFrom = `${q.year}-01-01`;
    params.yearTo = `${q.year + 1}-01-01`;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // The count needs no join: every need has its community (foreign key).
  const total = (db.prepare(`SELECT count(*) AS n FROM needs n ${whereSql}`).get(params) as { n: number }).n;
  const dir = q.sortDir === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} ${FROM} ${whereSql}
       ORDER BY ${SORT_SQL[q.sortBy]} ${dir}, n.id ${dir} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as NeedRow[];
  return { rows: rows.map((r) => toNeed(r, today)), total };
}

export function getNeed(db: Database, id: number, today: string): Need | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE n.id = ?`).get(id) as NeedRow | undefined;
  return r && toNeed(r, today);
}

export function needsByIds(db: Database, ids: number[], today: string): Need[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE n.id IN (SELECT value FROM json_each(?)) ORDER BY n.raised_on, n.id`)
    .all(JSON.stringify(ids)) as NeedRow[];
  return rows.map((r) => toNeed(r, today));
}

/** Open needs for the matching, newest first, capped: ranking 60k rows in JS is wasteful and nobody reads past 20. */
export function openNeeds(db: Database, today: string, limit = 3000): Need[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE n.status = 'open' ORDER BY n.raised_on DESC, n.id DESC LIMIT ?`)
    .all(limit) as NeedRow[];
  return rows.map((r) => toNeed(r, today));
}

/** Every need in the list's export order (community, then date). */
/** One need's columns in the 需求清单 export (NEED_EXPORT_COLUMNS after 序号 and 社区), as raw values. */
type NeedExportFields = [
  grid: string,
  title: string,
  description: string,
  category: string,
  source: string,
  raisedOn: string,
  urgency: string,
  contactName: string,
  contactPhone: string,
  status: NeedStatus,
  rejectReason: string,
];

/** One 需求清单 export row: the community's name, then the need's columns. */
export type NeedExportRow = [community: string, ...NeedExportFields];

/**
 * Every need for the export, by community (in name order) and date, read a community at a time: the export
 * streams them (60,000 after ten years) instead of holding them, and between two communities the connection
 * is free for other calls. Each community's needs come in order from needs_by_community_date, without a sort.
 */
export function* needsForExport(db: Database): Generator<NeedExportRow> {
  const communities = db.prepare('SELECT id, name FROM communities ORDER BY name_key').raw().all() as [
    number,
    string,
  ][];
  const ofCommunity = db
    .prepare(
      `SELECT n.grid, n.title, n.description, n.category, n.source, n.raised_on, n.urgency, n.contact_name,
         n.contact_phone, n.status, n.reject_reason FROM needs n WHERE n.community_id = ? ORDER BY n.raised_on, n.id`,
    )
    .raw();
  for (const [id, name] of communities) {
    for (const r of ofCommunity.all(id) as NeedExportFields[]) yield [name, ...r];
  }
}

/** The needs an import could be updating: same community, same title, same day. */
export function findNeedsByIdentity(
  db: Database,
  communityId: number,
  titleKey: string,
  raisedOn: string,
  today: string,
): Need[] {
  // Per imported row: prepared once per connection (see cachedStatement).
  const rows = cachedStatement(
    db,
    `SELECT ${COLUMNS} ${FROM} WHERE n.community_id = ? AND n.title_key = ? AND n.raised_on = ? ORDER BY n.id`,
  ).all(communityId, titleKey, raisedOn) as NeedRow[];
  return rows.map((r) => toNeed(r, today));
}

/** Same community, same title (by nameKey), same day: what makes two rows the same need. */
export interface NeedIdentity {
  communityId: number;
  titleKey: string;
  raisedOn: string;
}

const identityKey = (i: NeedIdentity) => `${i.communityId}|${i.titleKey}|${i.raisedOn}`;

/**
 * findNeedsByIdentity for a whole file: the identities an import expects are looked up in one query (10,000
 * single lookups took ~120 ms of a preview), and any other identity the plan asks for falls back to its own
 * query, so the answer is the same either way.
 */
export function needsByIdentity(db: Database, expected: NeedIdentity[], today: string) {
  const keys = new Map(expected.map((i) => [identityKey(i), i]));
  const found = new Map<string, Need[]>();
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, n.title_key ${FROM}
       JOIN json_each(?) j ON n.community_id = j.value ->> 0 AND n.title_key = j.value ->> 1 AND n.raised_on = j.value ->> 2
       ORDER BY n.id`,
    )
    .all(JSON.stringify([...keys.values()].map((i) => [i.communityId, i.titleKey, i.raisedOn]))) as (NeedRow & {
    title_key: string;
  })[];
  for (const r of rows) {
    const key = identityKey({ communityId: r.community_id, titleKey: r.title_key, raisedOn: r.raised_on });
    found.set(key, [...(found.get(key) ?? []), toNeed(r, today)]);
  }
  return (i: NeedIdentity): Need[] => {
    const key = identityKey(i);
    if (keys.has(key)) return found.get(key) ?? [];
    return findNeedsByIdentity(db, i.communityId, i.titleKey, i.raisedOn, today);
  };
}

export function insertNeed(
  db: Database,
  n: NeedRecord,
  status: NeedStatus = 'open',
  rejectReason = '',
  id: number | null = null,
): number {
  const info = cachedStatement(
    db,
    `INSERT INTO needs (id, community_id, grid, title, title_key, description, category, source, raised_on, urgency,
       contact_name, contact_phone, status, reject_reason)
     VALUES (@id, @communityId, @grid, @title, @titleKey, @description, @category, @source, @raisedOn, @urgency,
       @contactName, @contactPhone, @status, @rejectReason)`,
  ).run({ ...n, id, status, rejectReason });
  return Number(info.lastInsertRowid);
}

/**
 * An import's new needs in ONE statement (rows passed as JSON), each logged as 登记 with `reason`. Row by
 * row, every INSERT opened its own statement journal and flushed the search index's pending terms (the
 * search triggers write to the FTS5 table): 10,000 rows took about 1 s; as one statement, about 0.15 s.
 * The triggers still run for every row, so the search index stays exact. Call inside a transaction.
 */
export function insertNeedsInBulk(
  db: Database,
  rows: { record: NeedRecord; status: NeedStatus; rejectReason: string }[],
  log: { reason: string; operator: string },
): number {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(
    rows.map(({ record: n, status, rejectReason }) => [
      n.communityId,
      n.grid,
      n.title,
      n.titleKey,
      n.description,
      n.category,
      n.source,
      n.raisedOn,
      n.urgency,
      n.contactName,
      n.contactPhone,
      status,
      rejectReason,
    ]),
  );
  const ids = db
    .prepare(
      `INSERT INTO needs (community_id, grid, title, title_key, description, category, source, raised_on, urgency,
         contact_name, contact_phone, status, reject_reason)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
         value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12
       FROM json_each(?) ORDER BY key
       RETURNING id`,
    )
    .pluck()
    .all(json) as number[];
  db.prepare(
    `INSERT INTO need_status_log (need_id, from_status, to_status, reason, operator, at)
     SELECT n.id, NULL, n.status, @reason, @operator, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     FROM json_each(@ids) j JOIN needs n ON n.id = j.value ORDER BY n.id`,
  ).run({ ids: JSON.stringify(ids), ...log });
  return ids.length;
}

export function updateNeed(db: Database, id: number, n: NeedRecord): void {
  cachedStatement(
    db,
    `UPDATE needs SET community_id = @communityId, grid = @grid, title = @title, title_key = @titleKey,
       description = @description, category = @category, source = @source, raised_on = @raisedOn, urgency = @urgency,
       contact_name = @contactName, contact_phone = @contactPhone,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  ).run({ ...n, id });
}

export function setNeedStatus(db: Database, id: number, status: NeedStatus, rejectReason: string): void {
  db.prepare(
    `UPDATE needs SET status = ?, reject_reason = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(status, rejectReason, id);
}

export function logNeedStatus(
  db: Database,
  e: { needId: number; from: NeedStatus | null; to: NeedStatus; reason: string; operator: string; at?: string },
): void {
  cachedStatement(
    db,
    `INSERT INTO need_status_log (need_id, from_status, to_status, reason, operator, at)
     VALUES (?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
  ).run(e.needId, e.from, e.to, e.reason, e.operator, e.at ?? null);
}

export function needHistory(db: Database, id: number): NeedStatusChange[] {
  const rows = db
    .prepare('SELECT at, from_status, to_status, reason, operator FROM need_status_log WHERE need_id = ? ORDER BY id')
    .all(id) as {
    at: string;
    from_status: NeedStatus | null;
    to_status: NeedStatus;
    reason: string;
    operator: string;
  }[];
  return rows.map((r) => ({ at: r.at, from: r.from_status, to: r.to_status, reason: r.reason, operator: r.operator }));
}

export function projectsOfNeed(db: Database, id: number): ProjectRef[] {
  return db
    .prepare(
      `SELECT p.id, p.year, p.name, p.status FROM project_needs pn JOIN projects p ON p.id = pn.project_id
       WHERE pn.need_id = ? ORDER BY p.year DESC, p.id`,
    )
    .all(id) as ProjectRef[];
}

export function deleteNeed(db: Database, id: number): number {
  return db.prepare('DELETE FROM needs WHERE id = ?').run(id).changes;
}

/** Categories in use (and so offered by the filters), most used first. */
export function usedCategories(db: Database): string[] {
  return (
    db.prepare('SELECT category FROM needs GROUP BY category ORDER BY count(*) DESC').all() as { category: string }[]
  ).map((r) => r.category);
}
