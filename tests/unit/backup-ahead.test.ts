import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  devBackupWorker,
  newBackupThreads,
  stopBackupThreads,
  verifiedBackupInThread,
} from '../../electron/db/backup-thread';
import { NEEDS_SAMPLE, communityId, sampleUpload, seedDirectory } from '../fixtures/lists';
import { readOnly } from '../helpers/backup';
import { tempDir, testCore, type TestCore } from '../helpers/core';

const needCount = (file: string) => readOnly(file, (db) => db.prepare('SELECT count(*) FROM needs').pluck().get());
const preImport = (core: TestCore) => core.backup.entries().filter((e) => e.kind === 'pre-import');
const fileOf = (e: { folder: string; fileName: string }) => path.join(e.folder, e.fileName);

describe('the backup before an import', () => {
  it('starts when the preview is ready, and the commit stands on it while nothing was written since', async () => {
    const core = await testCore();
    await seedDirectory(core); // an import of its own, with its own backup
    const seeded = preImport(core).length;
    const preview = await core.call('needs.importPreview', sampleUpload(NEEDS_SAMPLE));
    // While the clerk reads the preview, the backup is made: it appears without a commit.
    await vi.waitFor(() => expect(preImport(core)).toHaveLength(seeded + 1), { timeout: 20_000 });
    const result = await core.call('needs.importCommit', { previewId: preview.previewId });
    expect(result.added).toBeGreaterThan(0);
    // One 导入前 backup, verified, holding the data as it was before the import (no needs yet).
    const backups = preImport(core);
    expect(backups).toHaveLength(seeded + 1);
    expect(backups[0]!.verifiedOk).toBe(true);
    expect(needCount(fileOf(backups[0]!))).toBe(0);
    // The import changed the data, so the next import's preview starts a new backup: it holds the needs.
    const again = await core.call('needs.importPreview', sampleUpload(NEEDS_SAMPLE));
    await core.call('needs.importCommit', { previewId: again.previewId });
    const newest = preImport(core)[0]!;
    expect(preImport(core)).toHaveLength(seeded + 2);
    expect(needCount(fileOf(newest))).toBe(result.added);
  });

  it('takes a new backup at the commit when something was written after the preview', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const seeded = preImport(core).length;
    const preview = await core.call('needs.importPreview', sampleUpload(NEEDS_SAMPLE));
    // Meanwhile the clerk registers a need by hand: the backup started with the preview no longer holds it.
    await core.call('needs.save', {
      communityId: communityId(core, '新华社区'),
      grid: '',
      title: '预览期间登记的需求',
      description: '',
      category: '养老',
      source: '',
      raisedOn: '2025-07-28',
      urgency: '一般',
      contactName: '',
      contactPhone: '',
    });
    await core.call('needs.importCommit', { previewId: preview.previewId });
    const backups = preImport(core);
    expect(backups).toHaveLength(seeded + 2);
    expect(needCount(fileOf(backups[0]!))).toBe(1); // the newest: taken at the commit, with the hand-made need
  });
});

describe('the day’s first backup', () => {
  it('runs in the background after the start, and an import begun meanwhile stands on it', async () => {
    const first = await testCore();
    await seedDirectory(first); // a new database takes no daily backup; its import took a 导入前 one
    first.close();
    const core = await testCore(first.dbPath);
    const before = preImport(core).length;
    const preview = await core.call('needs.importPreview', sampleUpload(NEEDS_SAMPLE));
    await core.call('needs.importCommit', { previewId: preview.previewId });
    const daily = core.backup.entries().filter((e) => e.kind === 'daily');
    expect(daily).toHaveLength(1);
    expect(needCount(fileOf(daily[0]!))).toBe(0);
    expect(preImport(core)).toHaveLength(before); // nothing was written since the daily one: no second copy
  });
});

describe('the backup thread', () => {
  const sourceDb = async () => {
    const core = await testCore();
    await seedDirectory(core);
    return core;
  };

  it('makes the verified copy in a worker while the caller goes on', async () => {
    const core = await sourceDb();
    const threads = newBackupThreads();
    const dest = path.join(tempDir(), 'copy.sqlite');
    const done = verifiedBackupInThread(devBackupWorker(), { dbPath: core.dbPath, dest }, threads);
    expect(threads.running.size).toBe(1);
    expect(await done).toBe(dest);
    expect(threads.running.size).toBe(0);
    readOnly(dest, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(29);
    });
  });

  it('still makes the backup on the calling thread when the worker cannot be started', async () => {
    const core = await sourceDb();
    const dest = path.join(tempDir(), 'copy.sqlite');
    const missing = { file: path.join(tempDir(), 'no-such-worker.cjs') };
    expect(await verifiedBackupInThread(missing, { dbPath: core.dbPath, dest }, newBackupThreads())).toBe(dest);
    readOnly(dest, (db) => expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(29));
  });

  it('stops with the app: the unfinished copy never becomes a backup file', async () => {
    const core = await sourceDb();
    const threads = newBackupThreads();
    const dest = path.join(tempDir(), 'copy.sqlite');
    const done = verifiedBackupInThread(devBackupWorker(), { dbPath: core.dbPath, dest }, threads);
    await stopBackupThreads(threads);
    await expect(done).rejects.toThrow('备份被中止');
    expect(fs.existsSync(dest)).toBe(false);
    await expect(verifiedBackupInThread(devBackupWorker(), { dbPath: core.dbPath, dest }, threads)).rejects.toThrow(
      '备份被中止',
    );
  });
});
