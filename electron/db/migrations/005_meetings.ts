import type { Migration } from './types';

/**
 * 联席会议: meetings with their invited units and attendance, the agenda with the discussion record typed
 * during the meeting, 议定事项 that become tracked 督办事项 with feedback and the street's check, and the kept
 * text of every earlier version of finalised minutes.
 *
 * Invitees and decisions keep the unit's name beside its id: deleting a unit from the directory must not
 * rewrite history (the id is set to NULL, the name stays). 逾期 is never stored: it depends on today's date.
 */
export const migration005: Migration = {
  version: 5,
  name: '联席会议',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        kind        TEXT NOT NULL,
        year        INTEGER NOT NULL,
        seq         INTEGER NOT NULL,
        title       TEXT NOT NULL,
        held_on     TEXT NOT NULL,
        start_time  TEXT NOT NULL DEFAULT '',
        place       TEXT NOT NULL DEFAULT '',
        host        TEXT NOT NULL DEFAULT '',
        recorder    TEXT NOT NULL DEFAULT '',
        status      TEXT NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'held', 'finalized')),
        revision    INTEGER NOT NULL DEFAULT 0,
        finalized_at TEXT,
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX meetings_by_date ON meetings (held_on, id);
      CREATE INDEX meetings_by_kind ON meetings (kind, year, seq);

      CREATE TABLE meeting_invitees (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        unit_id      INTEGER REFERENCES units(id) ON DELETE SET NULL,
        community_id INTEGER REFERENCES communities(id) ON DELETE SET NULL,
        name         TEXT NOT NULL,
        delegate     TEXT NOT NULL DEFAULT '',
        attendance   TEXT NOT NULL DEFAULT 'pending' CHECK (attendance IN ('pending', 'present', 'leave', 'absent')),
        attendee     TEXT NOT NULL DEFAULT '',
        leave_reason TEXT NOT NULL DEFAULT '',
        sort         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX invitees_by_meeting ON meeting_invitees (meeting_id, sort);
      CREATE INDEX invitees_by_unit ON meeting_invitees (unit_id, attendance);
      CREATE INDEX invitees_by_community ON meeting_invitees (community_id, attendance);

      CREATE TABLE agenda_items (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        sort         INTEGER NOT NULL,
        title        TEXT NOT NULL,
        presenter    TEXT NOT NULL DEFAULT '',
        notes        TEXT NOT NULL DEFAULT '',
        discussion   TEXT NOT NULL DEFAULT '',
        carryover    INTEGER NOT NULL DEFAULT 0,
        saved_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX agenda_by_meeting ON agenda_items (meeting_id, sort);

      CREATE TABLE decisions (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id     INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        sort           INTEGER NOT NULL,
        content        TEXT NOT NULL DEFAULT '',
        lead_unit_id   INTEGER REFERENCES units(id) ON DELETE SET NULL,
        lead_unit_name TEXT NOT NULL DEFAULT '',
        target         TEXT NOT NULL DEFAULT '',
        deadline       TEXT,
        closed_on      TEXT,
        created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX decisions_by_agenda ON decisions (agenda_item_id, sort);
      CREATE INDEX decisions_by_meeting ON decisions (meeting_id, sort);
      -- The 督办 list: open items by deadline, and by responsible unit.
      CREATE INDEX decisions_open_by_deadline ON decisions (closed_on, deadline) WHERE lead_unit_name <> '';
      CREATE INDEX decisions_by_lead ON decisions (lead_unit_id, deadline);

      CREATE TABLE decision_partners (
        decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
        unit_id     INTEGER REFERENCES units(id) ON DELETE SET NULL,
        unit_name   TEXT NOT NULL,
        sort        INTEGER NOT NULL,
        PRIMARY KEY (decision_id, sort)
      ) STRICT;
      CREATE INDEX partners_by_unit ON decision_partners (unit_id);

      CREATE TABLE decision_feedback (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
        reported_on  TEXT NOT NULL,
        content      TEXT NOT NULL,
        check_status TEXT NOT NULL DEFAULT 'pending' CHECK (check_status IN ('pending', 'passed', 'returned')),
        check_reason TEXT NOT NULL DEFAULT '',
        checked_at   TEXT,
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX feedback_by_decision ON decision_feedback (decision_id, id);

      -- Each correction of finalised minutes keeps the text as it was before, with who and when.
      CREATE TABLE minutes_revisions (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        revision   INTEGER NOT NULL,
        editor     TEXT NOT NULL,
        reason     TEXT NOT NULL,
        snapshot   TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (meeting_id, revision)
      ) STRICT;
    `);
  },
};
