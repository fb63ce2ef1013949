import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../electron/backup/naming';
import { openDatabase } from '../../electron/db/open';
import { migration001 } from '../../electron/db/migrations/001_directory';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { tempDir } from '../helpers/core';
import { backupCore, damagePageInMiddle, fakeClock, readOnly, seed } from '../helpers/backup';

describe('verified backups', () => {
  it('a manual backup is one self-contained, checked file, recorded with its counts and logged', async () => {
    const core = await backupCore();
    await seed(core, 3);
    const entry = await core.call('backup.create', { note: '交接前' });
    expect(entry).toMatchObject({
      kind: 'manual',
      kindLabel: '手动',
      verifiedOk: true,
      protected: true,
      note: '交接前',
      schemaVersion: LATEST_SCHEMA_VERSION,
    });
    expect(entry.fileName).toMatch(/^dagongwei-手动-\d{8}-\d{6}-v\d+\.sqlite$/);
    expect(entry.counts).toEqual(
      expect.arrayContaining([
        { table: 'units', label: '共建单位', count: 3 },
        { table: 'pairings', label: '结对共建', count: 3 },
      ]),
    );
    const file = path.join(entry.folder, entry.fileName);
    expect(fs.statSync(file).size).toBe(entry.size);
    // No -wal/-shm beside it, even after opening it: it can be copied to a USB stick as it is.
    readOnly(file, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 3 });
    });
    expect(fs.readdirSync(entry.folder).filter((f) => /-(wal|shm)$|\.part$/.test(f))).toEqual([]);
    // Recorded in the catalogue table, and in 操作日志.
    const row = core.db
      .prepare('SELECT kind, verified_ok, schema_version, counts FROM backups WHERE id = ?')
      .get(entry.id);
    expect(row).toMatchObject({ kind: 'manual', verified_ok: 1, schema_version: LATEST_SCHEMA_VERSION });
    expect(JSON.parse((row as { counts: string }).counts)).toMatchObject({ units: 3, pairings: 3, communities: 1 });
    const log = await core.call('oplog.list', {});
    expect(log.rows[0]).toMatchObject({ action: 'backup', title: '手动备份' });
  });

  it('records the pre-migration backup after migrating, with the old version and its counts', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'dagongwei.sqlite');
    const { db } = await openDatabase(dbPath, { migrations: [migration001] });
    db.prepare("INSERT INTO units (name, name_key, category) VALUES ('区司法所', '区司法所', '机关')").run();
    db.close();

    const core = await backupCore({ dbPath });
    expect(core.preMigrationBackup).toMatch(/dagongwei-升级前-\d{8}-\d{6}-v1\.sqlite$/);
    const pre = core.backup.entries().find((e) => e.kind === 'pre-migrate')!;
    expect(pre).toMatchObject({ schemaVersion: 1, verifiedOk: true, folder: path.join(dir, 'backups') });
    expect(pre.counts.find((c) => c.table === 'units')?.count).toBe(1);
    expect((await core.call('units.list', {})).total).toBe(1);
  });

  it('takes a 导入前 backup before every import commit', async () => {
    const core = await backupCore();
    await seed(core, 1);
    await core.raw('units.importCommit', { previewId: 'no-such-preview' }); // fails, but only after the backup
    expect(core.backup.entries().map((e) => e.kind)).toContain('pre-import');
  });

  it('removes copies interrupted by a crash and flags a damaged backup file without deleting it', async () => {
    const clock = fakeClock('2026-05-04T09:00:00');
    let core = await backupCore({ now: clock.now });
    await seed(core, 2);
    const good = await core.call('backup.create', {});
    const folder = good.folder;
    // A backup damaged on disk later, and the leftover of a copy that was interrupted.
    const damaged = path.join(
      folder,
      backupFileName('dagongwei', 'daily', new Date(2026, 4, 4, 10), LATEST_SCHEMA_VERSION),
    );
    fs.copyFileSync(path.join(folder, good.fileName), damaged);
    damagePageInMiddle(damaged);
    const part = path.join(
      folder,
      `${backupFileName('dagongwei', 'quit', new Date(2026, 4, 4, 11), LATEST_SCHEMA_VERSION)}.part`,
    );
    fs.writeFileSync(part, 'half a copy');
    core.close();

    clock.advanceMs(3 * 3_600_000);
    core = await backupCore({ dbPath: core.dbPath, now: clock.now });
    expect(fs.existsSync(part)).toBe(false);
    const flagged = core.backup.entries().find((e) => path.join(e.folder, e.fileName) === damaged)!;
    expect(flagged.verifiedOk).toBe(false);
    // Newer than the good one, but the status names the good one; rotation leaves the damaged file for a person.
    const status = await core.call('backup.status', {});
    expect(status.lastGood?.verifiedOk).toBe(true);
    for (let i = 0; i < 10; i++) await core.call('backup.create', {});
    expect(fs.existsSync(damaged)).toBe(true);
  });
});

