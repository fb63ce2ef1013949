import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';
import { writeBackupIn } from '../backup/write';
import { verifiedBackup } from './backup';
import { dbBaseName } from '../backup/naming';
import { preflight } from './preflight';
import { migrations as appMigrations } from './migrations';
import type { Migration } from './migrations/types';

export interface OpenOptions {
  /**
   * Path of a better-sqlite3 addon built for the running ABI. Electron passes its own build here so the
   * Node build in node_modules keeps serving `npm test` (see scripts/electron-native.mjs).
   */
  nativeBinding?: string;
  /** Where the pre-migration backup goes; defaults to a `backups` folder beside the database. */
  backupDir?: string;
  /** Tried when `backupDir` cannot be written (the clerk's USB stick is out): the default folder. */
  fallbackBackupDir?: string;
  /** The clock for backup names (tests use a fake calendar). */
  now?: () => Date;
  /** The schema steps to apply; the app's own list unless a test supplies a longer one. */
  migrations?: Migration[];
}

/**
 * Pragmas set on every open. better-sqlite3 reopens WAL databases with synchronous=NORMAL, which can lose
 * the last commits on power failure, so FULL is set each time rather than trusted to persist.
 */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Runs the pending migrations in one transaction: a crash leaves either the old or the new schema. */
export function migrate(db: Db, from: number, migrations: Migration[] = appMigrations): void {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

export interface OpenedDatabase {
  db: Db;
  /** The verified backup taken before migrating an existing database, if one was needed. */
  preMigrationBackup: string | null;
  /** There was no data before: the file was created by this open. */
  created: boolean;
}

/**
 * Opens (or creates) the app's database. It is looked at read-only first (see preflight: quick_check, a
 * damaged file is refused with the latest good backup named and never replaced). A file written by a newer
 * version is refused untouched; an older one is backed up and verified before it is migrated.
 */
export async function openDatabase(file: string, opts: OpenOptions = {}): Promise<OpenedDatabase> {
  const migrations = opts.migrations ?? appMigrations;
  const latest = migrations[migrations.length - 1]!.version;
  const defaultDir = path.join(path.dirname(file), 'backups');
  const backupDirs = [opts.backupDir ?? defaultDir, opts.fallbackBackupDir ?? defaultDir];
  const { found, created } = preflight(file, { backupDirs, nativeBinding: opts.nativeBinding });
  if (found > latest) {
    throw new AppError(
      'CONFLICT',
      `该数据文件由更新版本的大工委工作台写入（数据版本 ${found}，本程序支持到 ${latest}）。为保护数据，本程序没有打开也没有改动它，请安装新版本后再打开。`,
    );
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { nativeBinding: opts.nativeBinding });
  let preMigrationBackup: string | null = null;
  try {
    applyPragmas(db);
    if (found > 0 && found < latest) {
      const now = opts.now?.() ?? new Date();
      const source = { version: found, copy: (dest: string) => verifiedBackup(db, dest, opts.nativeBinding) };
      const written = await writeBackupIn(source, backupDirs, dbBaseName(file), 'pre-migrate', now);
      preMigrationBackup = written.file;
    }
    migrate(db, found, migrations);
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, preMigrationBackup, created };
}
