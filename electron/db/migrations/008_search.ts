import { installSearchSource } from '../../search/sources';
import type { Migration } from './types';

/** Joins non-empty pieces with a space (SQL), so the indexed body has no runs of separators. */
const joined = (...cols: string[]) => `trim(${cols.map((c) => `coalesce(${c}, '')`).join(` || ' ' || `)})`;

/**
 * 全局搜索 (and one list index the benchmark showed missing). `search_text` holds one compact row per searchable record (kind, id, title, body, recency), kept by
 * triggers on each source table, so every write path (forms, imports, the recycle bin's restore, deletes)
 * updates it without the services knowing. `search_fts` is an external-content FTS5 index over it with the
 * trigram tokenizer: terms of 3+ characters use it; 1–2 character terms (trigram cannot match them) scan the
 * compact table with instr(), which stays fast because it holds only the searchable text.
 */
export const migration008: Migration = {
  version: 8,
  name: '全局搜索',
  up(db) {
    db.exec(`
      CREATE TABLE search_text (
        id        INTEGER PRIMARY KEY,
        kind      TEXT NOT NULL,
        ref_id    INTEGER NOT NULL,
        parent_id INTEGER,
        title     TEXT NOT NULL,
        body      TEXT NOT NULL,
        at        TEXT NOT NULL,
        UNIQUE (kind, ref_id)
      ) STRICT;
      CREATE INDEX search_text_by_kind_at ON search_text (kind, at);
      CREATE VIRTUAL TABLE search_fts USING fts5 (
        title, body, content = 'search_text', content_rowid = 'id', tokenize = 'trigram'
      );
      -- A 10,000-row import buffers its index terms in memory (16 MB, not the default 1 MB) and writes them as
      -- one segment instead of many that must then be merged: its search-index cost fell by about 40%.
      INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 16777216);
      CREATE TRIGGER search_fts_ins AFTER INSERT ON search_text BEGIN
        INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
      END;
      CREATE TRIGGER search_fts_del AFTER DELETE ON search_text BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
      END;
      CREATE TRIGGER search_fts_upd AFTER UPDATE OF title, body ON search_text BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
        INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
      END;
    `);
    // 督办事项 list: its order (open first, then by 完成时限) as an index, so a page reads its 100 rows in order
    // instead of sorting all 15,000 decisions with their feedback and partner subqueries (47 ms → see bench).
    db.exec(`
      CREATE INDEX decisions_supervision_order ON decisions (closed_on IS NOT NULL, deadline IS NULL, deadline, id)
        WHERE lead_unit_name <> '';
    `);
    installSearchSource(db, {
      kind: 'unit',
      table: 'units',
      watched: ['name', 'party_org', 'secretary', 'liaison', 'address', 'notes'],
      parent: 'NULL',
      title: '$.name',
      body: joined('$.party_org', '$.secretary', '$.liaison', '$.address', '$.notes'),
      at: '$.updated_at',
    });
    installSearchSource(db, {
      kind: 'meeting',
      table: 'meetings',
      watched: ['title', 'place', 'host', 'recorder', 'held_on'],
      parent: 'NULL',
      title: '$.title',
      body: joined('$.place', '$.host', '$.recorder'),
      at: '$.held_on',
    });
    // 纪要: each agenda item's notes and discussion record; a hit opens its meeting.
    installSearchSource(db, {
      kind: 'minutes',
      table: 'agenda_items',
      watched: ['title', 'presenter', 'notes', 'discussion'],
      parent: '$.meeting_id',
      title: '$.title',
      body: joined('$.presenter', '$.notes', '$.discussion'),
      at: `coalesce((SELECT m.held_on FROM meetings m WHERE m.id = $.meeting_id), '')`,
    });
    installSearchSource(db, {
      kind: 'decision',
      table: 'decisions',
      watched: ['content', 'lead_unit_name', 'target', 'deadline'],
      parent: '$.meeting_id',
      title: '$.content',
      body: joined('$.lead_unit_name', '$.target'),
      at: 'coalesce($.deadline, $.created_at)',
    });
    installSearchSource(db, {
      kind: 'need',
      table: 'needs',
      watched: ['title', 'description', 'category', 'grid', 'source', 'contact_name', 'raised_on', 'community_id'],
      parent: '$.community_id',
      title: '$.title',
      body: joined('$.description', '$.category', '$.grid', '$.source', '$.contact_name'),
      at: '$.raised_on',
    });
    installSearchSource(db, {
      kind: 'resource',
      table: 'resources',
      watched: ['title', 'content', 'type', 'capacity', 'available_time', 'contact_name', 'unit_id'],
      parent: '$.unit_id',
      title: '$.title',
      body: joined('$.content', '$.type', '$.capacity', '$.available_time', '$.contact_name'),
      at: '$.updated_at',
    });
    installSearchSource(db, {
      kind: 'project',
      table: 'projects',
      watched: ['name', 'goal', 'content', 'leader', 'progress_text', 'notes', 'progress_on', 'start_on'],
      parent: 'NULL',
      title: '$.name',
      body: joined('$.goal', '$.content', '$.leader', '$.progress_text', '$.notes'),
      at: `coalesce($.progress_on, $.start_on, $.created_at)`,
    });
    // 在职党员 (migration 007). Phone numbers are left out: search is for names and places, and the list masks them.
    installSearchSource(db, {
      kind: 'member',
      table: 'party_members',
      watched: ['name', 'unit_name', 'community_name', 'post', 'notes'],
      parent: '$.unit_id',
      title: '$.name',
      body: joined('$.unit_name', '$.community_name', '$.post', '$.notes'),
      at: '$.updated_at',
    });
  },
};
