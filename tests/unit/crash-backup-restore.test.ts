import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { bundleWriter, removeBundle, sleep, startWriter } from '../crash/child';
import { backupCore, readOnly, seed } from '../helpers/backup';

/**
 * kill -9 while backups are written and while a restore swaps the database. More cycles:
 *   CRASH_SWAP_CYCLES=200 npx vitest run tests/unit/crash-backup-restore.test.ts
 */
const CYCLES = Number(process.env.CRASH_SWAP_CYCLES ?? 10);

let writer: string;
beforeAll(async () => {
  writer = await bundleWriter();
});
afterAll(() => removeBundle(writer));

describe('crash safety: kill -9 during backups and restores', () => {
  it(`never leaves a bad file under a backup's name (${CYCLES} kills while backing up)`, async () => {
    const core = await backupCore();
    await seed(core, 40);
    const { dbPath } = core;
    const folder = core.backup.folder();
    core.close();
    const confirmed: string[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const run = startWriter(writer, ['backups', dbPath]);
      await run.ready;
      await sleep(Math.random() * 120);
      run.child.kill('SIGKILL');
      const exit = await run.exited;
      if (exit.signal !== 'SIGKILL')
        throw new Error(`backup child ended by itself: ${run.lines.join('\n')} ${exit.stderr}`);
      confirmed.push(...run.lines.filter((l) => l.endsWith('.sqlite')));
      // Every file carrying a backup's name is a complete, checked copy; an interrupted one is only a .part.
      for (const f of fs.readdirSync(folder).filter((n) => n.endsWith('.sqlite'))) {
        readOnly(path.join(folder, f), (db) => expect(db.pragma('integrity_check', { simple: true }), f).toBe('ok'));
      }
    }
    const again = await backupCore({ dbPath });
    const listed = again.backup.entries().map((e) => e.fileName);
    expect(fs.readdirSync(folder).filter((n) => n.endsWith('.part'))).toEqual([]); // tidied at start-up
    for (const name of confirmed) expect(listed).toContain(name); // manual backups are never rotated away
    expect(again.backup.entries().every((e) => e.verifiedOk)).toBe(true);
    console.info(
      `[crash-backup] ${CYCLES} kills while backing up: ${confirmed.length} confirmed backups, all listed and verified.`,
    );
  }, 120_000);

  it(`leaves either the old or the restored data, never a mixture (${CYCLES} kills while restoring)`, async () => {
    const core = await backupCore();
    await seed(core, 3, '甲');
    const a = await core.call('backup.create', { note: 'A' });
    await seed(core, 7, '乙');
    const b = await core.call('backup.create', { note: 'B' });
    const { dbPath } = core;
    core.close();
    const states = new Map<string, number>();
    let restores = 0;
    let midCopy = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // Alternate which backup is restored first, so kills land in swaps in both directions.
      const [first, second] = cycle % 2 ? [a.fileName, b.fileName] : [b.fileName, a.fileName];
      const run = startWriter(writer, ['restore', dbPath, first, second]);
      await run.ready;
      // Every third cycle lets one restore finish first, so restores are certainly exercised, not only starts.
      if (cycle % 3 === 0) await run.nextLine((l) => l.startsWith('restored'));
      await sleep(Math.random() * 400);
      run.child.kill('SIGKILL');
      const exit = await run.exited;
      if (exit.signal !== 'SIGKILL')
        throw new Error(`restore child ended by itself: ${run.lines.join('\n')} ${exit.stderr}`);
      restores += run.lines.filter((l) => l.startsWith('restored')).length;
      if (fs.existsSync(`${dbPath}-journal`) && fs.statSync(`${dbPath}-journal`).size > 0) midCopy++; // killed inside the copy-in
      // The app's own way in (preflight finishes SQLite's journal recovery after a kill mid-copy).
      const { db } = await openDatabase(dbPath);
      const why = `cycle ${cycle}, child said: ${run.lines.slice(-3).join(' | ')}`;
      expect(db.pragma('integrity_check', { simple: true }), why).toBe('ok');
      const units = db.prepare('SELECT name FROM units ORDER BY name').all() as { name: string }[];
      db.close();
      const key = units.map((u) => u.name).join(',');
      // Only the two whole states may ever appear: A (3 units) or A+B (10 units).
      expect([3, 10], `${why}; units: ${key}`).toContain(units.length);
      states.set(key, (states.get(key) ?? 0) + 1);
    }
    expect(states.size).toBeLessThanOrEqual(2); // and each of them always with the same rows
    expect(restores).toBeGreaterThanOrEqual(Math.ceil(CYCLES / 3));
    const after = await backupCore({ dbPath });
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ended = (n: number) => [...states].filter(([k]) => k.split(',').length === n).reduce((t, [, c]) => t + c, 0);
    console.info(
      `[crash-restore] ${CYCLES} kills while restoring (${restores} restores completed in between, ${midCopy} kills inside the copy-in): ` +
        `ended ${ended(3)}× as A, ${ended(10)}× as B, never anything else.`,
    );
  }, 120_000);
});
