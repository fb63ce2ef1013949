import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../shared/domain/backup';
import { AppError } from '../core/errors';
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
export interface BackupSource {
  /** Schema version of the data, for the file name. */
  version: number;
  /** Writes one verified copy to `dest` (verifiedBackup, on this thread or the backup thread). */
  copy(dest: string): Promise<string>;
}

export async function writeBackupIn(
  source: BackupSource,
  folders: string[],
  base: string,
  kind: BackupKind,
  now: Date,
): Promise<WrittenBackup> {
  const { version } = source;
  let firstProblem: string | null = null;
  for (const folder of [...new Set(folders)]) {
    try {
      makeFolder(folder);
      let seq = 1;
      while (fs.existsSync(path.join(folder, backupFileName(base, kind, now, version, seq)))) seq++;
      const fileName = backupFileName(base, kind, now, version, seq);
      const file = await source.copy(path.join(folder, fileName));
      return { file, folder, fileName, fallbackReason: firstProblem };
    } catch (e) {
      firstProblem ??= e instanceof AppError ? e.message : folderErrorMessage(folder, e);
    }
  }
  throw new AppError('FILE_ERROR', `备份没有完成：${firstProblem ?? '没有可用的备份文件夹'}。`);
}
