import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { ProjectRef, Resource, ResourceListQuery } from '../../shared/contract/lists';
import type { ResourceStatus } from '../../shared/domain/lists';
import { likePattern } from '../db/sql';

/** All SQL of 资源清单. Callers own the transactions. */

type ListQuery = z.output<typeof ResourceListQuery>;

export interface ResourceRecord {
  unitId: number;
  type: string;
  title: string;
  titleKey: string;
  content: string;
  capacity: string;
  availableTime: string;
  contactName: string;
  contactPhone: string;
  validUntil: string | null;
  status: ResourceStatus;
}

interface ResourceRow {
  id: number;
  unit_id: number;
  unit_name: string;
  type: string;
  title: string;
  content: string;
  capacity: string;
  available_time: string;
  contact_name: string;
  contact_phone: string;
  valid_until: string | null;
  status: ResourceStatus;
  updated_at: string;
}

const COLUMNS = `r.id, r.unit_id, u.name AS unit_name, r.type, r.title, r.content, r.capacity, r.available_time,
  r.contact_name, r.contact_phone, r.valid_until, r.status, r.updated_at`;
const FROM = 'FROM resources r JOIN units u ON u.id = r.unit_id';

const toResource = (r: ResourceRow, today: string): Resource => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  type: r.type,
  title: r.title,
  content: r.content,
  capacity: r.capacity,
  availableTime: r.available_time,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  validUntil: r.valid_until,
  status: r.status,
  expired: r.valid_until !== null && r.valid_until < today,
  updatedAt: r.updated_at,
});

const SORT_SQL: Record<ListQuery['sortBy'], string> = {
  unitName: 'u.name_key',
  type: 'r.type',
  title: 'r.title_key',
  status: 'r.status',
  validUntil: 'r.valid_until',
  updatedAt: 'r.updated_at',
};

export function listResources(db: Database, q: ListQuery, today: string): { rows: Resource[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const search = q.search.trim();
  if (search) {
    where.push(`(r.title LIKE @s ESCAPE '\\' OR r.content LIKE @s ESCAPE '\\' OR u.name LIKE @s ESCAPE '\\')`);
    params.s = likePattern(search);
  }
  if (q.status) {
    where.push('r.status = @status');
    params.status = q.status;
  }
  if (q.type) {
    where.push('r.type = @type');
    params.type = q.type;
  }
  if (q.unitId) {
    where.push('r.unit_id = @unitId');
    params.unitId = q.unitId;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n ${FROM} ${whereSql}`).get(params) as { n: number }).n;
  const dir = q.sortDir === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} ${FROM} ${whereSql} ORDER BY ${SORT_SQL[q.sortBy]} ${dir}, r.id ${dir} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as ResourceRow[];
  return { rows: rows.map((r) => toResource(r, today)), total };
}

export function getResource(db: Database, id: number, today: string): Resource | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE r.id = ?`).get(id) as ResourceRow | undefined;
  return r && toResource(r, today);
}

export function resourcesByIds(db: Database, ids: number[], today: string): Resource[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY u.name_key, r.id`)
    .all(JSON.stringify(ids)) as ResourceRow[];
  return rows.map((r) => toResource(r, today));
}

/** Resources the matching may offer: not 暂停 and not past their 有效期. */
export function offerableResources(db: Database, today: string): Resource[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE r.status <> 'paused' AND (r.valid_until IS NULL OR r.valid_until >= ?)`)
    .all(today) as ResourceRow[];
  return rows.map((r) => toResource(r, today));
}

export function allResources(db: Database, today: string): Resource[] {
  const rows = db.prepare(`SELECT ${COLUMNS} ${FROM} ORDER BY u.name_key, r.type, r.id`).all() as ResourceRow[];
  return rows.map((r) => toResource(r, today));
}

export function findResourceId(db: Database, unitId: number, titleKey: string): number | undefined {
  return (
    db.prepare('SELECT id FROM resources WHERE unit_id = ? AND title_key = ?').get(unitId, titleKey) as
      { id: number } | undefined
  )?.id;
}

export function insertResource(db: Database, r: ResourceRecord, id: number | null = null): number {
  const info = db
    .prepare(
      `INSERT INTO resources (id, unit_id, type, title, title_key, content, capacity, available_time, contact_name,
         contact_phone, valid_until, status)
       VALUES (@id, @unitId, @type, @title, @titleKey, @content, @capacity, @availableTime, @contactName,
         @contactPhone, @validUntil, @status)`,
    )
    .run({ ...r, id });
  return Number(info.lastInsertRowid);
}

export function updateResource(db: Database, id: number, r: ResourceRecord): void {
  db.prepare(
    `UPDATE resources SET unit_id = @unitId, type = @type, title = @title, title_key = @titleKey, content = @content,
       capacity = @capacity, available_time = @availableTime, contact_name = @contactName, contact_phone = @contactPhone,
       valid_until = @validUntil, status = @status, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  ).run({ ...r, id });
}

export function setResourceStatus(db: Database, id: number, status: ResourceStatus): void {
  db.prepare(`UPDATE resources SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(
    status,
    id,
  );
}

export function projectsOfResource(db: Database, id: number): ProjectRef[] {
  return db
    .prepare(
      `SELECT p.id, p.year, p.name, p.status FROM project_resources pr JOIN projects p ON p.id = pr.project_id
       WHERE pr.resource_id = ? ORDER BY p.year DESC, p.id`,
    )
    .all(id) as ProjectRef[];
}

/** How many open projects use the resource: the matching calls a resource in several of them 已占用. */
export function openProjectCount(db: Database): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT pr.resource_id AS id, count(*) AS n FROM project_resources pr JOIN projects p ON p.id = pr.project_id
       WHERE p.status IN ('planning', 'active', 'pending_close') GROUP BY pr.resource_id`,
    )
    .all() as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function deleteResource(db: Database, id: number): number {
  return db.prepare('DELETE FROM resources WHERE id = ?').run(id).changes;
}
