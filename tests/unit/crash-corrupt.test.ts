import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverFromBackup } from '../../electron/backup/recover';
import { openDatabase } from '../../electron/db/open';
import { backupCore, damagePageInMiddle, readOnly, seed, sha256 } from '../helpers/backup';

const listing = (dir: string) => fs.readdirSync(dir).sort();

/** A database with data and a good backup, closed. */
async function withData(n = 200) {
  const core = await backupCore();
  await seed(core, n);
  const backup = await core.call('backup.create', {});
  core.close();
  return { dbPath: core.dbPath, dir: core.dir, backupFile: path.join(backup.folder, backup.fileName) };
}

async function startFails(dbPath: string): Promise<Error & { details?: string[] }> {
  try {
    await backupCore({ dbPath });
  } catch (e) {
    return e as Error;
  }
  throw new Error('the app started on a damaged database');
}

describe('a damaged database on startup', () => {
  it('is detected by the quick check, refused with the latest good backup named, and not touched', async () => {
    const { dbPath, dir, backupFile } = await withData();
    damagePageInMiddle(dbPath);
    const hash = sha256(dbPath);
    const files = listing(dir);

    const e = await startFails(dbPath);
    expect(e.message).toContain('已损坏');
    expect(e.message).toContain('没有打开、没有改动也没有替换它');
    expect(e.message).toContain(path.basename(backupFile));
    expect(e.details).toEqual([backupFile]);
    // Not overwritten, not replaced by an empty one, nothing removed beside it. The read-only look may leave
    // SQLite's own empty -wal/-shm companions of a WAL-mode file, nothing else.
    expect(sha256(dbPath)).toBe(hash);
    const added = listing(dir).filter((f) => !files.includes(f));
    expect(added.every((f) => /^dagongwei\.sqlite-(wal|shm)$/.test(f))).toBe(true);
    expect(files.every((f) => listing(dir).includes(f))).toBe(true);
    if (fs.existsSync(`${dbPath}-wal`)) expect(fs.statSync(`${dbPath}-wal`).size).toBe(0);
    // Asking again changes nothing either.
    await startFails(dbPath);
    expect(sha256(dbPath)).toBe(hash);
  });

  it('keeps the -wal and -shm files of a crashed, damaged database exactly as they were', async () => {
    const { dbPath, dir } = await withData(50);
    // Simulate a crash: committed data still in the WAL, connection never closed.
    const live = new Database(dbPath);
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    live.prepare("INSERT INTO units (name, name_key, category) VALUES ('只在日志里', '只在日志里', '机关')").run();
    const crashed = path.join(dir, 'crashed');
    fs.mkdirSync(crashed);
    for (const s of ['', '-wal', '-shm']) fs.copyFileSync(dbPath + s, path.join(crashed, `dagongwei.sqlite${s}`));
    live.close();
    const file = path.join(crashed, 'dagongwei.sqlite');
    damagePageInMiddle(file);
    const hashes = ['', '-wal'].map((s) => sha256(file + s));

    await expect(openDatabase(file)).rejects.toThrow(/已损坏|无法读取/);
    // The data file and its WAL (which holds committed data) are byte for byte the same. The -shm is SQLite's
    // shared-memory index, where any reader records its read marks, so it is kept but not byte-identical.
    expect(['', '-wal'].map((s) => sha256(file + s))).toEqual(hashes);
    expect(fs.existsSync(`${file}-shm`)).toBe(true);
  });

  it('refuses to start on an empty database when the data file is gone but its backups are there', async () => {
    const { dbPath, dir, backupFile } = await withData(3);
    fs.renameSync(dbPath, path.join(dir, 'moved-away.sqlite'));
    const e = await startFails(dbPath);
    expect(e.message).toMatch(/找不到数据文件.*没有新建数据文件/);
    expect(e.details).toEqual([backupFile]);
    expect(fs.existsSync(dbPath)).toBe(false);
  });

  it('refuses when the data file is gone but its -wal is still there', async () => {
    const { dbPath, dir } = await withData(3);
    fs.writeFileSync(`${dbPath}-wal`, Buffer.alloc(8192, 1));
    fs.rmSync(dbPath);
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    const e = await startFails(dbPath);
    expect(e.message).toContain('日志文件（-wal）还在');
    expect(fs.existsSync(dbPath)).toBe(false);
    expect(fs.statSync(`${dbPath}-wal`).size).toBe(8192);
  });

  it('can be recovered from the named backup: the damaged files are moved aside, never deleted', async () => {
    const { dbPath, dir } = await withData(20);
    damagePageInMiddle(dbPath);
    const hash = sha256(dbPath);
    const e = await startFails(dbPath);
    const { movedAside } = await recoverFromBackup(dbPath, e.details![0]!);
    expect(movedAside.length).toBeGreaterThanOrEqual(1);
    expect(sha256(movedAside[0]!)).toBe(hash);
    expect(path.dirname(movedAside[0]!)).toBe(dir);

    const core = await backupCore({ dbPath });
    expect((await core.call('units.list', {})).total).toBe(20);
    readOnly(movedAside[0]!, (db) => expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0));
  });
});
