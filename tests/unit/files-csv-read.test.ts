import { describe, expect, test } from 'vitest';
import { decodeCsv, parseCsv } from '../../electron/files/csv-read';
import { gb18030, sheetBuffer } from '../helpers/hostile-corpus';
import { testCore } from '../helpers/core';
import { snapshot, upload } from '../fixtures/unit-sheets';

/** CSV as Excel and WPS save it on Chinese Windows, and cell values that must arrive as typed. */

const text = '社区,共建单位,单位类别\r\n东风社区,区税务局,机关\r\n';

describe('decoding a CSV', () => {
  test.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.from(`\ufeff${text}`, 'utf8')],
    ['UTF-16LE with BOM', Buffer.from(`\ufeff${text}`, 'utf16le')],
    ['UTF-16BE with BOM', Buffer.from(`\ufeff${text}`, 'utf16le').swap16()],
    ['GB18030 (GBK)', gb18030(text)],
  ])('%s', (_label, buf) => {
    expect(decodeCsv('a.csv', buf)).toBe(text);
  });

  test('keeps characters outside the BMP (𠮷) in every encoding', () => {
    const rare = '𠮷野家,𩸽\r\n';
    expect(decodeCsv('a.csv', gb18030(rare))).toBe(rare);
    expect(decodeCsv('a.csv', Buffer.from(rare, 'utf8'))).toBe(rare);
  });

  test('a file that is neither UTF-8 nor GB18030 is refused with a clear message', () => {
    expect(() => decodeCsv('乱码.csv', Buffer.from([0x41, 0x2c, 0xff, 0xff, 0x80, 0x0a]))).toThrow(
      /无法识别「乱码\.csv」的文字编码/,
    );
  });
});

describe('parsing a CSV', () => {
  test('quotes, embedded commas, doubled quotes, line breaks, CRLF and a trailing empty line', () => {
    const csv = '名称,备注\r\n"区税务局,第二分局","他说""好""\r\n第二行"\r\n区司法所,\r\n\r\n';
    expect(parseCsv('a.csv', csv)).toEqual([
      ['名称', '备注'],
      ['区税务局,第二分局', '他说"好"\r\n第二行'],
      ['区司法所', ''],
      [''],
    ]);
  });

  test('tab- and semicolon-separated files', () => {
    expect(parseCsv('a.csv', '社区\t共建单位\n东风社区\t区税务局,第二分局\n')).toEqual([
      ['社区', '共建单位'],
      ['东风社区', '区税务局,第二分局'],
    ]);
    expect(parseCsv('a.csv', '社区;共建单位\n东风社区;区税务局\n')).toEqual([
      ['社区', '共建单位'],
      ['东风社区', '区税务局'],
    ]);
  });

  test('a quote left open is refused, naming the line where it began', () => {
    expect(() => parseCsv('坏.csv', '名称,备注\n区税务局,"没有结束\n区司法所,1\n')).toThrow(
      /「坏\.csv」第2行有一个引号（"）没有配对/,
    );
  });
});

describe('importing CSV and hostile values into the directory', () => {
  test('a GB18030 CSV imports with rare characters, SQL- and HTML-looking text stored as typed', async () => {
    const core = await testCore();
    const rows = [
      '社区,共建单位,单位类别,联系电话,签约日期,备注',
      '东风社区,𠮷野家餐饮,非公企业,0571-86001234,2025/7/28,"<script>alert(1)</script>"',
      `东风社区,"区税务局'); DROP TABLE units; --",机关,,2025年7月28日,=1+1`,
      '东风社区,45866,机关,,,45866',
    ];
    const preview = await core.call('units.importPreview', upload('名录.csv', gb18030(rows.join('\r\n'))));
    expect(preview.sheetName).toBe('名录.csv');
    expect(preview.counts).toMatchObject({ add: 3, error: 0 });
    await core.call('units.importCommit', { previewId: preview.previewId });
    const units = core.db
      .prepare('SELECT u.name, u.phone, p.notes FROM units u JOIN pairings p ON p.unit_id = u.id ORDER BY u.id')
      .all();
    expect(units).toEqual([
      { name: '𠮷野家餐饮', phone: '0571-86001234', notes: '<script>alert(1)</script>' },
      { name: "区税务局'); DROP TABLE units; --", phone: '', notes: '=1+1' },
      // A number in a text column stays the text typed, not a date.
      { name: '45866', phone: '', notes: '45866' },
    ]);
    expect(
      core.db.prepare('SELECT DISTINCT signed_on FROM pairings WHERE signed_on IS NOT NULL').pluck().all(),
    ).toEqual(['2025-07-28']);
  });

  test('in an xlsx, a serial number is a date only in a date column; controls are dropped', async () => {
    const core = await testCore();
    const buf = await sheetBuffer([
      ['社区', '共建单位', '单位类别', '签约日期', '备注'],
      ['东风社区', 45866, '机关', 45866, 45866],
      ['东风社区', '区司法所\u0007\u001b', '机关', '', '第一行\n第二行\u0001'],
    ]);
    const preview = await core.call('units.importPreview', upload('名录.xlsx', buf));
    expect(preview.counts).toMatchObject({ add: 2, error: 0 });
    await core.call('units.importCommit', { previewId: preview.previewId });
    expect(
      core.db.prepare('SELECT u.name, p.notes FROM units u JOIN pairings p ON p.unit_id = u.id ORDER BY u.id').all(),
    ).toEqual([
      { name: '45866', notes: '45866' },
      { name: '区司法所', notes: '第一行\n第二行' },
    ]);
    expect(core.db.prepare('SELECT signed_on FROM pairings ORDER BY id').pluck().all()).toEqual(['2025-07-28', null]);
  });

  test('a 1 MB cell and an impossible date are row errors naming the column, and nothing is written', async () => {
    const core = await testCore();
    const before = snapshot(core.db);
    const buf = await sheetBuffer([
      ['社区', '共建单位', '单位类别', '签约日期', '备注'],
      ['东风社区', '区税务局', '机关', '', '长'.repeat(1024 * 1024)],
      ['东风社区', '区司法所', '机关', '2025年2月30日', ''],
    ]);
    const preview = await core.call('units.importPreview', upload('名录.xlsx', buf));
    expect(preview.counts).toMatchObject({ add: 0, error: 2 });
    expect(preview.rows[0]!.messages.join()).toMatch(/第2行「备注」列：备注不能超过\d+个字/);
    expect(preview.rows[1]!.messages.join()).toMatch(/第3行「签约日期」列：/);
    await core.call('units.importCommit', { previewId: preview.previewId });
    expect(snapshot(core.db)).toEqual(before);
  });
});
