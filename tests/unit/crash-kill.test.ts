import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFileName } from '../../electron/backup/naming';
import { verifiedBackup } from '../../electron/db/backup';
import { openDatabase } from '../../electron/db/open';
import { bundleWriter, removeBundle, sleep, startWriter } from '../crash/child';
import { tempDir } from '../helpers/core';
import { backupCore, readOnly, seed } from '../helpers/backup';

/**
 * kill -9 at random moments while the app writes. Rerun with more cycles:
 *   CRASH_CYCLES=2000 npx vitest run tests/unit/crash-kill.test.ts
 */
const CYCLES = Number(process.env.CRASH_CYCLES ?? 200);

let writer: string;
beforeAll(async () => {
  writer = await bundleWriter();
});
afterAll(() => removeBundle(writer));

/** What the data says after a crash: every unit "P-n" and whether each has its pairing. */
function look(file: string, prefix: string) {
  return readOnly(file, (db) => {
    const integrity = db.pragma('integrity_check', { simple: true });
    const rows = db
      .prepare(
        `SELECT CAST(substr(u.name, length(@p) + 2) AS INTEGER) AS n,
                (SELECT count(*) FROM pairings p WHERE p.unit_id = u.id) AS pairs
         FROM units u WHERE u.name LIKE @p || '-%' ORDER BY n`,
      )
      .all({ p: prefix }) as { n: number; pairs: number }[];
    return { integrity, numbers: rows.map((r) => r.n), unpaired: rows.filter((r) => r.pairs !== 1).length };
  });
}

/** 1..max with no gap: no acknowledged transaction vanished, none applied out of order. */
const contiguous = (ns: number[]) => ns.every((n, i) => n === i + 1);

describe('crash safety: kill -9 while writing', () => {
  it(
    `keeps every acknowledged transaction, whole, through ${CYCLES} kill -9 cycles`,
    async () => {
      const dbPath = path.join(tempDir('dgw-crash-'), 'dagongwei.sqlite');
      const started = Date.now();
      let acked = 0; // the highest number the writer confirmed
      let next = 1;
      let killedEarly = 0;
      let committedUnacked = 0;
      let longest = 0;
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const run = startWriter(writer, ['pairs', dbPath, 'P', String(next)]);
        // Most kills land while it writes; some while it starts (opening, checking, migrating).
        const early = cycle % 7 === 3;
        if (early) {
          await sleep(Math.random() * 90);
          killedEarly++;
        } else {
          await run.ready.catch(() => {});
          await sleep(Math.random() * 60);
        }
        run.child.kill('SIGKILL');
        const exit = await run.exited;
        if (exit.signal !== 'SIGKILL')
          throw new Error(`writer ended by itself (${exit.code}): ${exit.stderr}${run.lines.join('\n')}`);
        const confirmed = run.lines.filter((l) => /^\d+$/.test(l)).map(Number);
        if (confirmed.length) acked = confirmed[confirmed.length - 1]!;
        longest = Math.max(longest, confirmed.length);
        if (!fs.existsSync(dbPath)) {
          expect(acked).toBe(0); // killed before the database was even created
          continue;
        }

        const state = look(dbPath, 'P');
        expect(state.integrity, `cycle ${cycle}`).toBe('ok');
        expect(contiguous(state.numbers), `cycle ${cycle}: gap in ${state.numbers.slice(-5)}`).toBe(true);
        const max = state.numbers.length;
        // Everything acknowledged is there; at most one more (committed, killed before it could say so).
        expect(max, `cycle ${cycle}`).toBeGreaterThanOrEqual(acked);
        expect(max - acked, `cycle ${cycle}`).toBeLessThanOrEqual(1);
        if (max > acked) committedUnacked++;
        expect(state.unpaired, `cycle ${cycle}: a unit without its pairing`).toBe(0);
        acked = max; // the next writer continues after what is really there
        next = max + 1;
        // Now and then the app's own opening path too (preflight, quick_check, WAL recovery), then carry on.
        if (cycle % 25 === 24) (await openDatabase(dbPath)).db.close();
      }
      const seconds = (Date.now() - started) / 1000;

      // After all that, the app starts normally on the data and sees every row.
      const core = await backupCore({ dbPath });
      expect((await core.call('units.list', { search: 'P-' })).total).toBe(acked);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      console.info(
        `[crash-kill] ${CYCLES} kill -9 cycles in ${seconds.toFixed(1)} s (${((seconds * 1000) / CYCLES).toFixed(0)} ms/cycle): ` +
          `${acked} unit+pairing transactions acknowledged and all present, ${killedEarly} kills during start-up, ` +
          `${committedUnacked} kills between commit and acknowledgement, up to ${longest} transactions in one life.`,
      );
    },
    CYCLES * 1000 + 60_000,
  );

  it('a backup taken while another process keeps writing is a consistent snapshot and restores intact', async () => {
    const dir = tempDir('dgw-crash-');
    const dbPath = path.join(dir, 'dagongwei.sqlite');
    const run = startWriter(writer, ['pairs', dbPath, 'W', '1']);
    await run.ready;
    const reader = new Database(dbPath);
    const target = await backupCore(); // another PC, whose backup folder receives the copies
    fs.mkdirSync(target.backup.folder(), { recursive: true });
    const taken: { file: string; ackedBefore: number }[] = [];
    for (let i = 0; i < 12; i++) {
      await sleep(40 + Math.random() * 80);
      const ackedBefore = run.lines.filter((l) => /^\d+$/.test(l)).length;
      const version = reader.pragma('user_version', { simple: true }) as number;
      const name = backupFileName('dagongwei', 'manual', new Date(2026, 0, 1, 9, 0, i), version);
      taken.push({ file: await verifiedBackup(reader, path.join(target.backup.folder(), name)), ackedBefore });
    }
    run.child.kill('SIGKILL');
    await run.exited;
    reader.close();

    const sizes: number[] = [];
    for (const { file, ackedBefore } of taken) {
      const state = look(file, 'W');
      expect(state.integrity).toBe('ok');
      expect(contiguous(state.numbers)).toBe(true);
      expect(state.numbers.length).toBeGreaterThanOrEqual(ackedBefore);
      expect(state.unpaired).toBe(0);
      sizes.push(state.numbers.length);
    }
    expect(new Set(sizes).size).toBeGreaterThan(3); // the writer really was writing between the copies

    target.backup.reconcile();
    const chosen = target.backup.entries().find((e) => e.fileName === path.basename(taken[6]!.file))!;
    await target.call('backup.restore', { id: chosen.id });
    expect((await target.call('units.list', { search: 'W-' })).total).toBe(sizes[6]);
    expect(target.db.pragma('integrity_check', { simple: true })).toBe('ok');
    console.info(
      `[crash-kill] 12 backups during continuous writes, ${sizes[0]}…${sizes[11]} transactions each, all consistent; #7 restored intact.`,
    );
  }, 60_000);
});

