import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Community, Pairing, Unit, UnitListQuery } from '../../shared/contract/units';
import { UNIT_CATEGORIES, type UnitCategory, type UnitStatus } from '../../shared/domain/units';
import { cachedStatement, likePattern } from '../db/sql';

/** All SQL of the directory area lives here. Callers own the transactions. */

type ListQuery = z.output<typeof UnitListQuery>;

export interface UnitRecord {
  name: string;
  nameKey: string;
  category: UnitCategory;
  partyOrg: string;
  secretary: string;
  liaison: string;
  phone: string;
  address: string;
  notes: string;
  status: UnitStatus;
}

interface UnitRow {
  id: number;
  name: string;
  category: UnitCategory;
  party_org: string;
  secretary: string;
  liaison: string;
  phone: string;
  address: string;
  notes: string;
  status: UnitStatus;
  updated_at: string;
  communities: string | null;
}

const UNIT_COLUMNS = `u.id, u.name, u.category, u.party_org, u.secretary, u.liaison, u.phone, u.address, u.notes,
  u.status, u.updated_at,
  (SELECT group_concat(name, char(31)) FROM (SELECT c.name FROM pairings p JOIN communities c ON c.id = p.community_id
     WHERE p.unit_id = u.id ORDER BY c.name_key)) AS communities`;

const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  name: r.name,
  category: r.category,
  partyOrg: r.party_org,
  secretary: r.secretary,
  liaison: r.liaison,
  phone: r.phone,
  address: r.address,
  notes: r.notes,
  status: r.status,
  updatedAt: r.updated_at,
  communities: r.communities ? r.communities.split('\u001f') : [],
});

/** Categories sort in the order clerks know them (机关, 事业单位, …), not by character code. */
const CATEGORY_ORDER_SQL = `CASE u.category ${UNIT_CATEGORIES.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} ELSE ${UNIT_CATEGORIES.length} END`;

const SORT_SQL: Record<ListQuery['sortBy'], string> = {
  name: 'u.name_key',
  category: CATEGORY_ORDER_SQL,
  secretary: 'u.secretary',
  status: 'u.status',
  updatedAt: 'u.updated_at',
};

