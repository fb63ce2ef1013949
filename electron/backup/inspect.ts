import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_KIND_LABELS } from '../../shared/domain/backup';
import { parseBackupFileName, type ParsedName } from './naming';
import { countRecords, readNames } from './repo';

export interface BackupFileInfo {
  size: number;
  schemaVersion: number;
  counts: Record<string, number>;
  /** 'ok', or the first problem integrity_check reported. Null when the check was not asked for. */
  integrity: string | null;
  streetName: string;
  committeeName: string;
  /** The file has the app's tables: not some other program's SQLite file. */
  looksLikeOurs: boolean;
}

/**
 * Opens a backup copy read-only and reads what a preview or the catalogue needs. Backup copies are
 * single-file (rollback-journal mode), so a read-only open leaves nothing beside them.
 */
export function inspectBackupFile(file: string, opts: { integrity: boolean; nativeBinding?: string }): BackupFileInfo {
  const size = fs.statSync(file).size;
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding });
  try {
    const integrity = opts.integrity ? String(db.pragma('integrity_check', { simple: true })) : null;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const counts = integrity === null || integrity === 'ok' ? countRecords(db) : {};
    const names = integrity === null || integrity === 'ok' ? readNames(db) : { streetName: '', committeeName: '' };
    return {
      size,
      schemaVersion,
      counts,
      integrity,
      ...names,
      looksLikeOurs: schemaVersion >= 1 && 'settings' in counts,
    };
  } finally {
    db.close();
  }
}

export interface FoundBackup extends ParsedName {
  folder: string;
  fileName: string;
}

/** Backup files of this database in the given folders, newest first, read from the names alone. */
export function listBackupFiles(folders: string[], base: string): FoundBackup[] {
  const found: FoundBackup[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue; // a missing USB stick is not an error here
    }
    for (const fileName of names) {
      const parsed = parseBackupFileName(base, fileName);
      if (parsed) found.push({ ...parsed, folder, fileName });
    }
  }
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.seq - a.seq);
}

/**
 * The newest backup file that passes quick_check, found by reading the folders (used when the database
 * itself cannot be read, so the catalogue inside it cannot be asked). Checks at most `limit` files.
 */
export function latestGoodBackupFile(
  folders: string[],
  base: string,
  nativeBinding?: string,
  limit = 10,
): FoundBackup | null {
  for (const f of listBackupFiles(folders, base).slice(0, limit)) {
    try {
      const db = new Database(path.join(f.folder, f.fileName), { readonly: true, fileMustExist: true, nativeBinding });
      try {
        if (db.pragma('quick_check', { simple: true }) === 'ok') return f;
      } finally {
        db.close();
      }
    } catch {
      // unreadable: try the next older one
    }
  }
  return null;
}

/** "D:\备份\dagongwei-每日-….sqlite（2026-11-20 09:05，每日备份）" for messages. */
export function describeFound(f: FoundBackup): string {
  const d = f.createdAt;
  const p = (n: number) => String(n).padStart(2, '0');
  const when = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  return `${path.join(f.folder, f.fileName)}（${when}，${BACKUP_KIND_LABELS[f.kind]}备份）`;
}
