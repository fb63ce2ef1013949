import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../electron/backup/naming';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { migration001 } from '../../electron/db/migrations/001_directory';
import { openDatabase } from '../../electron/db/open';
import { backupCore, seed, sha256 } from '../helpers/backup';

const count = (core: { db: Database.Database }, table: string) =>
  (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('restore from the backup folder', () => {
  it('previews what the backup holds next to the current data', async () => {
    const core = await backupCore();
    await seed(core, 3);
    const backup = await core.call('backup.create', {});
    await core.call('units.save', { name: '备份之后新增', category: '机关' });
    const preview = await core.call('backup.previewRestore', { id: backup.id });
    expect(preview).toMatchObject({
      source: `备份 ${backup.fileName}`,
      previewId: null,
      createdAt: backup.createdAt,
      streetName: '东湖街道',
      committeeName: '东湖街道大工委',
      schemaVersion: LATEST_SCHEMA_VERSION,
      needsUpgrade: false,
      canRestore: true,
      problem: null,
    });
    expect(preview.counts.find((c) => c.table === 'units')).toEqual({ table: 'units', label: '共建单位', count: 3 });
    expect(preview.currentCounts.find((c) => c.table === 'units')?.count).toBe(4);
  });

  it('restores, keeping a revert point of the data it replaced, and the restore can be undone', async () => {
    const core = await backupCore();
    await seed(core, 3);
    const backup = await core.call('backup.create', {});
    for (let i = 0; i < 5; i++) await core.call('units.save', { name: `后来新增${i}`, category: '机关' });
    const later = await core.call('backup.create', { note: '恢复前手动备份' });
    expect(count(core, 'units')).toBe(8);

    const result = await core.call('backup.restore', { id: backup.id });
    expect(count(core, 'units')).toBe(3);
    expect(result.counts.find((c) => c.table === 'units')?.count).toBe(3);
    expect(result.revertPoint).toMatchObject({
      kind: 'revert-point',
      kindLabel: '恢复前',
      verifiedOk: true,
      protected: true,
    });
    expect(result.revertPoint.counts.find((c) => c.table === 'units')?.count).toBe(8);
    // The catalogue still knows every backup, including those made after the restored one.
    const ids = (await core.call('backup.list', {})).map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([backup.id, later.id, result.revertPoint.id]));
    const status = await core.call('backup.status', {});
    expect(status.undo).toMatchObject({
      restoredFrom: `备份 ${backup.fileName}`,
      revertPoint: { id: result.revertPoint.id },
    });
    const log = await core.call('oplog.list', {});
    expect(log.rows[0]).toMatchObject({ action: 'backup', title: '从备份恢复' });
    // Other channels, the auth gate included, work on the restored data.
    expect((await core.call('auth.status', {})).locked).toBe(false);
    expect((await core.call('units.list', {})).total).toBe(3);

    // Work done after the restore is not lost by the undo either: it goes into the 撤销前 copy.
    await core.call('units.save', { name: '恢复之后录入', category: '机关' });
    const undone = await core.call('backup.undoRestore', {});
    expect(count(core, 'units')).toBe(8);
    expect(undone.revertPoint).toMatchObject({ kind: 'pre-restore', kindLabel: '撤销前' });
    expect(undone.revertPoint.counts.find((c) => c.table === 'units')?.count).toBe(4);
    expect((await core.call('backup.status', {})).undo).toBeNull();
    expect((await core.raw('backup.undoRestore', {})).ok).toBe(false);
  });

  it('finds the undo point by its file even when the catalogue was rebuilt with other ids (crash mid-restore)', async () => {
    const core = await backupCore();
    await seed(core, 2);
    const backup = await core.call('backup.create', {});
    await core.call('units.save', { name: '恢复前最后一条', category: '机关' });
    await core.call('backup.restore', { id: backup.id });
    // What a kill between the copy-in and the catalogue carry-over leaves: the catalogue of the restored file,
    // rebuilt from the folder on the next start, under new ids.
    core.db.prepare('DELETE FROM backups').run();
    core.db
      .prepare(
        "INSERT INTO backups (folder, file_name, kind, created_at, size, schema_version, verified_ok, verified_at) VALUES ('x', 'y', 'manual', '2020', 0, 1, 1, '2020')",
      )
      .run();
    core.backup.reconcile();
    expect((await core.call('backup.status', {})).undo?.revertPoint.kind).toBe('revert-point');
    await core.call('backup.undoRestore', {});
    expect((await core.call('units.list', {})).rows.map((u) => u.name)).toContain('恢复前最后一条');
  });

  it('restores a backup from an older version and upgrades it', async () => {
    const core = await backupCore();
    await seed(core, 1);
    // A v1 backup file, as an older release would have left in the folder.
    const oldDb = path.join(core.dir, 'old.sqlite');
    const { db } = await openDatabase(oldDb, { migrations: [migration001] });
    db.prepare("INSERT INTO units (name, name_key, category) VALUES ('老版本单位', '老版本单位', '机关')").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('committeeName', '老大工委')").run();
    db.pragma('journal_mode = DELETE');
    db.close();
    fs.mkdirSync(core.backup.folder(), { recursive: true });
    fs.renameSync(
      oldDb,
      path.join(core.backup.folder(), backupFileName('dagongwei', 'manual', new Date(2025, 0, 2, 9), 1)),
    );
    core.backup.reconcile();
    const entry = core.backup.entries().find((e) => e.schemaVersion === 1)!;
    expect((await core.call('backup.previewRestore', { id: entry.id })).needsUpgrade).toBe(true);

    const result = await core.call('backup.restore', { id: entry.id });
    expect(result).toMatchObject({ upgradedFrom: 1, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect((await core.call('units.list', {})).rows.map((u) => u.name)).toEqual(['老版本单位']);
    expect((await core.call('settings.get', {})).committeeName).toBe('老大工委');
  });

  it('refuses a backup written by a newer version, changing nothing', async () => {
    const core = await backupCore();
    await seed(core, 2);
    fs.mkdirSync(core.backup.folder(), { recursive: true });
    const future = path.join(
      core.backup.folder(),
      backupFileName('dagongwei', 'manual', new Date(2030, 0, 1, 9), LATEST_SCHEMA_VERSION + 1),
    );
    const f = new Database(future);
    f.exec(
      "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO settings VALUES ('committeeName', '未来')",
    );
    f.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    f.close();
    core.backup.reconcile();
    const entry = core.backup.entries().find((e) => e.schemaVersion === LATEST_SCHEMA_VERSION + 1)!;
    const before = (await core.call('backup.list', {})).length;

    const preview = await core.call('backup.previewRestore', { id: entry.id });
    expect(preview.canRestore).toBe(false);
    expect(preview.problem).toContain('更新版本');
    const res = await core.raw('backup.restore', { id: entry.id });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (!res.ok) expect(res.message).toMatch(/更新版本.*现有数据未被改动/);
    expect(count(core, 'units')).toBe(2);
    expect((await core.call('backup.list', {})).length).toBe(before); // not even a revert point was needed
  });

  it('refuses an id that is not a backup, and never takes a path from the caller', async () => {
    const core = await backupCore();
    expect(await core.raw('backup.restore', { id: 999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await core.raw('backup.restore', { id: '../../etc/passwd' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });

  it('holds other calls while the database is swapped, so none sees it closed and none is lost', async () => {
    const core = await backupCore();
    await seed(core, 2);
    const backup = await core.call('backup.create', {});
    // Saves sent the same moment as the restore are already in flight: they finish first (into the revert point).
    const early = Array.from({ length: 3 }, (_, i) =>
      core.raw('units.save', { name: `恢复前写入${i}`, category: '机关' }),
    );
    // Saves sent while the restore is under way (fired from inside it) must wait for the restored database.
    const late: ReturnType<typeof core.raw>[] = [];
    const create = core.backup.create.bind(core.backup);
    core.backup.create = async (kind, note) => {
      if (kind === 'revert-point')
        for (let i = 0; i < 5; i++) late.push(core.raw('units.save', { name: `恢复中写入${i}`, category: '机关' }));
      return create(kind, note);
    };
    const restored = await core.call('backup.restore', { id: backup.id });
    const results = await Promise.all([...early, ...late]);
    expect(late).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(restored.revertPoint.counts.find((c) => c.table === 'units')?.count).toBe(5); // 2 + the 3 early ones
    expect(count(core, 'units')).toBe(7); // 2 restored + the 5 held ones
  });

  it('does not touch the backup file it restores from', async () => {
    const core = await backupCore();
    await seed(core, 2);
    const backup = await core.call('backup.create', {});
    const file = path.join(backup.folder, backup.fileName);
    const hash = sha256(file);
    await core.call('backup.restore', { id: backup.id });
    expect(sha256(file)).toBe(hash);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
