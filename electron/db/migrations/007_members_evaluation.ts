import type { Migration } from './types';

/**
 * 在职党员双报到 (roster, per-community service posts, 服务记实) and 考核评价 (per-year settings, entered
 * 年度考评 / 群众评议 scores, locked results).
 *
 * Members and activities keep the unit's and community's name beside the id (as meetings do): deleting a
 * unit or community from the directory must not fail on these rows nor rewrite history, so the id becomes
 * NULL and the name stays. A service record carries the member's unit at the time of service, so the
 * unit's hours do not move when a member later changes unit, and the per-unit totals of a year are one
 * GROUP BY over a covering index (300k records).
 */
export const migration007: Migration = {
  version: 7,
  name: '在职党员与考核评价',
  up(db) {
    db.exec(`
      CREATE TABLE service_posts (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        sort         INTEGER NOT NULL DEFAULT 0,
        UNIQUE (community_id, name)
      ) STRICT;

      CREATE TABLE party_members (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        name           TEXT NOT NULL,
        name_key       TEXT NOT NULL,
        unit_id        INTEGER REFERENCES units(id) ON DELETE SET NULL,
        unit_name      TEXT NOT NULL,
        community_id   INTEGER REFERENCES communities(id) ON DELETE SET NULL,
        community_name TEXT NOT NULL,
        reported_on    TEXT,
        post           TEXT NOT NULL DEFAULT '',
        phone          TEXT NOT NULL DEFAULT '',
        status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'transferred')),
        notes          TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      -- A member is recognised by name within the unit (imports, duplicates).
      CREATE INDEX members_identity ON party_members (name_key, unit_name);
      CREATE INDEX members_by_unit ON party_members (unit_id, status, name_key);
      CREATE INDEX members_by_community ON party_members (community_id, status, name_key);

      CREATE TABLE service_activities (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        served_on      TEXT NOT NULL,
        title          TEXT NOT NULL,
        community_id   INTEGER REFERENCES communities(id) ON DELETE SET NULL,
        community_name TEXT NOT NULL DEFAULT '',
        project_id     INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        need_id        INTEGER REFERENCES needs(id) ON DELETE SET NULL,
        notes          TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX activities_by_date ON service_activities (served_on, id);

      CREATE TABLE service_records (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        activity_id INTEGER NOT NULL REFERENCES service_activities(id) ON DELETE CASCADE,
        member_id   INTEGER NOT NULL REFERENCES party_members(id) ON DELETE CASCADE,
        unit_id     INTEGER REFERENCES units(id) ON DELETE SET NULL,
        served_on   TEXT NOT NULL,
        hours       REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
        UNIQUE (activity_id, member_id)
      ) STRICT;
      -- Covering indexes for the year totals: per unit, per member, and by date for the dashboard.
      CREATE INDEX records_by_unit ON service_records (unit_id, served_on, activity_id, hours);
      CREATE INDEX records_by_member ON service_records (member_id, served_on, hours);
      CREATE INDEX records_by_date ON service_records (served_on, unit_id, hours);

      CREATE TABLE evaluation_settings (
        year     INTEGER PRIMARY KEY,
        settings TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evaluation_scores (
        year       INTEGER NOT NULL,
        unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        annual     REAL CHECK (annual BETWEEN 0 AND 100),
        public     REAL CHECK (public BETWEEN 0 AND 100),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (year, unit_id)
      ) STRICT;

      -- A locked year: the computed results as they were, read instead of recomputing.
      CREATE TABLE evaluation_locks (
        year      INTEGER PRIMARY KEY,
        snapshot  TEXT NOT NULL,
        locked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `);
  },
};
