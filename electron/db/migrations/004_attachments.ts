import type { Migration } from './types';

/**
 * Files clerks attach as evidence (feedback on a 督办事项, a progress entry, a 销号 application).
 * The bytes live in the data folder under attachments/, named by their SHA-256, so the same file attached
 * twice is stored once and a file is never silently replaced; this table says whose each one is.
 */
export const migration004: Migration = {
  version: 4,
  name: '附件',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        owner      TEXT NOT NULL,
        owner_id   INTEGER NOT NULL,
        file_name  TEXT NOT NULL,
        sha256     TEXT NOT NULL,
        size       INTEGER NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX attachments_by_owner ON attachments (owner, owner_id);
    `);
  },
};
