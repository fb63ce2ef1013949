import type { Database } from 'better-sqlite3';

/**
 * The home dashboard's aggregates: one GROUP BY each, over the indexes that lead with the grouped or
 * filtered column (needs_by_status / needs_by_category / needs_by_community, records_by_date), so the
 * page stays quick with 60k needs, 15k projects and 300k service records. Read-only.
 */

export interface Filter {
  from: string;
  to: string;
  year: number;
  communityId: number | null;
  today: string;
}

const NEED_WHERE = `raised_on BETWEEN @from AND @to AND (@communityId IS NULL OR community_id = @communityId)`;

export function needsBy(db: Database, column: 'status' | 'category', f: Filter): { key: string; count: number }[] {
  return db
    .prepare(
      `SELECT ${column} AS key, count(*) AS count FROM needs WHERE ${NEED_WHERE} GROUP BY ${column} ORDER BY count DESC`,
    )
    .all(f) as { key: string; count: number }[];
}

export function needsByCommunity(db: Database, f: Filter) {
  return db
    .prepare(
      `SELECT n.community_id AS communityId, c.name AS key, count(*) AS count FROM needs n JOIN communities c ON c.id = n.community_id
       WHERE n.raised_on BETWEEN @from AND @to AND (@communityId IS NULL OR n.community_id = @communityId)
       GROUP BY n.community_id ORDER BY count DESC`,
    )
    .all(f) as { communityId: number; key: string; count: number }[];
}

const PROJECT_WHERE = `p.year = @year AND (@communityId IS NULL OR EXISTS (SELECT 1 FROM project_communities pc WHERE pc.project_id = p.id AND pc.community_id = @communityId))`;

export function projectsByStatus(db: Database, f: Filter): { key: string; count: number }[] {
  return db
    .prepare(`SELECT p.status AS key, count(*) AS count FROM projects p WHERE ${PROJECT_WHERE} GROUP BY p.status`)
    .all(f) as {
    key: string;
    count: number;
  }[];
}

/** Same rule as the 项目台账's 逾期: open, not long-term, past its 完成时限. */
export function projectsOverdue(db: Database, f: Filter): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM projects p WHERE ${PROJECT_WHERE}
         AND p.status IN ('planning', 'active') AND p.long_term = 0 AND p.deadline_on < @today`,
      )
      .get(f) as { n: number }
  ).n;
}

/** Attendance of units (and communities) invited to meetings held in the year, by month. */
export function attendanceByMonth(db: Database, f: Filter) {
  return db
    .prepare(
      `SELECT substr(m.held_on, 1, 7) AS month, sum(i.attendance <> 'pending') AS invited, sum(i.attendance = 'present') AS present
       FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id
       WHERE m.status <> 'preparing' AND m.held_on BETWEEN @from AND @to
         AND (@communityId IS NULL OR i.community_id = @communityId
              OR i.unit_id IN (SELECT unit_id FROM pairings WHERE community_id = @communityId))
       GROUP BY month ORDER BY month`,
    )
    .all(f) as { month: string; invited: number; present: number }[];
}

export function hoursByUnit(db: Database, f: Filter, limit: number) {
  const sql =
    f.communityId === null
      ? `SELECT r.unit_id AS unitId, u.name AS unitName, sum(r.hours) AS hours FROM service_records r JOIN units u ON u.id = r.unit_id
         WHERE r.served_on BETWEEN @from AND @to GROUP BY r.unit_id ORDER BY hours DESC LIMIT @limit`
      : `SELECT r.unit_id AS unitId, u.name AS unitName, sum(r.hours) AS hours FROM service_records r JOIN units u ON u.id = r.unit_id
         JOIN service_activities a ON a.id = r.activity_id
         WHERE r.served_on BETWEEN @from AND @to AND a.community_id = @communityId GROUP BY r.unit_id ORDER BY hours DESC LIMIT @limit`;
  return db.prepare(sql).all({ ...f, limit }) as { unitId: number; unitName: string; hours: number }[];
}

export function totalHours(db: Database, f: Filter): number {
  const sql =
    f.communityId === null
      ? 'SELECT coalesce(sum(hours), 0) AS h FROM service_records WHERE served_on BETWEEN @from AND @to'
      : `SELECT coalesce(sum(r.hours), 0) AS h FROM service_records r JOIN service_activities a ON a.id = r.activity_id
         WHERE r.served_on BETWEEN @from AND @to AND a.community_id = @communityId`;
  return (db.prepare(sql).get(f) as { h: number }).h;
}

export function memberCount(db: Database, f: Filter): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM party_members WHERE status = 'active' AND (@communityId IS NULL OR community_id = @communityId)`,
      )
      .get(f) as { n: number }
  ).n;
}

/** 匹配率: needs of the year (not 不予受理) taken into a co-building project within 30 days of being raised. */
export function matching(db: Database, f: Filter): { needs: number; matchedIn30: number } {
  return db
    .prepare(
      `SELECT count(*) AS needs, coalesce(sum(EXISTS (
           SELECT 1 FROM project_needs pn JOIN projects p ON p.id = pn.project_id
           WHERE pn.need_id = n.id AND substr(p.created_at, 1, 10) <= date(n.raised_on, '+30 days'))), 0) AS matchedIn30
       FROM needs n WHERE n.raised_on BETWEEN @from AND @to AND n.status <> 'rejected'
         AND (@communityId IS NULL OR n.community_id = @communityId)`,
    )
    .get(f) as { needs: number; matchedIn30: number };
}
