import type { Migration } from './types';

/**
 * 三张清单 (needs, resources, projects) and the 项目台账 (progress entries, 销号 applications).
 *
 * Latest progress: projects keep `progress_*` columns, written in the same transaction as each progress
 * entry (and recomputed when one is deleted). The 项目台账 lists, sorts and filters 15k projects by current
 * progress and by 停滞 (days since the last entry); a maintained column answers that from the projects table
 * alone, where a covering index on 150k entries would still need a correlated MAX per project per page.
 * 逾期 and 停滞 themselves are never stored: they depend on today, so they are computed when read.
 */
export const migration006: Migration = {
  version: 6,
  name: '三张清单与项目台账',
  up(db) {
    db.exec(`
      CREATE TABLE needs (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        community_id   INTEGER NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        grid           TEXT NOT NULL DEFAULT '',
        title          TEXT NOT NULL,
        title_key      TEXT NOT NULL,
        description    TEXT NOT NULL DEFAULT '',
        category       TEXT NOT NULL,
        source         TEXT NOT NULL DEFAULT '',
        raised_on      TEXT NOT NULL,
        urgency        TEXT NOT NULL DEFAULT '一般' CHECK (urgency IN ('一般', '较急', '紧急')),
        contact_name   TEXT NOT NULL DEFAULT '',
        contact_phone  TEXT NOT NULL DEFAULT '',
        status         TEXT NOT NULL DEFAULT 'open'
                       CHECK (status IN ('open', 'matched', 'in_progress', 'done', 'rejected')),
        reject_reason  TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      -- The list's filters (status / category / community) each lead an index that ends in its date sort.
      CREATE INDEX needs_by_date ON needs (raised_on, id);
      CREATE INDEX needs_by_status ON needs (status, raised_on, id);
      CREATE INDEX needs_by_category ON needs (category, raised_on, id);
      CREATE INDEX needs_by_community ON needs (community_id, status, raised_on, id);
      -- How an import recognises a need it has seen before.
      CREATE INDEX needs_identity ON needs (community_id, title_key, raised_on);

      CREATE TABLE need_status_log (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        need_id     INTEGER NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
        from_status TEXT,
        to_status   TEXT NOT NULL,
        reason      TEXT NOT NULL DEFAULT '',
        operator    TEXT NOT NULL DEFAULT '',
        at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX need_status_log_by_need ON need_status_log (need_id, id);

      CREATE TABLE resources (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        unit_id        INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        type           TEXT NOT NULL,
        title          TEXT NOT NULL,
        title_key      TEXT NOT NULL,
        content        TEXT NOT NULL DEFAULT '',
        capacity       TEXT NOT NULL DEFAULT '',
        available_time TEXT NOT NULL DEFAULT '',
        contact_name   TEXT NOT NULL DEFAULT '',
        contact_phone  TEXT NOT NULL DEFAULT '',
        valid_until    TEXT,
        status         TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'matched', 'paused')),
        created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (unit_id, title_key)
      ) STRICT;
      CREATE INDEX resources_by_type ON resources (type, status);
      CREATE INDEX resources_by_status ON resources (status, id);

      CREATE TABLE projects (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        year               INTEGER NOT NULL,
        name               TEXT NOT NULL,
        name_key           TEXT NOT NULL,
        source             TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('matching', 'meeting', 'manual')),
        -- The 议定事项 a project came from; meetings are built separately, so no foreign key yet.
        decision_id        INTEGER,
        goal               TEXT NOT NULL DEFAULT '',
        content            TEXT NOT NULL DEFAULT '',
        leader             TEXT NOT NULL DEFAULT '',
        start_on           TEXT,
        deadline_on        TEXT,
        deadline_text      TEXT NOT NULL DEFAULT '',
        long_term          INTEGER NOT NULL DEFAULT 0 CHECK (long_term IN (0, 1)),
        milestones         TEXT NOT NULL DEFAULT '',
        budget             REAL,
        status             TEXT NOT NULL DEFAULT 'planning'
                           CHECK (status IN ('planning', 'active', 'pending_close', 'closed', 'terminated')),
        status_reason      TEXT NOT NULL DEFAULT '',
        notes              TEXT NOT NULL DEFAULT '',
        progress_percent   INTEGER,
        progress_on        TEXT,
        progress_text      TEXT NOT NULL DEFAULT '',
        created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (year, name_key)
      ) STRICT;
      CREATE INDEX projects_by_status ON projects (status, deadline_on, id);
      CREATE INDEX projects_by_deadline ON projects (year, deadline_on, id);
      CREATE INDEX projects_by_progress_on ON projects (status, progress_on);
      CREATE INDEX projects_by_progress ON projects (progress_percent, id);
      CREATE INDEX projects_by_decision ON projects (decision_id) WHERE decision_id IS NOT NULL;

      -- 责任单位 (role 'lead') and 配合单位 ('support'); a unit in use cannot be deleted from the directory.
      CREATE TABLE project_units (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        role       TEXT NOT NULL CHECK (role IN ('lead', 'support')),
        sort       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (project_id, unit_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX project_units_by_unit ON project_units (unit_id, role, project_id);

      CREATE TABLE project_communities (
        project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        PRIMARY KEY (project_id, community_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX project_communities_by_community ON project_communities (community_id, project_id);

      CREATE TABLE project_needs (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        need_id    INTEGER NOT NULL REFERENCES needs(id) ON DELETE RESTRICT,
        PRIMARY KEY (project_id, need_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX project_needs_by_need ON project_needs (need_id, project_id);

      CREATE TABLE project_resources (
        project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE RESTRICT,
        PRIMARY KEY (project_id, resource_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX project_resources_by_resource ON project_resources (resource_id, project_id);

      CREATE TABLE progress_entries (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        entry_on   TEXT NOT NULL,
        percent    INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
        text       TEXT NOT NULL DEFAULT '',
        operator   TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX progress_by_project ON progress_entries (project_id, entry_on, id);
      CREATE INDEX progress_by_date ON progress_entries (entry_on, project_id);

      -- 销号: the responsible unit applies with evidence; the street passes it or sends it back.
      CREATE TABLE project_closures (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        applied_on   TEXT NOT NULL,
        applicant    TEXT NOT NULL DEFAULT '',
        evidence     TEXT NOT NULL DEFAULT '',
        result       TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'passed', 'returned')),
        review_note  TEXT NOT NULL DEFAULT '',
        reviewed_on  TEXT,
        reviewer     TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX project_closures_by_project ON project_closures (project_id, id);
    `);
  },
};
