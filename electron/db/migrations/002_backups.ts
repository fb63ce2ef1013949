import type { Migration } from './types';

/**
 * The record of every backup the app has written (the files themselves live in the backup folder).
 * `folder` is stored per row because the clerk can move the backup folder; counts are a JSON object
 * {table: rows} taken from the backup copy itself, so a preview needs no second look at the file.
 */
export const migration002: Migration = {
  version: 2,
  name: '备份记录',
  up(db) {
    db.exec(`
      CREATE TABLE backups (
        id             INTEGER PRIMARY KEY,
        folder         TEXT NOT NULL,
        file_name      TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('daily', 'quit', 'pre-migrate', 'pre-import', 'pre-restore', 'manual', 'revert-point')),
        created_at     TEXT NOT NULL,
        size           INTEGER NOT NULL,
        schema_version INTEGER NOT NULL,
        counts         TEXT NOT NULL DEFAULT '{}',
        verified_ok    INTEGER NOT NULL CHECK (verified_ok IN (0, 1)),
        verified_at    TEXT NOT NULL,
        note           TEXT NOT NULL DEFAULT '',
        UNIQUE (folder, file_name)
      ) STRICT;
      CREATE INDEX backups_by_time ON backups (created_at);
    `);
  },
};
