import type { Database, Statement } from 'better-sqlite3';

/** Small SQL helpers shared by every area's repo. */

/** LIKE needs its wildcards escaped so a search for "100%" finds the text, not everything. Use with ESCAPE '\'. */
export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const statementCache = new WeakMap<object, Map<string, Statement>>();

/**
 * A statement prepared once per connection, for SQL run per row (an import's 10,000 inserts; preparing an
 * INSERT compiles its triggers too, so it costs more than running it) and per keystroke (global search).
 * A restore swaps the connection and closes the old one: a cached statement of a closed connection is
 * prepared again on the current one. Callers must not switch a cached statement's mode (pluck/raw/expand).
 */
export function cachedStatement(db: Database, sql: string): Statement {
  let bySql = statementCache.get(db);
  if (!bySql) statementCache.set(db, (bySql = new Map()));
  let st = bySql.get(sql);
  if (!st || !st.database.open) bySql.set(sql, (st = db.prepare(sql)));
  return st;
}
