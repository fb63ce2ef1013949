import type { Database } from 'better-sqlite3';
import type { SearchKind } from '../../shared/domain/search';
import { cachedStatement } from '../db/sql';

/** All SQL of global search. Read-only: the index itself is kept by triggers (migration 008). */

export interface IndexedRow {
  id: number;
  kind: SearchKind;
  ref_id: number;
  parent_id: number | null;
  title: string;
  body: string;
}

/** An FTS5 phrase: the term in double quotes, inner quotes doubled (so any text is a literal, never syntax). */
const phrase = (t: string) => `"${t.replaceAll('"', '""')}"`;

/**
 * Which rows match: terms of 3+ characters through the trigram index, shorter ones with instr() on the compact
 * text (over the index's candidates when there are long terms too, over the whole table otherwise).
 */
function matchWhere(long: string[], short: string[]): { where: string; params: string[] } {
  const where = [
    ...(long.length ? ['t.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)'] : []),
    ...short.map(() => '(instr(t.title, ?) > 0 OR instr(t.body, ?) > 0)'),
  ].join(' AND ');
  return { where, params: [...(long.length ? [long.map(phrase).join(' ')] : []), ...short.flatMap((t) => [t, t])] };
}

/**
 * With a long term the trigram index narrows the rows to few; one pass over them ranks and counts every kind
 * (the index is evaluated once, not once per kind).
 */
export function rankedMatches(
  db: Database,
  long: string[],
  short: string[],
  limit: number,
): (IndexedRow & { total: number })[] {
  const { where, params } = matchWhere(long, short);
  return cachedStatement(
    db,
    `WITH ranked AS (
       SELECT t.id, count(*) OVER (PARTITION BY t.kind) AS total,
              row_number() OVER (PARTITION BY t.kind ORDER BY t.at DESC, t.id DESC) AS rn
       FROM search_text t WHERE ${where}
     )
     SELECT t.id, t.kind, t.ref_id, t.parent_id, t.title, t.body, r.total
     FROM ranked r JOIN search_text t ON t.id = r.id WHERE r.rn <= ? ORDER BY t.kind, r.rn`,
  ).all(...params, limit) as (IndexedRow & { total: number })[];
}

export function matchCounts(db: Database, long: string[], short: string[]): Map<SearchKind, number> {
  const { where, params } = matchWhere(long, short);
  const rows = cachedStatement(
    db,
    `SELECT t.kind, count(*) AS n FROM search_text t WHERE ${where} GROUP BY t.kind`,
  ).all(...params) as {
    kind: SearchKind;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.kind, r.n]));
}

/**
 * The newest `limit` matches of one kind, for short terms only: the (kind, at) index is walked newest first and
 * stops at `limit` matches, so a common term reads a few rows.
 */
export function topMatches(
  db: Database,
  kind: SearchKind,
  long: string[],
  short: string[],
  limit: number,
): IndexedRow[] {
  const { where, params } = matchWhere(long, short);
  return cachedStatement(
    db,
    `SELECT t.id, t.kind, t.ref_id, t.parent_id, t.title, t.body FROM search_text t
     WHERE t.kind = ? AND ${where} ORDER BY t.at DESC, t.id DESC LIMIT ?`,
  ).all(kind, ...params, limit) as IndexedRow[];
}

/** The line shown beside a hit: which meeting, community or unit it belongs to. */
const CONTEXT_SQL: Record<SearchKind, string> = {
  unit: 'SELECT category AS c FROM units WHERE id = @ref',
  member: 'SELECT unit_name AS c FROM party_members WHERE id = @ref',
  meeting: 'SELECT held_on AS c FROM meetings WHERE id = @ref',
  minutes: 'SELECT title AS c FROM meetings WHERE id = @parent',
  decision: 'SELECT title AS c FROM meetings WHERE id = @parent',
  need: 'SELECT name AS c FROM communities WHERE id = @parent',
  resource: 'SELECT name AS c FROM units WHERE id = @parent',
  project: `SELECT year || '年' AS c FROM projects WHERE id = @ref`,
};

export function contextOf(db: Database, kind: SearchKind, ref: number, parent: number | null): string {
  const row = cachedStatement(db, CONTEXT_SQL[kind]).get({ ref, parent }) as { c: string } | undefined;
  return row?.c ?? '';
}
