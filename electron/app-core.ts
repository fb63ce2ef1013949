import type { Database } from 'better-sqlite3';
import { AuthGate } from './auth/gate';
import type { FilePorts } from './core/context';
import { handlers } from './core/handlers';
import { createDispatcher, type Dispatch } from './core/registry';
import { openDatabase } from './db/open';

export interface AppCoreOptions {
  dbPath: string;
  files: FilePorts;
  shell: 'electron' | 'web';
  appVersion: string;
  nativeBinding?: string;
  validateOutput?: boolean;
  logError?: (channel: string, error: unknown) => void;
}

export interface AppCore {
  db: Database;
  dispatch: Dispatch;
  preMigrationBackup: string | null;
  close(): void;
}

/**
 * Everything the app does, without Electron: open the database and bind the handler registry to it.
 * The Electron main process and the web host are two thin doors onto this one core.
 */
export async function createAppCore(opts: AppCoreOptions): Promise<AppCore> {
  const { db, preMigrationBackup } = await openDatabase(opts.dbPath, { nativeBinding: opts.nativeBinding });
  const dispatch = createDispatcher(
    handlers,
    { db, auth: new AuthGate(db), files: opts.files, appVersion: opts.appVersion, dbPath: opts.dbPath, shell: opts.shell },
    { validateOutput: opts.validateOutput, logError: opts.logError },
  );
  return {
    db,
    dispatch,
    preMigrationBackup,
    close() {
      if (db.open) {
        // Fold the WAL back into the main file so a copied data folder is complete; never delete -wal by hand.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}
