import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { AuthGate } from './auth/gate';
import { readConfig } from './backup/config';
import { discardPackagePreviews } from './backup/packages';
import { BackupService } from './backup/service';
import type { FilePorts, PdfPort } from './core/context';
import { forwardingDb, type DbHolder } from './core/db-handle';
import { createExclusiveGate } from './core/exclusive';
import { handlers } from './core/handlers';
import { createDispatcher, type Dispatch } from './core/registry';
import type { BackupWorkerEntry } from './db/backup-thread';
import { openDatabase } from './db/open';

export interface AppCoreOptions {
  dbPath: string;
  files: FilePorts;
  /** PDF printing (the Electron shell passes its hidden-window printer). */
  pdf?: PdfPort;
  shell: 'electron' | 'web';
  appVersion: string;
  nativeBinding?: string;
  validateOutput?: boolean;
  logError?: (channel: string, error: unknown) => void;
  /** The default backup folder (also the fallback when the clerk's folder fails); `backups` beside the data. */
  backupDir?: string;
  /** The clock for backups (tests use a fake calendar). */
  now?: () => Date;
  /** The backup thread's code: the Electron shell passes its built file; by default the dev source (see backup-thread). */
  backupWorker?: BackupWorkerEntry;
}

export interface AppCore {
  /** Always the current connection (a restore swaps it underneath). */
  db: Database;
  dispatch: Dispatch;
  preMigrationBackup: string | null;
  backup: BackupService;
  /** Closes without a backup (tests, a failed start). */
  close(): void;
  /** What the shells call when the app quits: a verified backup if anything changed, then close. */
  quit(): Promise<void>;
}

/**
 * Everything the app does, without Electron: open the database and bind the handler registry to it.
 * The Electron main process and the web host are two thin doors onto this one core.
 */
export async function createAppCore(opts: AppCoreOptions): Promise<AppCore> {
  const defaultFolder = opts.backupDir ?? path.join(path.dirname(opts.dbPath), 'backups');
  const opened = await openDatabase(opts.dbPath, {
    nativeBinding: opts.nativeBinding,
    backupDir: readConfig(opts.dbPath).folder ?? defaultFolder,
    fallbackBackupDir: defaultFolder,
    now: opts.now,
  });
  const holder: DbHolder = { current: opened.db };
  const db = forwardingDb(holder);
  const gate = createExclusiveGate();
  const backup = new BackupService({
    holder,
    dbPath: opts.dbPath,
    defaultFolder,
    gate,
    appVersion: opts.appVersion,
    nativeBinding: opts.nativeBinding,
    now: opts.now,
    logError: opts.logError,
    worker: opts.backupWorker,
  });
  await backup.startup({ created: opened.created });
  const inner = createDispatcher(
    handlers,
    {
      db,
      auth: new AuthGate(db),
      backup,
      files: opts.files,
      pdf: opts.pdf,
      appVersion: opts.appVersion,
      dbPath: opts.dbPath,
      shell: opts.shell,
    },
    { validateOutput: opts.validateOutput, logError: opts.logError },
  );
  // Every call is "shared"; a restore waits for them and holds new ones until the swapped database is open.
  const dispatch: Dispatch = (channel, input) => gate.shared(() => inner(channel, input));
  const close = () => {
    discardPackagePreviews(backup);
    void backup.stopBackground();
    if (holder.current.open) {
      // Fold the WAL back into the main file so a copied data folder is complete; never delete -wal by hand.
      holder.current.pragma('wal_checkpoint(TRUNCATE)');
      holder.current.close();
    }
  };
  return {
    db,
    dispatch,
    preMigrationBackup: opened.preMigrationBackup,
    backup,
    close,
    async quit() {
      await gate.exclusive(() => backup.quitBackup());
      close();
    },
  };
}
