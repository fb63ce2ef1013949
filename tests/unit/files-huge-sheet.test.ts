import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TABLE_ROWS } from '../../electron/files/table-rows';
import { MAX_DATA_ROWS } from '../../electron/units/import/read-sheet';
import { bundleWriter, removeBundle, startWriter } from '../crash/child';
import { tempDir } from '../helpers/core';

/**
 * A 100,000-row sheet is refused from its raw XML before exceljs builds it, so time and memory stay
 * bounded; a 10,000-row 需求清单 (the benchmark's size) still reads. Memory is measured in a child process.
 */

const HUGE = 100_000;
/** Generous bounds: they catch a parse that runs away, not a slow machine. */
const MAX_RSS_MB = 1536;
const MAX_MS = 60_000;

let child: string;
let dir: string;

async function writeSheet(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('需求');
  ws.addRow(['序号', '社区', '需求名称', '需求内容', '类别', '提出日期']).commit();
  for (let i = 1; i <= rows; i++) {
    ws.addRow([i, '东风社区', `需求${i}`, `为第${i}户居民维修${'水管'.repeat(5)}`, '生活服务', '2025-07-28']).commit();
  }
  await wb.commit();
}

function csvOf(rows: number): Buffer {
  const lines = ['序号,社区,需求名称,类别'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},东风社区,需求${i},生活服务`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function readInChild(file: string, maxRows: number) {
  const run = startWriter(child, [file, String(maxRows)]);
  const line = await run.nextLine((l) => l.startsWith('{'));
  await run.exited;
  return JSON.parse(line) as { ok: boolean; message?: string; ms: number; maxRssMb: number };
}

beforeAll(async () => {
  child = await bundleWriter('tests/crash/big-sheet-child.ts');
  dir = tempDir('dgw-huge-');
});
afterAll(() => removeBundle(child));

describe('a sheet far larger than an import takes', () => {
  it('is refused early, with the row count and the limit, in bounded time and memory', async () => {
    const file = path.join(dir, '全年需求.xlsx');
    await writeSheet(file, HUGE);
    const lists = await readInChild(file, MAX_TABLE_ROWS);
    const units = await readInChild(file, MAX_DATA_ROWS);
    console.log(
      `files-huge-sheet: ${HUGE} rows (${(fs.statSync(file).size / 1e6).toFixed(1)} MB): refused in ${lists.ms} ms, peak RSS ${lists.maxRssMb} MB`,
    );
    expect(lists).toMatchObject({ ok: false });
    expect(lists.message).toBe(
      `「全年需求.xlsx」的「需求」工作表有${HUGE + 1}行，超过单次导入上限${MAX_TABLE_ROWS}行，请拆分成几个文件后分别导入`,
    );
    expect(units.message).toContain(`超过单次导入上限${MAX_DATA_ROWS}行`);
    for (const r of [lists, units]) {
      expect(r.maxRssMb).toBeLessThan(MAX_RSS_MB);
      expect(r.ms).toBeLessThan(MAX_MS);
    }
  }, 180_000);

  it('refuses a huge CSV the same way', async () => {
    const file = path.join(dir, '全年需求.csv');
    fs.writeFileSync(file, csvOf(HUGE));
    const r = await readInChild(file, MAX_TABLE_ROWS);
    console.log(`files-huge-sheet: ${HUGE}-row CSV refused in ${r.ms} ms, peak RSS ${r.maxRssMb} MB`);
    expect(r.message).toBe(
      `「全年需求.csv」有${HUGE + 1}行，超过单次导入上限${MAX_TABLE_ROWS}行，请拆分成几个文件后分别导入`,
    );
    expect(r.maxRssMb).toBeLessThan(MAX_RSS_MB);

    // 3 million tiny lines (12 MB, under the upload cap): parsing stops at the limit instead of building them all.
    const tiny = path.join(dir, '小行.csv');
    fs.writeFileSync(tiny, '1,a\n'.repeat(3_000_000));
    const t = await readInChild(tiny, MAX_TABLE_ROWS);
    console.log(`files-huge-sheet: 3000000-line CSV refused in ${t.ms} ms, peak RSS ${t.maxRssMb} MB`);
    expect(t.message).toContain('有3000000行，超过单次导入上限');
    expect(t.maxRssMb).toBeLessThan(MAX_RSS_MB);
  }, 60_000);

  it('still reads a 10,000-row 需求清单 (the benchmark size)', async () => {
    const file = path.join(dir, '一万条需求.xlsx');
    await writeSheet(file, 10_000);
    const r = await readInChild(file, MAX_TABLE_ROWS);
    console.log(`files-huge-sheet: 10000-row sheet read in ${r.ms} ms, peak RSS ${r.maxRssMb} MB`);
    expect(r).toMatchObject({ ok: true, sheets: 1 });
    expect(r.maxRssMb).toBeLessThan(MAX_RSS_MB);
  }, 120_000);
});
