import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';
import { makeFolder } from '../backup/folder';

/** Local time stamp usable in a file name on every OS: 20261121-231500. */
export function fileStamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/**
 * Passed as the backup's page budget: the whole database is copied in ONE sqlite3_backup_step, under one
 * read transaction. That makes the copy a snapshot even while another process keeps writing (step-by-step
 * copying restarts whenever another connection writes, and may never finish under continuous writes).
 */
export const ALL_PAGES = 0x7fffffff;

/** Flushes a directory entry (a rename is only durable once its folder is); not possible on Windows, harmless there. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a directory; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function writeFailure(e: unknown): string {
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return '磁盘空间已满';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return '备份文件夹不能写入';
  if (code.startsWith('SQLITE_IOERR')) return '写入磁盘出错，磁盘空间可能已满或U盘已拔出';
  return (e as Error)?.message ?? String(e);
}

/**
 * Copies a live database with SQLite's online backup API (a plain file copy of a WAL database can miss
 * committed pages) and proves the copy good before it gets its real name:
 *  1. the copy is written to `<dest>.part`, in one step (see ALL_PAGES);
 *  2. it is switched to rollback-journal mode, so the backup is ONE self-contained file that can be copied
 *     to a USB stick or opened read-only without -wal/-shm files appearing beside it;
 *  3. a fresh read-only open must pass integrity_check and show the source's schema version;
 *  4. only then is it renamed to `dest` (and the folder flushed).
 * A copy that fails any step is removed and the caller gets an error, never a bad backup; a crash midway
 * leaves only a `.part` file, which is never taken for a backup.
 */
export async function verifiedBackup(db: Db, dest: string, nativeBinding?: string): Promise<string> {
  makeFolder(path.dirname(dest));
  if (fs.existsSync(dest)) throw new AppError('FILE_ERROR', `备份文件已存在：${dest}`);
  const part = `${dest}.part`;
  fs.rmSync(part, { force: true }); // only ever a leftover of our own interrupted copy
  const expectedVersion = db.pragma('user_version', { simple: true }) as number;
  try {
    await db.backup(part, { progress: () => ALL_PAGES });
    const rw = new Database(part, { fileMustExist: true, nativeBinding });
    try {
      rw.pragma('journal_mode = DELETE');
    } finally {
      rw.close();
    }
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw new AppError('FILE_ERROR', `备份写入失败（${writeFailure(e)}），原数据未受影响`);
  }
  try {
    const copy = new Database(part, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      const version = copy.pragma('user_version', { simple: true });
      if (check !== 'ok' || version !== expectedVersion) {
        throw new AppError('FILE_ERROR', `备份校验未通过（${String(check)}），原数据未受影响`);
      }
    } finally {
      copy.close();
    }
    const fd = fs.openSync(part, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(part, dest);
    fsyncDir(path.dirname(dest));
  } catch (e) {
    fs.rmSync(part, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('FILE_ERROR', `备份校验失败（${writeFailure(e)}），原数据未受影响`);
  }
  return dest;
}

/**
 * The same verified backup, read through a connection of its own (read-only): what the backup thread runs.
 * Reading a WAL database from a second connection sees exactly the committed data as of its first read.
 */
export async function verifiedBackupOfFile(dbPath: string, dest: string, nativeBinding?: string): Promise<string> {
  let source: Db;
  try {
    source = new Database(dbPath, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (e) {
    throw new AppError('FILE_ERROR', `备份时无法读取数据文件（${writeFailure(e)}），原数据未受影响`);
  }
  try {
    return await verifiedBackup(source, dest, nativeBinding);
  } finally {
    source.close();
  }
}
