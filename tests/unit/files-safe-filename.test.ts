import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../helpers/core';
import { numberedName, sanitizeFileName, writeNewFile } from '../../electron/files/safe-filename';

describe('sanitizeFileName', () => {
  test.each([
    ['共建单位名录-20261121.xlsx', '共建单位名录-20261121.xlsx'],
    ['a<b>c:d"e/f\\g|h?i*j.xlsx', 'a_b_c_d_e_f_g_h_i_j.xlsx'],
    ['名录\u0000\u0007\n.xlsx', '名录___.xlsx'],
    ['CON.xlsx', '_CON.xlsx'],
    ['nul', '_nul'],
    ['com1.backup.xlsx', '_com1.backup.xlsx'],
    ['LPT9', '_LPT9'],
    ['CONSOLE.xlsx', 'CONSOLE.xlsx'],
    ['名录. . .xlsx', '名录.xlsx'],
    ['名录...', '名录'],
    ['   ', '导出文件'],
    ['.xlsx', '导出文件.xlsx'],
    ['第1.5版说明', '第1.5版说明'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  test('control characters become underscores', () => {
    expect(sanitizeFileName('a\u0001b\u001fc.xlsx')).toBe('a_b_c.xlsx');
  });

  test('long Chinese names are cut to fit ext4 (255 bytes) and Windows, keeping the extension', () => {
    const long = `${'区域化党建融合共建部门单位分配表'.repeat(20)}.xlsx`;
    const out = sanitizeFileName(long);
    expect(out.endsWith('.xlsx')).toBe(true);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(200);
    expect([...out].length).toBeLessThanOrEqual(120);
  });

  test('a surrogate pair is never split', () => {
    const out = sanitizeFileName(`${'𠀀'.repeat(100)}.xlsx`);
    expect(out).toMatch(/^(𠀀)+\.xlsx$/u);
  });
});

describe('writeNewFile', () => {
  test('never replaces an existing file: adds (2), (3)…', () => {
    const dir = tempDir();
    const target = path.join(dir, '名录.xlsx');
    expect(numberedName('名录.xlsx', 2)).toBe('名录 (2).xlsx');
    expect(writeNewFile(target, Buffer.from('one'))).toBe(target);
    expect(writeNewFile(target, Buffer.from('two'))).toBe(path.join(dir, '名录 (2).xlsx'));
    expect(writeNewFile(target, Buffer.from('three'))).toBe(path.join(dir, '名录 (3).xlsx'));
    expect(fs.readFileSync(target, 'utf8')).toBe('one');
    expect(fs.readFileSync(path.join(dir, '名录 (3).xlsx'), 'utf8')).toBe('three');
  });

  test('a missing folder is an error, not a silent success', () => {
    const dir = tempDir();
    expect(() => writeNewFile(path.join(dir, 'no', 'x.xlsx'), Buffer.from('x'))).toThrow();
  });
});
