import type { Database } from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { channelNames, type ChannelName } from '../../shared/contract';
import { testCore } from '../helpers/core';
import { hostileCorpus, IMPORT_TARGETS, sampleFiles, seeded, type HostileFile } from '../helpers/hostile-corpus';
import { upload } from '../fixtures/unit-sheets';

/**
 * Every importer's preview over broken, hostile and fuzzed files: each either reads the file or refuses
 * it with a Chinese message (never an internal error, never a hang), and nothing is ever written.
 * HOSTILE_FUZZ=2000 runs more mutations than the default 200.
 */

const FUZZ = Number(process.env.HOSTILE_FUZZ ?? 200);
/** A sanity bound, not a timing assertion: a hang shows up as a file taking this long. */
const PER_FILE_MS = 30_000;

const SAMPLE_CHANNEL: Record<string, ChannelName> = {
  共建单位分配表: 'units.importPreview',
  需求清单: 'needs.importPreview',
  资源清单: 'resources.importPreview',
  项目责任分解表: 'projects.importPreview',
};

function rowCounts(db: Database): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as {
    name: string;
  }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}

/** Sample workbooks with a few bytes overwritten, cut, or repeated: what a bad disk or a bad copy does. */
function fuzzed(n: number): (HostileFile & { channel: ChannelName })[] {
  const rand = seeded(4242);
  const samples = sampleFiles();
  return Array.from({ length: n }, (_, i) => {
    const sample = samples[i % samples.length]!;
    const data = Buffer.from(sample.data);
    const mode = i % 3;
    if (mode === 0) {
      for (let k = 1 + Math.floor(rand() * 16); k > 0; k--) data[Math.floor(rand() * data.length)] = (rand() * 256) | 0;
    } else if (mode === 1) {
      const at = Math.floor(rand() * data.length);
      data.fill((rand() * 256) | 0, at, Math.min(data.length, at + 1 + Math.floor(rand() * 512)));
    } else {
      const at = Math.floor(rand() * data.length);
      const len = Math.floor(rand() * 256);
      data.copy(data, at, Math.floor(rand() * data.length), Math.min(data.length, at + len));
    }
    const kind = Object.keys(SAMPLE_CHANNEL).find((k) => sample.name.includes(k))!;
    return { label: `变异#${i}`, fileName: sample.name, data, channel: SAMPLE_CHANNEL[kind]! };
  });
}

describe('hostile and fuzzed files', () => {
  test('each preview reads the file or refuses it in Chinese, and writes nothing', async () => {
    const core = await testCore();
    const seed = sampleFiles().find((f) => f.name.includes('共建单位'))!;
    const seeded = await core.call('units.importPreview', upload(seed.name, seed.data));
    await core.call('units.importCommit', { previewId: seeded.previewId });
    const before = rowCounts(core.db);

    const importers = IMPORT_TARGETS.map((t) => t.channel as ChannelName).filter((c) => channelNames.includes(c));
    const cases = [
      ...(await hostileCorpus()).flatMap((f) => importers.map((channel) => ({ ...f, channel }))),
      ...fuzzed(FUZZ),
    ];
    const outcomes = { read: 0, refused: 0, rowErrors: 0 };
    const failures: string[] = [];
    for (const c of cases) {
      const started = Date.now();
      const res = await core.raw(c.channel, upload(c.fileName, c.data));
      const took = Date.now() - started;
      if (took > PER_FILE_MS) failures.push(`${c.label} → ${c.channel}: ${took} ms`);
      if (res.ok) {
        outcomes.read++;
        const counts = (res.value as { counts: { error: number } }).counts;
        if (counts.error > 0) outcomes.rowErrors++;
      } else {
        outcomes.refused++;
        if (
          res.code === 'INTERNAL' ||
          !/[\u4e00-\u9fa5]/.test(res.message) ||
          /Error|undefined|JSZip/.test(res.message)
        )
          failures.push(`${c.label} → ${c.channel}: ${res.code} ${res.message.slice(0, 200)}`);
      }
    }
    console.log(
      `hostile-files: ${cases.length} previews (${cases.length - FUZZ} corpus over ${importers.length} importers + ${FUZZ} fuzzed): ` +
        `${outcomes.read} read (${outcomes.rowErrors} with row errors), ${outcomes.refused} refused with a Chinese message, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    // The only write: the first preview starts the backup an import needs (数据备份's catalogue gains its row);
    // the later ones find it still holds the current data and start none.
    const { backups, ...after } = rowCounts(core.db);
    const { backups: backupsBefore, ...beforeData } = before;
    expect(after).toEqual(beforeData);
    expect(backups).toBe(backupsBefore! + 1);
  }, 900_000);
});
