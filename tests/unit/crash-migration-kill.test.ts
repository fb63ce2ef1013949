import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackupFileName, PART_SUFFIX } from '../../electron/backup/naming';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { bundleWriter, removeBundle, sleep, startWriter } from '../crash/child';
import { slowStep } from '../crash/slow-migration';
import { seeded } from '../helpers/hostile-corpus';
import { tempDir } from '../helpers/core';

/**
 * A migration killed at a random point (SIGKILL, like a power cut or the clerk ending the task) leaves the
 * database at the old version or the new one, never in between, and a pre-migration backup, when one was
 * written, is a complete, valid copy of the old version.
 */

const CYCLES = 32;
const BULK_ROWS = 60_000;
const OLD = LATEST_SCHEMA_VERSION;
const NEW = LATEST_SCHEMA_VERSION + 1;
const UNITS = ['区税务局', '区司法所', '区人社局'];

let child: string;
let template: string;

beforeAll(async () => {
  child = await bundleWriter('tests/crash/migrate-child.ts');
  template = path.join(tempDir('dgw-migkill-'), 'template.sqlite');
  const { db } = await openDatabase(template);
  const add = db.prepare("INSERT INTO units (name, name_key, category) VALUES (?, ?, '机关')");
  for (const u of UNITS) add.run(u, u);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
});
afterAll(() => removeBundle(child));

/** What a reopen finds: exactly the old state or exactly the new one. */
function checkDatabase(file: string): 'old' | 'new' {
  const db = new Database(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const version = db.pragma('user_version', { simple: true });
    const hasBulk = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'bulk'").get() as { n: number };
    const cols = (db.prepare('PRAGMA table_info(units)').all() as { name: string }[]).map((c) => c.name);
    expect(db.prepare('SELECT name FROM units ORDER BY id').pluck().all()).toEqual(UNITS);
    if (version === OLD) {
      expect(hasBulk.n).toBe(0);
      expect(cols).not.toContain('migrated_note');
      return 'old';
    }
    expect(version).toBe(NEW);
    expect(db.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(BULK_ROWS);
    expect(db.prepare("SELECT count(*) FROM units WHERE migrated_note = '已迁移'").pluck().get()).toBe(UNITS.length);
    return 'new';
  } finally {
    db.close();
  }
}

/** Every finished backup in the folder is a whole copy of the old version; unfinished ones are marked .part. */
function checkBackups(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let valid = 0;
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith(PART_SUFFIX) || name.includes(`${PART_SUFFIX}-`)) continue;
    if (!name.endsWith('.sqlite')) continue;
    expect(parseBackupFileName('data', name)?.schemaVersion).toBe(OLD);
    const db = new Database(path.join(dir, name), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('user_version', { simple: true })).toBe(OLD);
    expect(db.prepare('SELECT name FROM units ORDER BY id').pluck().all()).toEqual(UNITS);
    db.close();
    valid++;
  }
  return valid;
}

function freshCopy(): { file: string; backups: string } {
  const dir = tempDir('dgw-migkill-');
  const file = path.join(dir, 'data.sqlite');
  fs.copyFileSync(template, file);
  return { file, backups: path.join(dir, 'backups') };
}

describe('a migration killed midway', () => {
  it(`leaves the old or the new version and a valid pre-migration backup (${CYCLES} kills)`, async () => {
    // One uninterrupted run shows how long opening takes here, so the kills spread over all of it.
    const whole = freshCopy();
    const run = startWriter(child, [whole.file, whole.backups, String(BULK_ROWS)]);
    await run.nextLine((l) => l === 'opening');
    const started = Date.now();
    await run.nextLine((l) => l.startsWith('done'));
    const span = Date.now() - started;
    await run.exited;
    expect(checkDatabase(whole.file)).toBe('new');
    expect(checkBackups(whole.backups)).toBe(1);

    const rand = seeded(7);
    const outcome = { old: 0, new: 0, backups: 0, reopened: 0 };
    for (let i = 0; i < CYCLES; i++) {
      const { file, backups } = freshCopy();
      const w = startWriter(child, [file, backups, String(BULK_ROWS)]);
      await w.nextLine((l) => l === 'opening');
      await sleep(Math.floor(rand() * span * 1.1));
      w.child.kill('SIGKILL');
      await w.exited;
      outcome[checkDatabase(file)]++;
      outcome.backups += checkBackups(backups);
      if (i % 8 === 0) {
        // Started again, the app finishes the job.
        const { db } = await openDatabase(file, {
          backupDir: backups,
          migrations: [...migrations, slowStep(BULK_ROWS)],
        });
        db.close();
        expect(checkDatabase(file)).toBe('new');
        outcome.reopened++;
      }
    }
    console.log(
      `crash-migration-kill: ${CYCLES} kills over a ${span} ms migration: ${outcome.old} old, ${outcome.new} new, ` +
        `${outcome.backups} valid pre-migration backups, ${outcome.reopened} reopened to completion`,
    );
    expect(outcome.old + outcome.new).toBe(CYCLES);
  }, 120_000);
});
