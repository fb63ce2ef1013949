import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../shared/domain/backup';
import { AppError } from '../core/errors';
import { verifiedBackup } from '../db/backup';
import { folderErrorMessage, makeFolder } from './folder';
import { backupFileName } from './naming';

export interface WrittenBackup {
  file: string;
  folder: string;
  fileName: string;
  /** Why the first folder was not used (e.g. the USB stick is out), when a later one took the backup. */
  fallbackReason: string | null;
}

/**
 * Writes one verified backup into the first folder that takes it: the clerk's folder, then the default one
 * beside the data. A missing USB stick must not stop the backup before a migration or an import.
 */
export async function writeBackupIn(
  db: Database,
  folders: string[],
  base: string,
  kind: BackupKind,
  now: Date,
  nativeBinding?: string,
): Promise<WrittenBackup> {
  const version = db.pragma('user_version', { simple: true }) as number;
  let firstProblem: string | null = null;
  for (const folder of [...new Set(folders)]) {
    try {
      makeFolder(folder);
      let seq = 1;
      while (fs.existsSync(path.join(folder, backupFileName(base, kind, now, version, seq)))) seq++;
      const fileName = backupFileName(base, kind, now, version, seq);
      const file = await verifiedBackup(db, path.join(folder, fileName), nativeBinding);
      return { file, folder, fileName, fallbackReason: firstProblem };
    } catch (e) {
      firstProblem ??= e instanceof AppError ? e.message : folderErrorMessage(folder, e);
    }
  }
  throw new AppError('FILE_ERROR', `备份没有完成：${firstProblem ?? '没有可用的备份文件夹'}。`);
}