describe('crash safety: disk full', () => {
  /** A database with earlier data, then a writer limited by `ulimit -f` to a little more than its size. */
  async function fullDiskRun(env: Record<string, string>) {
    const core = await backupCore();
    await seed(core, 30, '早先');
    const dbPath = core.dbPath;
    core.close();
    const limitKb = Math.ceil(fs.statSync(dbPath).size / 1024) + 48;
    const run = startWriter(writer, ['dispatch', dbPath, 'F', '1'], { fileLimitKb: limitKb, env });
    const exit = await run.exited;
    const acked = run.lines.filter((l) => l.startsWith('ok ')).length;
    return { dbPath, run, exit, acked, limitKb };
  }

  async function earlierDataIntact(dbPath: string, acked: number) {
    const core = await backupCore({ dbPath });
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await core.call('units.list', { search: '早先' })).total).toBe(30);
    expect((await core.call('pairings.allocation', {})).flatMap((c) => c.pairings)).toHaveLength(30);
    expect((await core.call('units.list', { search: 'F-' })).total).toBe(acked);
  }

  it('a write that hits the limit is refused with the Chinese disk-full message, earlier data intact', async () => {
    const { dbPath, run, acked, limitKb } = await fullDiskRun({ IGNORE_SIGXFSZ: '1' });
    const err = run.lines.find((l) => l.startsWith('err '));
    expect(err, run.lines.slice(-3).join('\n')).toBeDefined();
    expect(err).toMatch(/^err FILE_ERROR .*磁盘空间.*数据未被改动/);
    expect(acked).toBeGreaterThan(0);
    await earlierDataIntact(dbPath, acked);
    console.info(
      `[crash-kill] ulimit -f ${limitKb} KB: ${acked} saves, then "${err!.slice(15, 60)}…"; earlier data intact.`,
    );
  }, 60_000);

  it('a writer killed by SIGXFSZ at the limit leaves the database intact with what it acknowledged', async () => {
    const { dbPath, exit, run, acked } = await fullDiskRun({});
    expect(exit.signal === 'SIGXFSZ' || run.lines.some((l) => l.startsWith('err '))).toBe(true);
    await earlierDataIntact(dbPath, acked);
  }, 60_000);
});
