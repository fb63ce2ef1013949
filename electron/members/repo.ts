import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Member, MemberListQuery, ServiceRecord, UnitHours } from '../../shared/contract/members';
import type { MemberStatus } from '../../shared/domain/members';
import { roundHours } from '../../shared/domain/members';

/** All SQL of 在职党员 and 服务记实. Callers own the transactions. */

export interface MemberRecord {
  name: string;
  nameKey: string;
  unitId: number | null;
  unitName: string;
  communityId: number | null;
  communityName: string;
  reportedOn: string | null;
  post: string;
  phone: string;
  status: MemberStatus;
  notes: string;
}

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** A member with the year's totals, from the per-member covering index. */
const MEMBER_SELECT = `
  SELECT m.id, m.name, m.unit_id AS unitId, m.unit_name AS unitName, m.community_id AS communityId,
    m.community_name AS communityName, m.reported_on AS reportedOn, m.post, m.phone, m.status, m.notes,
    coalesce(s.hours, 0) AS hours, coalesce(s.activities, 0) AS activities, s.last AS lastServedOn
  FROM party_members m
  LEFT JOIN (SELECT member_id, sum(hours) AS hours, count(*) AS activities, max(served_on) AS last
             FROM service_records WHERE served_on BETWEEN @from AND @to GROUP BY member_id) s ON s.member_id = m.id`;

const fix = (m: Member): Member => ({ ...m, hours: roundHours(m.hours) });

const SORT_SQL: Record<z.output<typeof MemberListQuery>['sortBy'], string> = {
  name: 'm.name_key',
  unitName: 'm.unit_name',
  communityName: 'm.community_name',
  reportedOn: 'm.reported_on',
  hours: 'hours',
  lastServedOn: 'lastServedOn',
};

