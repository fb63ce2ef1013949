import type { Database } from 'better-sqlite3';
import type { AuthGate } from '../auth/gate';
import type { BackupService } from '../backup/service';

/**
 * Where a file the clerk exports goes. In Electron it is the native save dialog; in the web host it is the
 * export folder named on the command line. Either way the file name has been made safe first.
 */
export interface FilePorts {
  /** Asks where to save; null when the clerk cancels. `suggestedName` is already sanitised. */
  chooseSavePath(suggestedName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null>;
  /** Asks for a folder (e.g. the backup folder); null when the clerk cancels. Absent where there is no picker (web host). */
  chooseFolder?(title: string): Promise<string | null>;
}

/**
 * Prints an HTML page to PDF bytes with Chromium: Electron's webContents.printToPDF in a hidden window.
 * Absent in the web host, where PDF export answers with a clear message instead.
 */
export interface PdfPort {
  printToPdf(html: string): Promise<Buffer>;
}

/** What every handler receives beside its validated input. */
export interface HandlerContext {
  /** The current connection; a restore replaces it, so read it per call rather than keeping it. */
  readonly db: Database;
  files: FilePorts;
  /** PDF printing; optional because only the Electron shell has a browser engine at hand. */
  pdf?: PdfPort;
  /** Startup password and idle lock; the dispatcher asks it before every channel. */
  auth: AuthGate;
  /** 数据备份: catalogue, automatic backups, restore. */
  backup: BackupService;
  appVersion: string;
  dbPath: string;
  shell: 'electron' | 'web';
}
