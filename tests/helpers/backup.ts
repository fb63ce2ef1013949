import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ChannelName, Input, Output } from '../../shared/contract';
import { createAppCore, type AppCore } from '../../electron/app-core';
import type { FilePorts } from '../../electron/core/context';
import { tempDir } from './core';

/** A settable clock for backups on a fake calendar. */
export function fakeClock(startIso: string) {
  let t = new Date(startIso).getTime();
  return {
    now: () => new Date(t),
    set: (iso: string) => void (t = new Date(iso).getTime()),
    advanceDays: (d: number) => void (t += d * 86_400_000),
    advanceMs: (ms: number) => void (t += ms),
  };
}

const open: AppCore[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

export interface BackupTestCore extends AppCore {
  dir: string;
  dbPath: string;
  exportDir: string;
  call<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>>;
  raw(channel: string, input: unknown): ReturnType<AppCore['dispatch']>;
}

/** An app core like testCore(), with the clock, the file ports and the data folder under the test's control. */
export async function backupCore(
  opts: { dbPath?: string; now?: () => Date; files?: FilePorts; backupDir?: string } = {},
): Promise<BackupTestCore> {
  const dbPath = opts.dbPath ?? path.join(tempDir('dgw-backup-'), 'dagongwei.sqlite');
  const dir = path.dirname(dbPath);
  const exportDir = path.join(dir, 'exports');
  fs.mkdirSync(exportDir, { recursive: true });
  const core = await createAppCore({
    dbPath,
    shell: 'web',
    appVersion: 'test',
    validateOutput: true,
    now: opts.now,
    backupDir: opts.backupDir,
    files: opts.files ?? { chooseSavePath: async (name) => path.join(exportDir, name) },
  });
  open.push(core);
  return {
    ...core, // core.db is a forwarding handle, so the copy follows a restore too
    dir,
    dbPath,
    exportDir,
    raw: (channel, input) => core.dispatch(channel, input),
    async call(channel, input) {
      const res = await core.dispatch(channel, input);
      if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
      return res.value as never;
    },
  };
}

/** Some directory data through the real channels: n units, each paired with one community. */
export async function seed(core: BackupTestCore, n: number, prefix = '单位') {
  await core.call('settings.save', { streetName: '东湖街道', committeeName: '东湖街道大工委' });
  const community = await core.call('communities.save', { name: `${prefix}社区`, grids: ['一网格'] });
  for (let i = 1; i <= n; i++) {
    const unit = await core.call('units.save', { name: `${prefix}${i}`, category: '机关' });
    await core.call('pairings.save', { unitId: unit.id, communityId: community.id });
  }
}

export const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export function readOnly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** XORs bytes at the start of a b-tree page in the middle of the file: structure damage SQLite's checks see. */
export function damagePageInMiddle(file: string, pageSize = 4096): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const pages = Math.floor(fs.fstatSync(fd).size / pageSize);
    const at = Math.floor(pages / 2) * pageSize;
    const buf = Buffer.alloc(12);
    fs.readSync(fd, buf, 0, buf.length, at);
    for (let i = 0; i < buf.length; i++) buf[i] = buf[i]! ^ 0xa5;
    fs.writeSync(fd, buf, 0, buf.length, at);
  } finally {
    fs.closeSync(fd);
  }
}
