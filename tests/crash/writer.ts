/**
 * The child process of the crash tests (tests/unit/crash-*.test.ts bundle it with esbuild; it is not a test).
 * It works through the app's own code and prints a line only AFTER the work is committed, with a
 * synchronous write, so every line the parent has read is a promise the data must keep after a kill -9.
 *
 *   pairs    <db> <prefix> <start>  one transaction = a unit + its pairing (both or neither); prints n
 *   dispatch <db> <prefix> <start>  units.save through createAppCore + dispatch; prints "ok n" or "err CODE message"
 *   backups  <db>                   manual backups in a loop through the backup service; prints the file name
 *   restore  <db> <fileA> <fileB>   restores backup file A, then B, then A…; prints "restored <file>"
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/db/open';
import { findCommunityIdByKey } from '../../electron/units/repo';
import { saveCommunity, savePairing, saveUnit } from '../../electron/units/service';
import { nameKey } from '../../shared/domain/text';

// Only what the `pairs` mode needs is imported up front: it is started hundreds of times, so every
// millisecond of start-up counts. Inputs are built in their validated shape instead of parsed with zod.
const say = (line: string) => fs.writeSync(1, `${line}\n`);
const [mode, dbPath, a, b] = process.argv.slice(2) as [string, string, string, string];

// With the signal ignored, a write past `ulimit -f` fails with EFBIG instead of killing the process.
if (process.env.IGNORE_SIGXFSZ) process.on('SIGXFSZ', () => {});

async function pairs(prefix: string, start: number) {
  const { db } = await openDatabase(dbPath);
  const communityName = `${prefix}社区`;
  const communityId =
    findCommunityIdByKey(db, nameKey(communityName)) ??
    saveCommunity(db, { name: communityName, grids: [], notes: '' }).id;
  say('ready');
  for (let n = start; ; n++) {
    db.transaction(() => {
      const unit = saveUnit(db, {
        name: `${prefix}-${n}`,
        category: '机关',
        partyOrg: '',
        secretary: '',
        liaison: '',
        phone: '',
        address: '',
        notes: '',
        status: 'active',
      });
      savePairing(db, { unitId: unit.id, communityId, signedOn: null, termYears: null, notes: '' });
    }).immediate();
    say(String(n));
  }
}

async function dispatch(prefix: string, start: number) {
  const { createAppCore } = await import('../../electron/app-core');
  const core = await createAppCore({
    dbPath,
    shell: 'web',
    appVersion: 'crash-test',
    files: { chooseSavePath: async () => null },
  });
  say('ready');
  let failures = 0;
  for (let n = start; n < start + 100_000 && failures < 3; n++) {
    const res = await core.dispatch('units.save', { name: `${prefix}-${n}`, category: '机关' });
    if (res.ok) say(`ok ${n}`);
    else {
      failures++;
      say(`err ${res.code} ${res.message}`);
    }
  }
  process.exit(3);
}

async function service() {
  const [{ BackupService }, { createExclusiveGate }] = await Promise.all([
    import('../../electron/backup/service'),
    import('../../electron/core/exclusive'),
  ]);
  const { db } = await openDatabase(dbPath);
  return new BackupService({
    holder: { current: db },
    dbPath,
    defaultFolder: path.join(path.dirname(dbPath), 'backups'),
    gate: createExclusiveGate(),
    appVersion: 'crash-test',
  });
}

async function backups() {
  const svc = await service();
  say('ready');
  for (;;) say((await svc.create('manual')).fileName);
}

async function restores(fileA: string, fileB: string) {
  const svc = await service();
  svc.reconcile();
  const { restoreBackup } = await import('../../electron/backup/restore');
  // By file name: catalogue ids are not stable across a crash in the middle of a restore.
  const idOf = (file: string) => svc.entries().find((e) => e.fileName === file)!.id;
  say('ready');
  for (let i = 0; ; i++) {
    const file = i % 2 === 0 ? fileA : fileB;
    await restoreBackup(svc, idOf(file));
    say(`restored ${file}`);
  }
}

const run: Record<string, () => Promise<unknown>> = {
  pairs: () => pairs(a, Number(b)),
  dispatch: () => dispatch(a, Number(b)),
  backups,
  restore: () => restores(a, b),
};
run[mode]!().catch((e: unknown) => {
  say(`fatal ${(e as Error)?.stack ?? String(e)}`);
  process.exit(2);
});