describe('backup folder and status', () => {
  it('after a long pause, the start does not warn of an old backup while the day’s first one is being made', async () => {
    const clock = fakeClock('2026-05-04T09:00:00');
    const core = await backupCore({ now: clock.now });
    await seed(core, 1);
    await core.call('backup.create', {});
    core.close();
    clock.advanceDays(10);
    const again = await backupCore({ dbPath: core.dbPath, now: clock.now });
    const during = await again.call('backup.status', {});
    expect(during).toMatchObject({ running: true, warning: null, daysSinceLastGood: 10 });
    await again.backup.settled();
    const after = await again.call('backup.status', {});
    expect(after).toMatchObject({ running: false, warning: null, daysSinceLastGood: 0 });
    expect(after.lastGood?.kind).toBe('daily');
  });

  it('moves backups to a folder the clerk chooses, with a backup taken there at once', async () => {
    const core = await backupCore();
    await seed(core, 1);
    const usb = path.join(tempDir('dgw-usb-'), '大工委备份');
    const status = await core.call('backup.setFolder', { folder: usb });
    expect(status).toMatchObject({ folder: usb, isDefaultFolder: false, folderProblem: null });
    expect(status.lastGood?.folder).toBe(usb);
    expect(fs.readdirSync(usb).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    // The setting lives beside the data (readable even when the database is not).
    expect(JSON.parse(fs.readFileSync(path.join(core.dir, 'dagongwei.backup-settings.json'), 'utf8'))).toMatchObject({
      folder: usb,
    });
    const back = await core.call('backup.setFolder', { folder: null });
    expect(back.isDefaultFolder).toBe(true);
  });

  it.each([
    ['a relative path', '备份', '必须是完整路径'],
    ['a file, not a folder', '__FILE__', '不是文件夹'],
    ['a folder that cannot be written', '/proc/dgw-backup-test', '备份设置未改变'],
    ['the data folder itself', '__DATA__', '不能就是数据文件所在的文件夹'],
  ])('refuses %s with a Chinese message and keeps the old setting', async (_what, folder, message) => {
    const core = await backupCore();
    const file = path.join(core.dir, 'not-a-folder.txt');
    fs.writeFileSync(file, 'x');
    const chosen = folder === '__FILE__' ? file : folder === '__DATA__' ? core.dir : folder;
    const res = await core.raw('backup.setFolder', { folder: chosen });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toContain(message);
    expect((await core.call('backup.status', {})).isDefaultFolder).toBe(true);
  });

  it('warns when the last good backup is older than the set number of days', async () => {
    const clock = fakeClock('2026-06-01T09:00:00');
    const core = await backupCore({ now: clock.now });
    expect((await core.call('backup.status', {})).warning).toContain('还没有任何完好的备份');
    await seed(core, 1);
    await core.call('backup.create', {});
    expect((await core.call('backup.status', {})).warning).toBeNull();
    clock.advanceDays(8);
    const late = await core.call('backup.status', {});
    expect(late.daysSinceLastGood).toBe(8);
    expect(late.warning).toContain('8 天前');
    expect((await core.call('backup.setWarnDays', { days: 10 })).warning).toBeNull();
  });

  it('when the chosen folder is gone (USB stick out) the automatic backup goes to the default folder and the status says so', async () => {
    const clock = fakeClock('2026-06-01T09:00:00');
    const core = await backupCore({ now: clock.now });
    await seed(core, 1);
    const usbRoot = tempDir('dgw-usb-');
    const usb = path.join(usbRoot, 'backups');
    await core.call('backup.setFolder', { folder: usb });
    fs.rmSync(usbRoot, { recursive: true });
    fs.writeFileSync(usbRoot, 'the drive letter is now something else'); // mkdir of the folder now fails
    await core.quit();
    const fallback = path.join(core.dir, 'backups');
    expect(fs.readdirSync(fallback).some((f) => f.includes('-退出时-'))).toBe(true);

    const again = await backupCore({ dbPath: core.dbPath, now: clock.now });
    await again.backup.settled(); // the day's first backup runs in the background after the start
    const status = await again.call('backup.status', {});
    expect(status.folderProblem).toContain(usb);
    expect(status.warning).toContain('默认文件夹');
    // The next start's daily backup went there too (and, being newer the same day, took the quit copy's day slot).
    expect(status.lastGood).toMatchObject({ folder: fallback, kind: 'daily' });
    expect(status.lastFailure?.message).toContain('已改存到');
  });
});

describe('the database connection after a swap', () => {
  it('keeps the backup file untouched by reading it (hash and mtime)', async () => {
    const core = await backupCore();
    await seed(core, 1);
    const entry = await core.call('backup.create', {});
    const file = path.join(entry.folder, entry.fileName);
    const before = fs.readFileSync(file);
    await core.call('backup.previewRestore', { id: entry.id });
    const db = new Database(file, { readonly: true });
    db.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
