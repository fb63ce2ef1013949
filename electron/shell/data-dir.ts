import fs from 'node:fs';
import path from 'node:path';

export interface DataDirInputs {
  /** app.getPath('userData'): the normal per-user location. */
  userData: string;
  /** app.getPath('exe'). */
  exePath: string;
  /**
   * process.env.PORTABLE_EXECUTABLE_DIR: set by the Windows "portable" target, whose exe unpacks itself into a
   * temp folder, so the folder the clerk actually sees is this one, not dirname(exe).
   */
  portableExecutableDir?: string;
  isDirectory?: (p: string) => boolean;
}

export interface DataDir {
  dir: string;
  portable: boolean;
}

export const DB_FILE_NAME = 'dagongwei.sqlite';
export const PORTABLE_DATA_FOLDER = 'data';

const isDir = (p: string) => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Where the database lives. Portable mode is opt-in by a visible act: a folder named `data` beside the program
 * (e.g. on a USB stick). Without it the data goes to the per-user folder, so a program run from Downloads never
 * scatters data next to itself.
 */
export function resolveDataDir(i: DataDirInputs): DataDir {
  const exists = i.isDirectory ?? isDir;
  const besideExe = i.portableExecutableDir || path.dirname(i.exePath);
  const portableDir = path.join(besideExe, PORTABLE_DATA_FOLDER);
  if (exists(portableDir)) return { dir: portableDir, portable: true };
  return { dir: i.userData, portable: false };
}

/**
 * The better-sqlite3 addon built for Electron's ABI by scripts/electron-native.mjs. Only used when running from
 * the source tree (`npm start`): node_modules keeps the Node build for `npm test`, and a packaged app has its own
 * Electron build (electron-builder rebuilds it), so there this returns undefined.
 */
export function devNativeBinding(appPath: string, isPackaged: boolean, exists = fs.existsSync): string | undefined {
  if (isPackaged) return undefined;
  const file = path.join(appPath, '.electron-native', 'better_sqlite3.node');
  return exists(file) ? file : undefined;
}
