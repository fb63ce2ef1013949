import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';
import { describeFound, latestGoodBackupFile } from '../backup/inspect';
import { dbBaseName } from '../backup/naming';

export interface PreflightResult {
  /** The schema version found (0 for a new or empty file). */
  found: number;
  /** No data existed: the file is about to be created. */
  created: boolean;
}

/**
 * Errors where SQLite only needs a writable connection to finish its own crash recovery (roll back a hot
 * journal, rebuild the WAL index). That recovery restores the last committed state; it is not a repair.
 */
const NEEDS_RECOVERY = new Set([
  'SQLITE_READONLY_ROLLBACK',
  'SQLITE_READONLY_RECOVERY',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_READONLY_CANTINIT',
]);

function damaged(file: string, what: string, backupDirs: string[], nativeBinding?: string): AppError {
  const latest = latestGoodBackupFile(backupDirs, dbBaseName(file), nativeBinding);
  const advice = latest
    ? `最近一次完好的备份是：${describeFound(latest)}，可以用它恢复。`
    : `备份文件夹（${backupDirs.join('、')}）里没有找到完好的备份，请不要删除或改动数据文件，联系技术人员抢救。`;
  return new AppError(
    'FILE_ERROR',
    `${what}。为保护数据，程序没有打开、没有改动也没有替换它（旁边的 -wal、-shm 文件也原样保留）。${advice}`,
    latest ? [path.join(latest.folder, latest.fileName)] : [],
  );
}

function readOnlyLook(file: string, nativeBinding?: string): { version: number; check: string } {
  const ro = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const version = ro.pragma('user_version', { simple: true }) as number;
    return { version, check: String(ro.pragma('quick_check', { simple: true })) };
  } finally {
    ro.close();
  }
}

/**
 * Looks at the data file before anything may write to it: the schema version and a quick_check, through a
 * read-only connection. A damaged or unreadable file is refused with the latest good backup named; a data
 * file that has vanished while its WAL or its backups remain is refused too, so the clerk never silently
 * starts over on an empty database.
 */
export function preflight(file: string, opts: { backupDirs: string[]; nativeBinding?: string }): PreflightResult {
  const { backupDirs, nativeBinding } = opts;
  const wal = `${file}-wal`;
  const walHasData = fs.existsSync(wal) && fs.statSync(wal).size > 0;
  if (!fs.existsSync(file)) {
    if (walHasData)
      throw damaged(file, `数据文件“${file}”不见了，但它的日志文件（-wal）还在`, backupDirs, nativeBinding);
    const latest = latestGoodBackupFile(backupDirs, dbBaseName(file), nativeBinding);
    if (latest) {
      throw new AppError(
        'FILE_ERROR',
        `找不到数据文件“${file}”，但备份文件夹里有它的备份（最近一次完好的备份：${describeFound(latest)}）。为避免在空白数据上继续工作，程序没有新建数据文件。请从该备份恢复；如确实要从头开始，请先把备份文件夹移到别处。`,
        [path.join(latest.folder, latest.fileName)],
      );
    }
    return { found: 0, created: true };
  }
  if (fs.statSync(file).size === 0 && !walHasData) return { found: 0, created: true };

  let look: { version: number; check: string };
  try {
    look = readOnlyLook(file, nativeBinding);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!NEEDS_RECOVERY.has(code))
      throw damaged(file, `无法读取数据文件“${file}”：${(e as Error).message}`, backupDirs, nativeBinding);
    try {
      const rw = new Database(file, { fileMustExist: true, nativeBinding });
      rw.pragma('user_version', { simple: true });
      rw.close();
      look = readOnlyLook(file, nativeBinding);
    } catch (e2) {
      throw damaged(file, `无法读取数据文件“${file}”：${(e2 as Error).message}`, backupDirs, nativeBinding);
    }
  }
  if (look.check !== 'ok') {
    const first = look.check.split('\n').find((l) => !l.startsWith('***')) ?? look.check;
    throw damaged(file, `数据文件“${file}”已损坏（完整性检查：${first}）`, backupDirs, nativeBinding);
  }
  return { found: look.version, created: false };
}
