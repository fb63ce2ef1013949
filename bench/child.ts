import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from './app';
import { LEDGER_FLOOR_SQL, NEEDS_FLOOR_SQL, importFloor, streamRowsFloor } from './floors';

/**
 * One operation in a fresh process, so its memory is its own. RSS is sampled every 10 ms: the peak during the
 * operation and the level before it (the process with the app's modules loaded) are both reported, since the
 * tsx loader adds to this process what Electron's bundled main process does not have:
 * `node --import tsx bench/child.ts <op> <db> <workDir> [sheet.xlsx]`. Prints one JSON line.
 */
const [op, dbPath, workDir, sheet] = process.argv.slice(2) as [string, string, string, string | undefined];

/** RSS sampled while the operation runs: its peak and the level just before it started. */
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));

async function run(): Promise<void> {
  const timer = setInterval(sample, 10);
  const t0 = performance.now();
  let before = process.memoryUsage.rss();
  if (op.startsWith('floor-')) {
    const db = new Database(dbPath);
    if (op === 'floor-needs-export') await streamRowsFloor(db, NEEDS_FLOOR_SQL, path.join(workDir, 'floor-needs.xlsx'));
    if (op === 'floor-ledger-export')
      await streamRowsFloor(db, LEDGER_FLOOR_SQL, path.join(workDir, 'floor-ledger.xlsx'));
    if (op === 'floor-import') await importFloor(db, fs.readFileSync(sheet!));
    db.close();
  } else {
    const app = await openApp(dbPath, workDir);
    before = process.memoryUsage.rss();
    peak = before;
    if (op === 'needs.export') await app.call('needs.export', {});
    if (op === 'projects.exportProgress') await app.call('projects.exportProgress', {});
    if (op === 'import') {
      const p = await app.call('needs.importPreview', {
        fileName: path.basename(sheet!),
        dataBase64: fs.readFileSync(sheet!).toString('base64'),
      });
      await app.call('needs.importCommit', { previewId: p.previewId });
    }
    app.core.close();
  }
  sample();
  clearInterval(timer);
  const ms = performance.now() - t0;
  const mb = (b: number) => b / 2 ** 20;
  process.stdout.write(
    `${JSON.stringify({ ms, beforeMb: mb(before), peakMb: mb(peak), maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}

run().catch((e: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: e instanceof Error ? e.message : String(e) })}\n`);
  process.exitCode = 1;
});
