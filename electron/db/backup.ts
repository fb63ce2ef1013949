import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

/** Local time stamp usable in a file name on every OS: 20261121-231500. */
export function fileStamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/**
 * Copies a live database with SQLite's online backup API (a plain file copy of a WAL database can miss
 * committed pages), then opens the copy and checks it: integrity_check must say ok and the schema version
 * must match. A copy that fails the check is removed and the caller gets an error, never a bad backup.
 */
export async function verifiedBackup(db: Db, dest: string, nativeBinding?: string): Promise<string> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) throw new AppError('FILE_ERROR', `备份文件已存在：${dest}`);
  const expectedVersion = db.pragma('user_version', { simple: true }) as number;
  try {
    await db.backup(dest);
  } catch (e) {
    fs.rmSync(dest, { force: true });
    throw new AppError('FILE_ERROR', `备份写入失败（${(e as Error).message}），原数据未受影响`);
  }
  const copy = new Database(dest, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    const version = copy.pragma('user_version', { simple: true });
    if (check !== 'ok' || version !== expectedVersion) {
      throw new AppError('FILE_ERROR', `备份校验未通过（${String(check)}），原数据未受影响`);
    }
  } catch (e) {
    copy.close();
    fs.rmSync(dest, { force: true });
    throw e;
  }
  copy.close();
  return dest;
}