export function listUnits(db: Database, q: ListQuery): { rows: Unit[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const search = q.search.trim();
  if (search) {
    where.push(`(u.name LIKE @s ESCAPE '\\' OR u.party_org LIKE @s ESCAPE '\\' OR u.secretary LIKE @s ESCAPE '\\'
      OR u.liaison LIKE @s ESCAPE '\\' OR u.phone LIKE @s ESCAPE '\\' OR u.address LIKE @s ESCAPE '\\')`);
    params.s = likePattern(search);
  }
  if (q.category) {
    where.push('u.category = @category');
    params.category = q.category;
  }
  if (q.status) {
    where.push('u.status = @status');
    params.status = q.status;
  }
  if (q.communityId) {
    where.push('EXISTS (SELECT 1 FROM pairings p WHERE p.unit_id = u.id AND p.community_id = @communityId)');
    params.communityId = q.communityId;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM units u ${whereSql}`).get(params) as { n: number }).n;
  const dir = q.sortDir === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .prepare(
      `SELECT ${UNIT_COLUMNS} FROM units u ${whereSql}
       ORDER BY ${SORT_SQL[q.sortBy]} ${dir}, u.name_key ${dir}, u.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as UnitRow[];
  return { rows: rows.map(toUnit), total };
}

export function getUnit(db: Database, id: number): Unit | undefined {
  const r = db.prepare(`SELECT ${UNIT_COLUMNS} FROM units u WHERE u.id = ?`).get(id) as UnitRow | undefined;
  return r && toUnit(r);
}

export function findUnitIdByKey(db: Database, nameKey: string): number | undefined {
  return (db.prepare('SELECT id FROM units WHERE name_key = ?').get(nameKey) as { id: number } | undefined)?.id;
}

/** `id` is given only when the recycle bin puts a unit back under its old id. */
export function insertUnit(db: Database, u: UnitRecord, id: number | null = null): number {
  const info = db
    .prepare(
      `INSERT INTO units (id, name, name_key, category, party_org, secretary, liaison, phone, address, notes, status)
       VALUES (@id, @name, @nameKey, @category, @partyOrg, @secretary, @liaison, @phone, @address, @notes, @status)`,
    )
    .run({ ...u, id });
  return Number(info.lastInsertRowid);
}

export function updateUnit(db: Database, id: number, u: UnitRecord): void {
  db.prepare(
    `UPDATE units SET name = @name, name_key = @nameKey, category = @category, party_org = @partyOrg,
       secretary = @secretary, liaison = @liaison, phone = @phone, address = @address, notes = @notes,
       status = @status, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  ).run({ ...u, id });
}

export function deleteUnit(db: Database, id: number): number {
  return db.prepare('DELETE FROM units WHERE id = ?').run(id).changes;
}

// ---------- communities ----------

interface CommunityRow {
  id: number;
  name: string;
  notes: string;
  grids: string | null;
  paired: number;
}

const COMMUNITY_COLUMNS = `c.id, c.name, c.notes,
  (SELECT group_concat(name, char(31)) FROM (SELECT g.name FROM grids g WHERE g.community_id = c.id ORDER BY g.sort)) AS grids,
  (SELECT count(*) FROM pairings p WHERE p.community_id = c.id) AS paired`;

const toCommunity = (r: CommunityRow): Community => ({
  id: r.id,
  name: r.name,
  notes: r.notes,
  grids: r.grids ? r.grids.split('\u001f') : [],
  pairedUnitCount: r.paired,
});

export function listCommunities(db: Database): Community[] {
  return (db.prepare(`SELECT ${COMMUNITY_COLUMNS} FROM communities c ORDER BY c.name_key`).all() as CommunityRow[]).map(
    toCommunity,
  );
}

export function getCommunity(db: Database, id: number): Community | undefined {
  const r = db.prepare(`SELECT ${COMMUNITY_COLUMNS} FROM communities c WHERE c.id = ?`).get(id) as
    CommunityRow | undefined;
  return r && toCommunity(r);
}

export function findCommunityIdByKey(db: Database, nameKey: string): number | undefined {
  // Per imported row (10,000 in a big 需求清单): prepared once per connection.
  return (
    cachedStatement(db, 'SELECT id FROM communities WHERE name_key = ?').get(nameKey) as { id: number } | undefined
  )?.id;
}

export function insertCommunity(
  db: Database,
  c: { name: string; nameKey: string; notes: string },
  id: number | null = null,
): number {
  return Number(
    db
      .prepare('INSERT INTO communities (id, name, name_key, notes) VALUES (@id, @name, @nameKey, @notes)')
      .run({ ...c, id }).lastInsertRowid,
  );
}

export function updateCommunity(db: Database, id: number, c: { name: string; nameKey: string; notes: string }): void {
  db.prepare(
    `UPDATE communities SET name = @name, name_key = @nameKey, notes = @notes,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
  ).run({ ...c, id });
}

export function replaceGrids(db: Database, communityId: number, grids: string[]): void {
  db.prepare('DELETE FROM grids WHERE community_id = ?').run(communityId);
  const ins = db.prepare('INSERT INTO grids (community_id, name, sort) VALUES (?, ?, ?)');
  grids.forEach((g, i) => ins.run(communityId, g, i));
}

export function deleteCommunity(db: Database, id: number): number {
  return db.prepare('DELETE FROM communities WHERE id = ?').run(id).changes;
}

// ---------- pairings ----------

interface PairingRow {
  id: number;
  unit_id: number;
  unit_name: string;
  community_id: number;
  community_name: string;
  signed_on: string | null;
  term_years: number | null;
  notes: string;
}

const PAIRING_SELECT = `SELECT p.id, p.unit_id, u.name AS unit_name, p.community_id, c.name AS community_name,
  p.signed_on, p.term_years, p.notes
  FROM pairings p JOIN units u ON u.id = p.unit_id JOIN communities c ON c.id = p.community_id`;

const toPairing = (r: PairingRow): Pairing => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  communityId: r.community_id,
  communityName: r.community_name,
  signedOn: r.signed_on,
  termYears: r.term_years,
  notes: r.notes,
});

export function pairingsOfUnit(db: Database, unitId: number): Pairing[] {
  return (db.prepare(`${PAIRING_SELECT} WHERE p.unit_id = ? ORDER BY c.name_key`).all(unitId) as PairingRow[]).map(
    toPairing,
  );
}