export function listMembers(db: Database, q: z.output<typeof MemberListQuery>): { rows: Member[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { ...yearRange(q.year) };
  if (q.search) {
    where.push(
      `(m.name LIKE @like ESCAPE '\\' OR m.unit_name LIKE @like ESCAPE '\\' OR m.post LIKE @like ESCAPE '\\')`,
    );
    params.like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (q.unitId) {
    where.push('m.unit_id = @unitId');
    params.unitId = q.unitId;
  }
  if (q.communityId) {
    where.push('m.community_id = @communityId');
    params.communityId = q.communityId;
  }
  if (q.status) {
    where.push('m.status = @status');
    params.status = q.status;
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM party_members m ${w}`).get(params) as { n: number }).n;
  const dir = q.sortDir === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .prepare(`${MEMBER_SELECT} ${w} ORDER BY ${SORT_SQL[q.sortBy]} ${dir}, m.id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as Member[];
  return { rows: rows.map(fix), total };
}

export function getMember(db: Database, id: number, year: number): Member | undefined {
  const m = db.prepare(`${MEMBER_SELECT} WHERE m.id = @id`).get({ id, ...yearRange(year) }) as Member | undefined;
  return m && fix(m);
}

export function membersOfUnit(db: Database, unitId: number, year: number): Member[] {
  return (
    db
      .prepare(`${MEMBER_SELECT} WHERE m.unit_id = @unitId ORDER BY m.name_key`)
      .all({ unitId, ...yearRange(year) }) as Member[]
  ).map(fix);
}

export function allMembers(db: Database, year: number, f: { unitId?: number; communityId?: number }): Member[] {
  return (
    db
      .prepare(
        `${MEMBER_SELECT} WHERE (@unitId IS NULL OR m.unit_id = @unitId) AND (@communityId IS NULL OR m.community_id = @communityId)
         ORDER BY m.unit_name, m.name_key`,
      )
      .all({ ...yearRange(year), unitId: f.unitId ?? null, communityId: f.communityId ?? null }) as Member[]
  ).map(fix);
}

export function findMemberId(db: Database, nameKey: string, unitName: string): number | undefined {
  return (
    db.prepare('SELECT id FROM party_members WHERE name_key = ? AND unit_name = ?').get(nameKey, unitName) as
      { id: number } | undefined
  )?.id;
}

export function memberOptions(db: Database, communityId: number | null) {
  return db
    .prepare(
      `SELECT id, name, unit_name AS unitName, community_name AS communityName, community_id AS communityId
       FROM party_members WHERE status = 'active' AND (@c IS NULL OR community_id = @c) ORDER BY community_name, unit_name, name_key`,
    )
    .all({ c: communityId }) as {
    id: number;
    name: string;
    unitName: string;
    communityName: string;
    communityId: number | null;
  }[];
}

export function insertMember(db: Database, m: MemberRecord, id?: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO party_members (id, name, name_key, unit_id, unit_name, community_id, community_name, reported_on, post, phone, status, notes)
         VALUES (@id, @name, @nameKey, @unitId, @unitName, @communityId, @communityName, @reportedOn, @post, @phone, @status, @notes)`,
      )
      .run({ ...m, id: id ?? null }).lastInsertRowid,
  );
}

export function updateMember(db: Database, id: number, m: MemberRecord): void {
  db.prepare(
    `UPDATE party_members SET name = @name, name_key = @nameKey, unit_id = @unitId, unit_name = @unitName,
       community_id = @communityId, community_name = @communityName, reported_on = @reportedOn, post = @post,
       phone = @phone, status = @status, notes = @notes, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  ).run({ ...m, id });
}

export function deleteMember(db: Database, id: number): void {
  db.prepare('DELETE FROM party_members WHERE id = ?').run(id);
}

export function memberRecordOf(db: Database, id: number): (MemberRecord & { id: number }) | undefined {
  return db
    .prepare(
      `SELECT id, name, name_key AS nameKey, unit_id AS unitId, unit_name AS unitName, community_id AS communityId,
         community_name AS communityName, reported_on AS reportedOn, post, phone, status, notes FROM party_members WHERE id = ?`,
    )
    .get(id) as (MemberRecord & { id: number }) | undefined;
}

// ---------- 认领岗位 ----------
export function allPosts(db: Database): { communityId: number; posts: string[] }[] {
  const rows = db
    .prepare('SELECT community_id AS c, name FROM service_posts ORDER BY community_id, sort, id')
    .all() as { c: number; name: string }[];
  const by = new Map<number, string[]>();
  for (const r of rows) by.set(r.c, [...(by.get(r.c) ?? []), r.name]);
  return [...by].map(([communityId, posts]) => ({ communityId, posts }));
}

export function postsOf(db: Database, communityId: number): string[] {
  return (
    db.prepare('SELECT name FROM service_posts WHERE community_id = ? ORDER BY sort, id').all(communityId) as {
      name: string;
    }[]
  ).map((r) => r.name);
}

export function replacePosts(db: Database, communityId: number, posts: string[]): void {
  db.prepare('DELETE FROM service_posts WHERE community_id = ?').run(communityId);
  const ins = db.prepare('INSERT INTO service_posts (community_id, name, sort) VALUES (?, ?, ?)');
  posts.forEach((p, i) => ins.run(communityId, p, i));
}

// ---------- 服务记实 ----------
export interface ActivityRecord {
  servedOn: string;
  title: string;
  communityId: number | null;
  communityName: string;
  projectId: number | null;
  needId: number | null;
  notes: string;
}

export function insertActivity(db: Database, a: ActivityRecord, id?: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO service_activities (id, served_on, title, community_id, community_name, project_id, need_id, notes)
         VALUES (@id, @servedOn, @title, @communityId, @communityName, @projectId, @needId, @notes)`,
      )
      .run({ ...a, id: id ?? null }).lastInsertRowid,
  );
}

/** One statement prepared once for the whole volunteer day. */
export function insertRecords(
  db: Database,
  activityId: number,
  servedOn: string,
  rows: { memberId: number; unitId: number | null; hours: number }[],
  ids?: number[],
): void {
  const ins = db.prepare(
    'INSERT INTO service_records (id, activity_id, member_id, unit_id, served_on, hours) VALUES (?, ?, ?, ?, ?, ?)',
  );
  rows.forEach((r, i) => ins.run(ids?.[i] ?? null, activityId, r.memberId, r.unitId, servedOn, roundHours(r.hours)));
}

export function getActivity(db: Database, id: number): (ActivityRecord & { id: number }) | undefined {
  return db
    .prepare(
      `SELECT id, served_on AS servedOn, title, community_id AS communityId, community_name AS communityName,
         project_id AS projectId, need_id AS needId, notes FROM service_activities WHERE id = ?`,
    )
    .get(id) as (ActivityRecord & { id: number }) | undefined;
}

export function recordsOfActivity(db: Database, activityId: number) {
  return db
    .prepare(
      'SELECT id, member_id AS memberId, unit_id AS unitId, hours FROM service_records WHERE activity_id = ? ORDER BY id',
    )
    .all(activityId) as { id: number; memberId: number; unitId: number | null; hours: number }[];
}

export function deleteActivity(db: Database, id: number): void {
  db.prepare('DELETE FROM service_activities WHERE id = ?').run(id);
}

export function recordCountOfMember(db: Database, memberId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM service_records WHERE member_id = ?').get(memberId) as { n: number }).n;
}

const RECORD_SELECT = `
  SELECT r.id, r.activity_id AS activityId, r.served_on AS servedOn, a.title, r.member_id AS memberId, m.name AS memberName,
    coalesce(u.name, m.unit_name) AS unitName, a.community_name AS communityName, r.hours,
    p.name AS projectName, n.title AS needTitle
  FROM service_records r JOIN service_activities a ON a.id = r.activity_id JOIN party_members m ON m.id = r.member_id
  LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN projects p ON p.id = a.project_id LEFT JOIN needs n ON n.id = a.need_id`;

export function listRecords(
  db: Database,
  f: { year?: number; memberId?: number; unitId?: number; communityId?: number },
  page: { limit: number; offset: number } | null,
): { rows: ServiceRecord[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.year) {
    where.push('r.served_on BETWEEN @from AND @to');
    Object.assign(params, yearRange(f.year));
  }
  if (f.memberId) {
    where.push('r.member_id = @memberId');
    params.memberId = f.memberId;
  }
  if (f.unitId) {
    where.push('r.unit_id = @unitId');
    params.unitId = f.unitId;
  }
  if (f.communityId) {
    where.push('a.community_id = @communityId');
    params.communityId = f.communityId;
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db
      .prepare(`SELECT count(*) AS n FROM service_records r JOIN service_activities a ON a.id = r.activity_id ${w}`)
      .get(params) as { n: number }
  ).n;
  const rows = db
    .prepare(`${RECORD_SELECT} ${w} ORDER BY r.served_on DESC, r.id DESC ${page ? 'LIMIT @limit OFFSET @offset' : ''}`)
    .all({ ...params, ...(page ?? {}) }) as ServiceRecord[];
  return { rows, total };
}

export function listActivities(db: Database, year: number | undefined, limit: number, offset: number) {
  const params = { ...(year ? yearRange(year) : { from: '0000-01-01', to: '9999-12-31' }), limit, offset };
  const total = (
    db.prepare('SELECT count(*) AS n FROM service_activities WHERE served_on BETWEEN @from AND @to').get(params) as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(
      `SELECT a.id, a.served_on AS servedOn, a.title, a.community_name AS communityName,
         (SELECT count(*) FROM service_records r WHERE r.activity_id = a.id) AS memberCount,
         (SELECT coalesce(sum(hours), 0) FROM service_records r WHERE r.activity_id = a.id) AS hours,
         coalesce((SELECT '项目：' || p.name FROM projects p WHERE p.id = a.project_id), '') AS project,
         coalesce((SELECT '需求：' || n.title FROM needs n WHERE n.id = a.need_id), '') AS need
       FROM service_activities a WHERE a.served_on BETWEEN @from AND @to ORDER BY a.served_on DESC, a.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as {
    id: number;
    servedOn: string;
    title: string;
    communityName: string;
    memberCount: number;
    hours: number;
    project: string;
    need: string;
  }[];
  return {
    rows: rows.map(({ project, need, ...r }) => ({
      ...r,
      hours: roundHours(r.hours),
      linkedTo: [project, need].filter(Boolean).join('；'),
    })),
    total,
  };
}

/**
 * Per unit for a year: roster size, hours, activities and last service. Units without members or
 * hours are left out. Hours count for the unit the member served for at the time (records carry it).
 */
export function unitHours(db: Database, year: number, unitId?: number): UnitHours[] {
  const rows = db
    .prepare(
      `SELECT u.id AS unitId, u.name AS unitName,
         (SELECT count(*) FROM party_members m WHERE m.unit_id = u.id) AS members,
         (SELECT count(*) FROM party_members m WHERE m.unit_id = u.id AND m.status = 'active') AS activeMembers,
         coalesce(s.hours, 0) AS hours, coalesce(s.activities, 0) AS activities, s.last AS lastServedOn
       FROM units u LEFT JOIN (
         SELECT unit_id, sum(hours) AS hours, count(DISTINCT activity_id) AS activities, max(served_on) AS last
         FROM service_records WHERE served_on BETWEEN @from AND @to AND (@unitId IS NULL OR unit_id = @unitId)
         GROUP BY unit_id
       ) s ON s.unit_id = u.id
       WHERE (s.unit_id IS NOT NULL OR EXISTS (SELECT 1 FROM party_members m WHERE m.unit_id = u.id))
         AND (@unitId IS NULL OR u.id = @unitId)
       ORDER BY hours DESC, u.name_key`,
    )
    .all({ ...yearRange(year), unitId: unitId ?? null }) as UnitHours[];
  return rows.map((r) => ({ ...r, hours: roundHours(r.hours) }));
}

/** The service records of one unit in a year, for the evaluation's traceability. */
export function unitRecordsOfYear(db: Database, unitId: number, year: number) {
  return db
    .prepare(
      `SELECT r.id, r.served_on AS servedOn, a.title, m.name AS memberName, r.hours
       FROM service_records r JOIN service_activities a ON a.id = r.activity_id JOIN party_members m ON m.id = r.member_id
       WHERE r.unit_id = @unitId AND r.served_on BETWEEN @from AND @to ORDER BY r.served_on, r.id`,
    )
    .all({ unitId, ...yearRange(year) }) as {
    id: number;
    servedOn: string;
    title: string;
    memberName: string;
    hours: number;
  }[];
}
