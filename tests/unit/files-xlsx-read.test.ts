import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { excelSerialToIso, numberText, valueDate, valueText } from '../../electron/files/cell-values';
import { guardFormulaText, unguardFormulaText } from '../../electron/files/formula-guard';
import { findHeaderRow, normaliseHeader, type HeaderField } from '../../electron/files/sheet-header';
import { loadXlsx } from '../../electron/files/xlsx-read';
import { inspectZip } from '../../electron/files/zip-check';
import { sampleBuffer, toBuffer } from '../fixtures/unit-sheets';

describe('cell values', () => {
  test('Excel serial dates in both date systems', () => {
    expect(excelSerialToIso(45866)).toBe('2025-07-28');
    expect(excelSerialToIso(45866.75)).toBe('2025-07-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(44404, true)).toBe('2025-07-28');
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(-5)).toBeNull();
    expect(excelSerialToIso(3e6)).toBeNull();
  });

  test.each<[ExcelJS.CellValue, string | null]>([
    [new Date(Date.UTC(2025, 6, 28)), '2025-07-28'],
    [new Date(Date.UTC(2025, 6, 28, 23, 59, 59)), '2025-07-28'],
    [45866, '2025-07-28'],
    [20250728, '2025-07-28'],
    ['2025年7月28日', '2025-07-28'],
    ['2025.7.28', '2025-07-28'],
    ['2025/07/28', '2025-07-28'],
    ['２０２５年７月２８日', '2025-07-28'],
    [' 2025 年 7 月 28 日 ', '2025-07-28'],
    ['2025-07-28 00:00:00', '2025-07-28'],
    [{ formula: 'DATE(2025,7,28)', result: new Date(Date.UTC(2025, 6, 28)) } as ExcelJS.CellValue, '2025-07-28'],
    ['2025年2月30日', null],
    ['去年', null],
  ])('date %j → %j', (value, iso) => {
    expect(valueDate(value)).toBe(iso);
  });

  test('text of every kind of cell', () => {
    expect(valueText(null)).toBe('');
    expect(valueText(13800138000)).toBe('13800138000');
    expect(valueText(0.1 + 0.2)).toBe('0.3');
    expect(valueText(true)).toBe('TRUE');
    expect(valueText({ richText: [{ text: '宏达' }, { text: '物业', font: { bold: true } }] })).toBe('宏达物业');
    expect(valueText({ formula: 'A1&"局"', result: '税务局' } as ExcelJS.CellValue)).toBe('税务局');
    expect(valueText({ sharedFormula: 'A2', result: 7 } as ExcelJS.CellValue)).toBe('7');
    expect(valueText({ formula: 'A1' } as ExcelJS.CellValue)).toBe('');
    expect(valueText({ text: '官网', hyperlink: 'http://x' })).toBe('官网');
    expect(valueText({ error: '#N/A' } as ExcelJS.CellValue)).toBe('');
    expect(valueText("'=1+1")).toBe('=1+1');
    expect(numberText(1e21)).toBe('1e+21');
  });
});

describe('formula guard', () => {
  test.each(['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "'=x", "''+x", "'abc", 'abc', '', "'"])(
    '%j survives export → import unchanged',
    (text) => {
      const written = guardFormulaText(text);
      expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
      expect(unguardFormulaText(written)).toBe(text);
    },
  );
});

describe('header detection', () => {
  type K = 'name' | 'phone' | 'community';
  const fields: HeaderField<K>[] = [
    { key: 'name', label: '共建单位', aliases: ['单位名称', '单位'] },
    { key: 'phone', label: '联系电话', aliases: ['联系方式', '电话'] },
    { key: 'community', label: '结对社区', aliases: ['社区'] },
  ];

  test('normalises spacing, width, marks and hints', () => {
    expect(normaliseHeader(' *联系\n电话： ')).toBe('联系电话');
    expect(normaliseHeader('ＮＯ．')).toBe('no.');
  });

  test('skips title lines and picks the row with the most known headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = '共建单位分配表';
    ws.mergeCells('A1:D1');
    ws.getCell('A2').value = '单位：街道党建办';
    ws.getRow(4).values = ['社区', '备注', '单位名称（全称）', '联系方式', '电话'];
    const loaded = await loadXlsx('t.xlsx', await toBuffer(wb));
    const m = findHeaderRow(loaded.worksheets[0]!, fields, { required: ['name'], minFields: 2 })!;
    expect(m.row).toBe(4);
    expect([...m.colOf]).toEqual([
      ['community', 1],
      ['name', 3],
      ['phone', 4],
    ]);
    // The second phone column is listed but not imported.
    expect(m.columns.find((c) => c.col === 5)).toEqual({ col: 5, header: '电话', field: null });
    expect(m.columns.find((c) => c.col === 2)?.field).toBeNull();
  });

  test('no row qualifies → null', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['姓名', '电话']);
    const loaded = await loadXlsx('t.xlsx', await toBuffer(wb));
    expect(findHeaderRow(loaded.worksheets[0]!, fields, { required: ['name'], minFields: 2 })).toBeNull();
  });
});

describe('zip check', () => {
  test('lists a real xlsx and spots truncation', () => {
    const buf = sampleBuffer();
    const ok = inspectZip(buf);
    expect(ok.ok && ok.listing.names).toContain('xl/workbook.xml');
    expect(inspectZip(buf.subarray(0, buf.length - 30))).toMatchObject({ ok: false, reason: 'truncated' });
    expect(inspectZip(Buffer.from('hello'))).toMatchObject({ ok: false, reason: 'not-zip' });
  });

  test('a zip bomb is refused before unpacking', async () => {
    const buf = Buffer.from(sampleBuffer());
    const check = inspectZip(buf);
    if (!check.ok) throw new Error('sample should be a zip');
    // Claim a 300 MB uncompressed size in the first central directory entry.
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const dirOffset = buf.readUInt32LE(eocd + 16);
    buf.writeUInt32LE(300 * 1024 * 1024, dirOffset + 24);
    await expect(loadXlsx('炸弹.xlsx', buf)).rejects.toThrow(/解压后超过200MB/);
  });
});
