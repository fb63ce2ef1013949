import type { Database } from 'better-sqlite3';
import type { AuthGate } from '../auth/gate';

/**
 * Where a file the clerk exports goes. In Electron it is the native save dialog; in the web host it is the
 * export folder named on the command line. Either way the file name has been made safe first.
 */
export interface FilePorts {
  /** Asks where to save; null when the clerk cancels. `suggestedName` is already sanitised. */
  chooseSavePath(suggestedName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null>;
}

/** What every handler receives beside its validated input. */
export interface HandlerContext {
  db: Database;
  files: FilePorts;
  /** Startup password and idle lock; the dispatcher asks it before every channel. */
  auth: AuthGate;
  appVersion: string;
  dbPath: string;
  shell: 'electron' | 'web';
}
