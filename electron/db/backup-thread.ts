import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../core/errors';
import { verifiedBackupOfFile } from './backup';

/**
 * Verified backups on a thread of their own. Copying and checking a 220 MB database takes about 3 s (mostly
 * integrity_check); on the main process's thread that froze every other call for as long. In a worker, the
 * clerk keeps working, and a backup started when an import's preview is shown is usually done before the
 * clerk presses 确认导入.
 */

export interface BackupJob {
  dbPath: string;
  dest: string;
  nativeBinding?: string;
}

export type BackupJobResult = { ok: true; file: string } | { ok: false; appError: boolean; message: string };

/**
 * Where the worker's code is: the built file in the packaged app (the Electron shell passes it), or this
 * project's TypeScript source run through tsx (tests, the web host, the benchmark: npm scripts run in the
 * project folder). Null runs backups on the calling thread.
 */
export type BackupWorkerEntry = { file: string } | { tsSource: string } | null;

const DEV_SOURCE = path.resolve('electron', 'db', 'backup-worker.ts');

/** The TypeScript source when running from a checkout with tsx installed; otherwise null (same thread). */
export function devBackupWorker(): BackupWorkerEntry {
  try {
    return fs.existsSync(DEV_SOURCE) && fs.existsSync(path.resolve('node_modules', 'tsx'))
      ? { tsSource: DEV_SOURCE }
      : null;
  } catch {
    return null;
  }
}

function start(entry: NonNullable<BackupWorkerEntry>, job: BackupJob): Worker {
  if ('file' in entry) return new Worker(entry.file, { workerData: job });
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(entry.tsSource)});`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}

/** The caller's live backup threads; once stopped (the app is closing) no new one starts. */
export interface BackupThreads {
  running: Set<Worker>;
  stopped: boolean;
}

export const newBackupThreads = (): BackupThreads => ({ running: new Set(), stopped: false });

/**
 * One verified backup (see verifiedBackup) on the backup thread. Where no thread can be had (no worker code,
 * or it failed to load, e.g. a packaging problem) the backup is made on this thread instead: a backup is
 * never skipped for want of a thread. A job's own failure (disk full…) comes back as its AppError.
 */
export function verifiedBackupInThread(
  entry: BackupWorkerEntry,
  job: BackupJob,
  threads: BackupThreads,
): Promise<string> {
  const inline = () => verifiedBackupOfFile(job.dbPath, job.dest, job.nativeBinding);
  if (threads.stopped) return Promise.reject(new AppError('FILE_ERROR', STOPPED));
  if (!entry) return inline();
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    try {
      worker = start(entry, job);
    } catch {
      inline().then(resolve, reject); // e.g. the worker file is missing
      return;
    }
    threads.running.add(worker);
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      threads.running.delete(worker);
      fn();
    };
    const fallBack = () =>
      threads.stopped ? reject(new AppError('FILE_ERROR', STOPPED)) : inline().then(resolve, reject);
    worker.once('message', (r: BackupJobResult) =>
      settle(() =>
        r.ok ? resolve(r.file) : reject(r.appError ? new AppError('FILE_ERROR', r.message) : new Error(r.message)),
      ),
    );
    worker.once('error', () => settle(fallBack));
    worker.once('exit', () => settle(fallBack));
  });
}

const STOPPED = '备份被中止（程序正在关闭），原数据未受影响';

/** Stops running backup threads (closing the app): an unfinished copy stays a `.part` file, never a backup. */
export async function stopBackupThreads(threads: BackupThreads): Promise<void> {
  threads.stopped = true;
  await Promise.all([...threads.running].map((w) => w.terminate()));
}
