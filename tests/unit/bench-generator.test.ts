import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { applyPragmas, migrate } from '../../electron/db/open';
import { generateStreet, type Scale } from '../../bench/generator';

const TINY: Scale = {
  communities: 3,
  units: 12,
  members: 40,
  meetings: 10,
  decisions: 30,
  needs: 200,
  resources: 30,
  projects: 20,
  progress: 120,
  serviceRecords: 150,
};

function generated(seed: number) {
  const db = new Database(':memory:');
  applyPragmas(db);
  migrate(db, 0);
  generateStreet(db, seed, TINY);
  return db;
}

/** A digest of every row of every table (WITHOUT ROWID tables included, so rows are compared sorted), so any difference in content shows. */
function digest(db: Database.Database): string {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const h = crypto.createHash('sha256');
  for (const t of tables) {
    const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    h.update(t).update(rows.join('\n'));
  }
  return h.digest('hex');
}

describe('bench generator', () => {
  test('the same seed gives the same database, another seed a different one', () => {
    const a = generated(7);
    const b = generated(7);
    const c = generated(8);
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  test('makes the counts asked for, with Chinese text the search index finds', () => {
    const db = generated(7);
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    expect(count('communities')).toBe(3);
    expect(count('units')).toBe(12);
    expect(count('needs')).toBe(200);
    expect(count('decisions')).toBe(30);
    expect(count('progress_entries')).toBe(120);
    expect(count('service_records')).toBe(150);
    const title = db.prepare('SELECT title FROM needs WHERE id = 1').pluck().get() as string;
    expect(title).toMatch(/^[\u4e00-\u9fff]+第\d网格[\u4e00-\u9fff]+$/);
    // Every searchable record is indexed, and the trigram index answers a phrase from it.
    expect(db.prepare(`SELECT count(*) FROM search_text WHERE kind = 'need'`).pluck().get()).toBe(200);
    const phrase = title.slice(-4);
    const hits = db
      .prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH ?`)
      .pluck()
      .get(`"${phrase}"`) as number;
    expect(hits).toBeGreaterThan(0);
  });
});
