import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../core/errors';
import { verifiedBackupOfFile } from './backup';
import type { BackupJob, BackupJobResult } from './backup-thread';

/**
 * The backup thread's entry (built to dist/electron/backup-worker.cjs): one verified backup of the data file,
 * copied and checked here so the main process stays free meanwhile. Its answer is one message.
 */
async function run(job: BackupJob): Promise<BackupJobResult> {
  try {
    return { ok: true, file: await verifiedBackupOfFile(job.dbPath, job.dest, job.nativeBinding) };
  } catch (e) {
    return { ok: false, appError: e instanceof AppError, message: e instanceof Error ? e.message : String(e) };
  }
}

void run(workerData as BackupJob).then((result) => parentPort!.postMessage(result));
