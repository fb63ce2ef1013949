import type { Database } from 'better-sqlite3';
import type { OplogEntry, OplogQuery } from '../../shared/contract/oplog';
import { likePattern } from '../db/sql';

export interface NewOplogEntry {
  operator: string;
  action: OplogEntry['action'];
  entity: string;
  entityId: number | null;
  title: string;
  summary: string;
}

export function insertOplog(db: Database, e: NewOplogEntry): void {
  db.prepare(
    `INSERT INTO oplog (operator, action, entity, entity_id, title, summary)
     VALUES (@operator, @action, @entity, @entityId, @title, @summary)`,
  ).run(e);
}

interface Row {
  id: number;
  at: string;
  operator: string;
  action: OplogEntry['action'];
  entity: string;
  entity_id: number | null;
  title: string;
  summary: string;
}

const toEntry = (r: Row): OplogEntry => ({
  id: r.id,
  at: r.at,
  operator: r.operator,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  title: r.title,
  summary: r.summary,
});

function whereOf(q: Pick<OplogQuery, 'search' | 'entity' | 'from' | 'to'>) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.search) {
    where.push(`(title LIKE @s ESCAPE '\\' OR summary LIKE @s ESCAPE '\\' OR operator LIKE @s ESCAPE '\\')`);
    params.s = likePattern(q.search);
  }
  if (q.entity) {
    where.push('entity = @entity');
    params.entity = q.entity;
  }
  // Dates are local calendar days; `at` is UTC, so compare on the local-time rendering of it.
  if (q.from) {
    where.push("date(at, 'localtime') >= @from");
    params.from = q.from;
  }
  if (q.to) {
    where.push("date(at, 'localtime') <= @to");
    params.to = q.to;
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function listOplog(db: Database, q: OplogQuery): { rows: OplogEntry[]; total: number } {
  const { sql, params } = whereOf(q);
  const total = (db.prepare(`SELECT count(*) AS n FROM oplog ${sql}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM oplog ${sql} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as Row[];
  return { rows: rows.map(toEntry), total };
}

/** Every matching entry, oldest first, for the export. */
export function* iterateOplog(
  db: Database,
  q: Pick<OplogQuery, 'search' | 'entity' | 'from' | 'to'>,
): Generator<OplogEntry> {
  const { sql, params } = whereOf(q);
  for (const r of db.prepare(`SELECT * FROM oplog ${sql} ORDER BY at, id`).iterate(params) as IterableIterator<Row>) {
    yield toEntry(r);
  }
}
