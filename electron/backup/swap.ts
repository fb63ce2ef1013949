import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../core/errors';
import { ALL_PAGES } from '../db/backup';

/**
 * Lets go of the live database so its content can be replaced: everything is folded into the main file and
 * the file is switched to rollback-journal mode, so SQLite itself removes -wal/-shm (we never delete them) and
 * the copy-in below runs under a rollback journal. Fails, leaving the connection open, if another
 * connection holds the file (a second copy of the app, a sync tool).
 */
export function releaseForSwap(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const mode = db.pragma('journal_mode = DELETE', { simple: true });
  if (mode !== 'delete') {
    throw new AppError(
      'FILE_ERROR',
      '数据文件正被其他程序占用（例如另一个大工委工作台或网盘同步），没有恢复，现有数据未被改动。请关闭其他程序后重试。',
    );
  }
  db.close();
}

/**
 * Copies a verified backup file into the live path with SQLite's backup API. The target is written inside
 * one transaction of its own, so a crash or a full disk midway leaves the old data (its hot journal is rolled
 * back on the next open), never a mixture.
 */
export async function copyInto(source: string, target: string, nativeBinding?: string): Promise<void> {
  const src = new Database(source, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    await src.backup(target, { progress: () => ALL_PAGES });
  } finally {
    src.close();
  }
}
