import type { Database } from 'better-sqlite3';

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
  appVersion: string;
  dbPath: string;
  shell: 'electron' | 'web';
}
