import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';
import { fileStamp, fsyncDir } from '../db/backup';
import { inspectBackupFile } from './inspect';
import { restoreProblem } from './restore';
import { copyInto } from './swap';

/**
 * For the shell when the app cannot start because the data file is damaged or missing (openDatabase's
 * error names the latest good backup in `details[0]`). After the clerk confirms:
 *  - the damaged file and its -wal/-shm/-journal are RENAMED aside together as `<name>.damaged-<time>…`,
 *    never deleted or overwritten, so a technician can still try to rescue them;
 *  - the backup is checked and copied into the data path with SQLite's backup API.
 * The app is then started normally (createAppCore), which migrates an older backup as usual.
 */
export async function recoverFromBackup(
  dbPath: string,
  backupFile: string,
  nativeBinding?: string,
): Promise<{ movedAside: string[] }> {
  const info = inspectBackupFile(backupFile, { integrity: true, nativeBinding });
  const problem = restoreProblem(info);
  if (problem) throw new AppError('FILE_ERROR', `${problem}数据文件未被改动。`);
  const { dir, name, ext } = path.parse(dbPath);
  const aside = path.join(dir, `${name}.damaged-${fileStamp()}${ext}`);
  const movedAside: string[] = [];
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (fs.existsSync(dbPath + suffix)) {
      fs.renameSync(dbPath + suffix, aside + suffix);
      movedAside.push(aside + suffix);
    }
  }
  fsyncDir(dir);
  await copyInto(backupFile, dbPath, nativeBinding);
  return { movedAside };
}
