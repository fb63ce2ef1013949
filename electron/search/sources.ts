import type { Database } from 'better-sqlite3';

/**
 * How one kind of record feeds the global search index (`search_text`, mirrored into the trigram FTS table
 * `search_fts`). Each expression is SQL over the source row as `NEW` (triggers) or `r` (backfill): the trigger
 * body is generated from the same text, so the two never disagree.
 *
 * Adding an area to global search is one new migration that calls `installSearchSource(db, {...})` with that
 * area's definition (and adds the kind to SEARCH_KINDS in shared/domain/search.ts, plus its route in
 * electron/search/service.ts). The definitions are written out inside each migration, never imported from a
 * shared list, so an applied migration keeps meaning what it meant when it ran.
 */
export interface SearchSource {
  kind: string;
  table: string;
  /** Columns whose change re-indexes the row (others, like timestamps, do not). */
  watched: string[];
  /** The record that opens from a hit when it is not the row itself (an agenda item opens its meeting). */
  parent: string;
  title: string;
  body: string;
  /** Recency for ordering hits inside a kind (ISO date or timestamp). */
  at: string;
}

/** `NEW.title` style expressions from the definition's `$.` placeholders. */
const bind = (expr: string, alias: string) => expr.replaceAll('$.', `${alias}.`);

export function installSearchSource(db: Database, s: SearchSource): void {
  const values = (a: string) => `${bind(s.parent, a)}, ${bind(s.title, a)}, ${bind(s.body, a)}, ${bind(s.at, a)}`;
  db.exec(`
    CREATE TRIGGER search_${s.kind}_ins AFTER INSERT ON ${s.table} BEGIN
      INSERT INTO search_text (kind, ref_id, parent_id, title, body, at) VALUES ('${s.kind}', NEW.id, ${values('NEW')});
    END;
    CREATE TRIGGER search_${s.kind}_upd AFTER UPDATE OF ${s.watched.join(', ')} ON ${s.table} BEGIN
      UPDATE search_text SET (parent_id, title, body, at) = (${values('NEW')})
        WHERE kind = '${s.kind}' AND ref_id = NEW.id;
    END;
    CREATE TRIGGER search_${s.kind}_del AFTER DELETE ON ${s.table} BEGIN
      DELETE FROM search_text WHERE kind = '${s.kind}' AND ref_id = OLD.id;
    END;
    INSERT INTO search_text (kind, ref_id, parent_id, title, body, at)
      SELECT '${s.kind}', r.id, ${values('r')} FROM ${s.table} r;
  `);
}