export function getPairing(db: Database, id: number): Pairing | undefined {
  const r = db.prepare(`${PAIRING_SELECT} WHERE p.id = ?`).get(id) as PairingRow | undefined;
  return r && toPairing(r);
}

export function findPairing(db: Database, unitId: number, communityId: number): Pairing | undefined {
  const r = db.prepare(`${PAIRING_SELECT} WHERE p.unit_id = ? AND p.community_id = ?`).get(unitId, communityId) as
    PairingRow | undefined;
  return r && toPairing(r);
}

export interface PairingRecord {
  unitId: number;
  communityId: number;
  signedOn: string | null;
  termYears: number | null;
  notes: string;
}

export function insertPairing(db: Database, p: PairingRecord, id: number | null = null): number {
  return Number(
    db
      .prepare(
        `INSERT INTO pairings (id, unit_id, community_id, signed_on, term_years, notes)
         VALUES (@id, @unitId, @communityId, @signedOn, @termYears, @notes)`,
      )
      .run({ ...p, id }).lastInsertRowid,
  );
}

export function updatePairing(db: Database, id: number, p: PairingRecord): void {
  db.prepare(
    `UPDATE pairings SET unit_id = @unitId, community_id = @communityId, signed_on = @signedOn,
       term_years = @termYears, notes = @notes, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
  ).run({ ...p, id });
}

export function deletePairing(db: Database, id: number): number {
  return db.prepare('DELETE FROM pairings WHERE id = ?').run(id).changes;
}

export interface AllocationPairingRow extends PairingRow {
  category: UnitCategory;
  secretary: string;
  liaison: string;
  phone: string;
  party_org: string;
  address: string;
  unit_notes: string;
  status: UnitStatus;
}

/** Every pairing with its unit's contact fields, communities in name order, units in name order within. */
export function allocationRows(db: Database): AllocationPairingRow[] {
  return db
    .prepare(
      `SELECT p.id, p.unit_id, u.name AS unit_name, p.community_id, c.name AS community_name, p.signed_on,
         p.term_years, p.notes, u.category, u.secretary, u.liaison, u.phone, u.party_org, u.address,
         u.notes AS unit_notes, u.status
       FROM pairings p JOIN units u ON u.id = p.unit_id JOIN communities c ON c.id = p.community_id
       ORDER BY c.name_key, u.name_key`,
    )
    .all() as AllocationPairingRow[];
}

export { toPairing };

/** Every unit with its full record, for the directory export. */
export function allUnits(db: Database): Unit[] {
  return (db.prepare(`SELECT ${UNIT_COLUMNS} FROM units u ORDER BY u.name_key`).all() as UnitRow[]).map(toUnit);
}

/**
 * Rows in other areas that point at a unit by id and keep its name beside it (invitees, 督办 lead and partner
 * units, 在职党员, 服务记实). Deleting the unit unlinks them (ON DELETE SET NULL); 回收站 remembers which
 * they were so restoring the unit links them again.
 */
const UNIT_LINKS = [
  ['meeting_invitees', 'unit_id'],
  ['decisions', 'lead_unit_id'],
  ['decision_partners', 'unit_id'],
  ['party_members', 'unit_id'],
  ['service_records', 'unit_id'],
] as const;

/** "table.column" → the rowids that point at the unit. */
export type UnitLinks = Record<string, number[]>;

export function linksToUnit(db: Database, unitId: number): UnitLinks {
  const links: UnitLinks = {};
  for (const [table, column] of UNIT_LINKS) {
    const ids = db.prepare(`SELECT rowid FROM ${table} WHERE ${column} = ?`).pluck().all(unitId) as number[];
    if (ids.length) links[`${table}.${column}`] = ids;
  }
  return links;
}

/** Links the rows back to the restored unit; a row linked to another unit meanwhile is left as it is. */
export function relinkUnit(db: Database, unitId: number, links: UnitLinks): number {
  let relinked = 0;
  for (const [table, column] of UNIT_LINKS) {
    const ids = links[`${table}.${column}`];
    if (!ids?.length) continue;
    relinked += db
      .prepare(
        `UPDATE ${table} SET ${column} = ? WHERE ${column} IS NULL AND rowid IN (SELECT value FROM json_each(?))`,
      )
      .run(unitId, JSON.stringify(ids)).changes;
  }
  return relinked;
}
