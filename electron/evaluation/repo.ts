import type { Database } from 'better-sqlite3';
import type { EvaluationSettings } from '../../shared/domain/evaluation';

/**
 * 考核评价's SQL: read-only looks into meetings, decisions, projects, needs and service records (each
 * through an index that leads with the unit), plus this area's own settings, scores and locks.
 */

const range = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export function unitsToEvaluate(db: Database): { id: number; name: string }[] {
  return db.prepare(`SELECT id, name FROM units WHERE status = 'active' ORDER BY name_key`).all() as {
    id: number;
    name: string;
  }[];
}

export function attendanceOf(db: Database, unitId: number, year: number) {
  return db
    .prepare(
      `SELECT m.id, m.title, m.held_on AS date, i.attendance FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id
       WHERE i.unit_id = @unitId AND m.status <> 'preparing' AND m.held_on BETWEEN @from AND @to
       ORDER BY m.held_on, m.id`,
    )
    .all({ unitId, ...range(year) }) as {
    id: number;
    title: string;
    date: string;
    attendance: 'pending' | 'present' | 'leave' | 'absent';
  }[];
}

export function decisionsOf(db: Database, unitId: number, year: number) {
  return db
    .prepare(
      `SELECT id, content AS title, deadline, closed_on AS closedOn FROM decisions
       WHERE lead_unit_id = @unitId AND deadline BETWEEN @from AND @to ORDER BY deadline, id`,
    )
    .all({ unitId, ...range(year) }) as { id: number; title: string; deadline: string; closedOn: string | null }[];
}

export function projectsOf(db: Database, unitId: number, year: number) {
  return db
    .prepare(
      `SELECT p.id, p.name AS title, p.status, p.deadline_on AS deadline, p.long_term AS longTerm,
         (SELECT max(c.reviewed_on) FROM project_closures c WHERE c.project_id = p.id AND c.result = 'passed') AS closedOn
       FROM project_units pu JOIN projects p ON p.id = pu.project_id
       WHERE pu.unit_id = @unitId AND pu.role = 'lead' AND p.year = @year ORDER BY p.deadline_on, p.id`,
    )
    .all({ unitId, year }) as {
    id: number;
    title: string;
    status: string;
    deadline: string | null;
    longTerm: number;
    closedOn: string | null;
  }[];
}

export function projectCountOf(db: Database, unitId: number, year: number): number {
  return (
    db
      .prepare(
        'SELECT count(*) AS n FROM project_units pu JOIN projects p ON p.id = pu.project_id WHERE pu.unit_id = ? AND p.year = ?',
      )
      .get(unitId, year) as { n: number }
  ).n;
}

export function needsServedBy(db: Database, unitId: number, year: number) {
  return db
    .prepare(
      `SELECT DISTINCT n.id, n.title, n.raised_on AS date, n.status FROM project_units pu
       JOIN projects p ON p.id = pu.project_id JOIN project_needs pn ON pn.project_id = p.id JOIN needs n ON n.id = pn.need_id
       WHERE pu.unit_id = @unitId AND p.year = @year ORDER BY n.raised_on, n.id`,
    )
    .all({ unitId, year }) as { id: number; title: string; date: string; status: string }[];
}

/** The unit's members' service of the year, one line per activity (a 30-person day is one line). */
export function serviceOf(db: Database, unitId: number, year: number) {
  return db
    .prepare(
      `SELECT a.id, a.title, a.served_on AS date, s.people, s.hours
       FROM (SELECT activity_id, count(*) AS people, sum(hours) AS hours FROM service_records
             WHERE unit_id = @unitId AND served_on BETWEEN @from AND @to GROUP BY activity_id) s
       JOIN service_activities a ON a.id = s.activity_id ORDER BY a.served_on, a.id`,
    )
    .all({ unitId, ...range(year) }) as { id: number; title: string; date: string; people: number; hours: number }[];
}

export function memberCountOf(db: Database, unitId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM party_members WHERE unit_id = ?').get(unitId) as { n: number }).n;
}

// ---------- settings, scores, locks ----------
export function settingsOf(db: Database, year: number): EvaluationSettings | undefined {
  const row = db.prepare('SELECT settings FROM evaluation_settings WHERE year = ?').get(year) as
    { settings: string } | undefined;
  return row ? (JSON.parse(row.settings) as EvaluationSettings) : undefined;
}

export function saveSettings(db: Database, year: number, s: EvaluationSettings): void {
  db.prepare(
    'INSERT INTO evaluation_settings (year, settings) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET settings = excluded.settings',
  ).run(year, JSON.stringify(s));
}

export function scoresOf(db: Database, year: number): Map<number, { annual: number | null; public: number | null }> {
  const rows = db.prepare('SELECT unit_id, annual, public FROM evaluation_scores WHERE year = ?').all(year) as {
    unit_id: number;
    annual: number | null;
    public: number | null;
  }[];
  return new Map(rows.map((r) => [r.unit_id, { annual: r.annual, public: r.public }]));
}

export function saveScore(db: Database, year: number, unitId: number, annual: number | null, pub: number | null): void {
  db.prepare(
    `INSERT INTO evaluation_scores (year, unit_id, annual, public) VALUES (?, ?, ?, ?)
     ON CONFLICT (year, unit_id) DO UPDATE SET annual = excluded.annual, public = excluded.public,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(year, unitId, annual, pub);
}

/** A unit's entered scores of every year, as 回收站 keeps them when the unit is deleted (they go with it). */
export interface UnitScore {
  year: number;
  annual: number | null;
  public: number | null;
}

export function scoresOfUnit(db: Database, unitId: number): UnitScore[] {
  return db
    .prepare('SELECT year, annual, public FROM evaluation_scores WHERE unit_id = ? ORDER BY year')
    .all(unitId) as UnitScore[];
}

/** Puts a restored unit's scores back; a year that has a score for it again keeps that one. */
export function restoreScoresOfUnit(db: Database, unitId: number, scores: UnitScore[]): void {
  const insert = db.prepare(
    'INSERT INTO evaluation_scores (year, unit_id, annual, public) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const s of scores) insert.run(s.year, unitId, s.annual, s.public);
}

export function lockOf(db: Database, year: number): { snapshot: string; lockedAt: string } | undefined {
  return db.prepare('SELECT snapshot, locked_at AS lockedAt FROM evaluation_locks WHERE year = ?').get(year) as
    { snapshot: string; lockedAt: string } | undefined;
}

export function insertLock(db: Database, year: number, snapshot: string): void {
  db.prepare('INSERT INTO evaluation_locks (year, snapshot) VALUES (?, ?)').run(year, snapshot);
}

export function deleteLock(db: Database, year: number): void {
  db.prepare('DELETE FROM evaluation_locks WHERE year = ?').run(year);
}
