import type { Migration } from './types';

/**
 * 操作日志 (operation log) and 回收站 (recycle bin).
 * The log is append-only: triggers refuse UPDATE and DELETE, so even a bug in a later service cannot rewrite history.
 * The bin keeps a JSON snapshot of what was deleted (with its dependent rows), so restoring re-creates it exactly
 * and the live tables never carry half-deleted rows that every query would have to filter out.
 */
export const migration003: Migration = {
  version: 3,
  name: '操作日志与回收站',
  up(db) {
    db.exec(`
      CREATE TABLE oplog (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        operator  TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id INTEGER,
        title     TEXT NOT NULL,
        summary   TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX oplog_by_time ON oplog (at DESC, id DESC);
      CREATE INDEX oplog_by_entity ON oplog (entity, entity_id);
      CREATE TRIGGER oplog_no_update BEFORE UPDATE ON oplog BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能修改'); END;
      CREATE TRIGGER oplog_no_delete BEFORE DELETE ON oplog BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能删除'); END;

      CREATE TABLE recycle_bin (
        id         INTEGER PRIMARY KEY,
        deleted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        operator   TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_id  INTEGER NOT NULL,
        title      TEXT NOT NULL,
        payload    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recycle_by_time ON recycle_bin (deleted_at DESC, id DESC);
    `);
  },
};
