import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';

/** One more schema step that takes a while (many inserts), so a kill can land anywhere inside it. */
export function slowStep(rows: number): Migration {
  return {
    version: LATEST_SCHEMA_VERSION + 1,
    name: 'slow test step',
    up(db) {
      db.exec("ALTER TABLE units ADD COLUMN migrated_note TEXT NOT NULL DEFAULT ''");
      db.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT');
      const insert = db.prepare('INSERT INTO bulk (payload) VALUES (?)');
      for (let i = 0; i < rows; i++) insert.run(`第${i}行-${'填充'.repeat(20)}`);
      db.exec("UPDATE units SET migrated_note = '已迁移'");
    },
  };
}
