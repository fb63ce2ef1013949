import type { Database } from 'better-sqlite3';
import type { BackupKind } from '../../shared/domain/backup';

/** All SQL of the backup area. Callers own the transactions. */

export interface BackupRow {
  id: number;
  folder: string;
  file_name: string;
  kind: BackupKind;
  created_at: string;
  size: number;
  schema_version: number;
  counts: string;
  verified_ok: number;
  verified_at: string;
  note: string;
}

export type NewBackupRow = Omit<BackupRow, 'id'>;

const COLUMNS = 'folder, file_name, kind, created_at, size, schema_version, counts, verified_ok, verified_at, note';

export function listBackupRows(db: Database): BackupRow[] {
  return db.prepare('SELECT * FROM backups ORDER BY created_at DESC, id DESC').all() as BackupRow[];
}

export function getBackupRow(db: Database, id: number): BackupRow | undefined {
  return db.prepare('SELECT * FROM backups WHERE id = ?').get(id) as BackupRow | undefined;
}

export function findBackupRow(db: Database, folder: string, fileName: string): BackupRow | undefined {
  return db.prepare('SELECT * FROM backups WHERE folder = ? AND file_name = ?').get(folder, fileName) as
    BackupRow | undefined;
}

export function insertBackupRow(db: Database, row: NewBackupRow): number {
  const info = db
    .prepare(
      `INSERT INTO backups (${COLUMNS}) VALUES (@folder, @file_name, @kind, @created_at, @size, @schema_version, @counts, @verified_ok, @verified_at, @note)`,
    )
    .run(row);
  return Number(info.lastInsertRowid);
}

export function deleteBackupRow(db: Database, id: number): void {
  db.prepare('DELETE FROM backups WHERE id = ?').run(id);
}

/**
 * After a restore the database holds the catalogue as it was when that backup was taken; the folder has not
 * changed, so the catalogue of the data just replaced is written back (ids kept, so the undo point still resolves).
 */
export function replaceBackupRows(db: Database, rows: BackupRow[]): void {
  db.prepare('DELETE FROM backups').run();
  const insert = db.prepare(
    `INSERT INTO backups (id, ${COLUMNS}) VALUES (@id, @folder, @file_name, @kind, @created_at, @size, @schema_version, @counts, @verified_ok, @verified_at, @note)`,
  );
  for (const r of rows) insert.run(r);
}

/**
 * Rows per data table, for previews and the catalogue. Virtual and shadow tables (full-text indexes) are
 * skipped, and so is the catalogue itself, which describes the folder rather than the clerk's data.
 */
export function countRecords(db: Database): Record<string, number> {
  const tables = db
    .prepare(
      "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'backups' ORDER BY name",
    )
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
  }
  return counts;
}

/** The street and committee names, to tell whose data a backup holds (empty when the backup predates setup). */
export function readNames(db: Database): { streetName: string; committeeName: string } {
  const hasSettings =
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get() !== undefined;
  if (!hasSettings) return { streetName: '', committeeName: '' };
  const rows = db.prepare("SELECT key, value FROM settings WHERE key IN ('streetName', 'committeeName')").all() as {
    key: string;
    value: string;
  }[];
  const get = (k: string) => rows.find((r) => r.key === k)?.value ?? '';
  return { streetName: get('streetName'), committeeName: get('committeeName') };
}
