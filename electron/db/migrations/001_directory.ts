import type { Migration } from './types';

/**
 * The street's directory: communities with their grids, co-building units, and who is paired with whom.
 * AUTOINCREMENT so an id is never reused: the log and the recycle bin keep pointing at the right record.
 */
export const migration001: Migration = {
  version: 1,
  name: '社区与共建单位名录',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE communities (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        name       TEXT NOT NULL,
        name_key   TEXT NOT NULL UNIQUE,
        notes      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;

      CREATE TABLE grids (
        id           INTEGER PRIMARY KEY,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        sort         INTEGER NOT NULL,
        UNIQUE (community_id, name)
      ) STRICT;

      CREATE TABLE units (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        name       TEXT NOT NULL,
        name_key   TEXT NOT NULL UNIQUE,
        category   TEXT NOT NULL,
        party_org  TEXT NOT NULL DEFAULT '',
        secretary  TEXT NOT NULL DEFAULT '',
        liaison    TEXT NOT NULL DEFAULT '',
        phone      TEXT NOT NULL DEFAULT '',
        address    TEXT NOT NULL DEFAULT '',
        notes      TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX units_by_category ON units (category, name_key);
      CREATE INDEX units_by_status ON units (status, name_key);

      -- Deleting a unit ends its pairings; a community with pairings cannot be deleted (the service says why).
      CREATE TABLE pairings (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        unit_id      INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        signed_on    TEXT,
        term_years   INTEGER,
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (unit_id, community_id)
      ) STRICT;
      CREATE INDEX pairings_by_community ON pairings (community_id, unit_id);
    `);
  },
};
