import type { Database } from 'better-sqlite3';
import type { RecycleItem } from '../../shared/contract/oplog';

export interface BinRow {
  id: number;
  deleted_at: string;
  operator: string;
  entity: string;
  entity_id: number;
  title: string;
  payload: string;
}

export function insertBinItem(
  db: Database,
  item: { operator: string; entity: string; entityId: number; title: string; payload: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO recycle_bin (operator, entity, entity_id, title, payload)
         VALUES (@operator, @entity, @entityId, @title, @payload)`,
      )
      .run(item).lastInsertRowid,
  );
}

export function getBinItem(db: Database, id: number): BinRow | undefined {
  return db.prepare('SELECT * FROM recycle_bin WHERE id = ?').get(id) as BinRow | undefined;
}

export function removeBinItem(db: Database, id: number): void {
  db.prepare('DELETE FROM recycle_bin WHERE id = ?').run(id);
}

export function listBin(db: Database, page: number, pageSize: number): { rows: RecycleItem[]; total: number } {
  const total = (db.prepare('SELECT count(*) AS n FROM recycle_bin').get() as { n: number }).n;
  const rows = db
    .prepare('SELECT * FROM recycle_bin ORDER BY deleted_at DESC, id DESC LIMIT ? OFFSET ?')
    .all(pageSize, page * pageSize) as BinRow[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      deletedAt: r.deleted_at,
      operator: r.operator,
      entity: r.entity,
      entityId: r.entity_id,
      title: r.title,
    })),
  };
}
