import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { migrations, LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { tempDir } from '../helpers/core';

const sha = (file: string) => fs.readFileSync(file).toString('base64');

describe('opening the database', () => {
  it('creates a fresh database at the latest schema with the directory tables', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const { db, preMigrationBackup } = await openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['settings', 'communities', 'grids', 'units', 'pairings']));
    expect(preMigrationBackup).toBeNull();
    db.close();
  });

  it('sets WAL, synchronous=FULL and foreign keys again after a reopen', async () => {
    const file = path.join(tempDir(), 'p.sqlite');
    (await openDatabase(file)).db.close();
    // A plain reopen shows the library default the app must not rely on.
    const plain = new Database(file);
    expect(plain.pragma('synchronous', { simple: true })).not.toBe(2);
    plain.close();
    const { db } = await openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('upgrades an existing database with data, after a verified backup, keeping every row', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const { db: v1 } = await openDatabase(file);
    v1.prepare("INSERT INTO units (name, name_key, category) VALUES ('区司法所', '区司法所', '机关')").run();
    v1.close();

    const m2: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test step',
      up: (db) => db.exec("ALTER TABLE units ADD COLUMN website TEXT NOT NULL DEFAULT ''"),
    };
    const { db, preMigrationBackup } = await openDatabase(file, {
      migrations: [...migrations, m2],
      backupDir: path.join(dir, 'bk'),
    });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(db.prepare('SELECT name, website FROM units').all()).toEqual([{ name: '区司法所', website: '' }]);
    db.close();

    expect(preMigrationBackup).toMatch(/bk/);
    const backup = new Database(preMigrationBackup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backup.prepare('SELECT name FROM units').all()).toEqual([{ name: '区司法所' }]);
    backup.close();
  });

  it('leaves the old schema and data when a migration fails midway', async () => {
    const file = path.join(tempDir(), 'fail.sqlite');
    const { db: v1 } = await openDatabase(file);
    v1.prepare("INSERT INTO communities (name, name_key) VALUES ('东风社区', '东风社区')").run();
    v1.close();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'breaks halfway',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('断电模拟');
      },
    };
    await expect(openDatabase(file, { migrations: [...migrations, broken] })).rejects.toThrow('断电模拟');
    const { db } = await openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT name FROM communities').all()).toEqual([{ name: '东风社区' }]);
    db.close();
  });

  it('refuses a database written by a newer version and does not touch the file', async () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const future = new Database(file);
    future.pragma('journal_mode = DELETE');
    future.exec('CREATE TABLE t (x)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.close();
    const before = sha(file);
    const mtime = fs.statSync(file).mtimeMs;

    await expect(openDatabase(file)).rejects.toThrow(/更新版本.*没有打开也没有改动/);
    expect(sha(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not a database without overwriting it', async () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, '这不是数据库文件'.repeat(200));
    const before = sha(file);
    await expect(openDatabase(file)).rejects.toThrow(/无法读取数据文件/);
    expect(sha(file)).toBe(before);
  });
});
