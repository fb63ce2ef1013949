import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import { testCore, type TestCore } from '../helpers/core';
import { sampleBuffer, simpleSheet, snapshot, toBuffer, upload } from '../fixtures/unit-sheets';

/** Files that must be refused (or whose every row is refused) without touching what is already stored. */
describe('broken or wrong files', () => {
  let core: TestCore;
  let before: ReturnType<typeof snapshot>;
  beforeEach(async () => {
    core = await testCore();
    const p = await core.call('units.importPreview', upload('a.xlsx', sampleBuffer()));
    await core.call('units.importCommit', { previewId: p.previewId });
    before = snapshot(core.db);
  });

  async function refused(fileName: string, buf: Buffer, message: RegExp) {
    const res = await core.raw('units.importPreview', upload(fileName, buf));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.code).toBe('IMPORT_FAILED');
      expect(res.message).toMatch(message);
      // Chinese, and no stack trace or English library text.
      expect(res.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.message).not.toMatch(/Error|at |zip|JSZip|undefined/);
    }
    expect(snapshot(core.db)).toEqual(before);
  }

  test('a web page saved as .xlsx (an HTML table from a business system)', async () => {
    await refused(
      '名录.xlsx',
      Buffer.from('<html><body><table><tr><td>共建单位</td></tr></table></body></html>', 'utf8'),
      /网页格式的表格.*另存为/,
    );
  });

  test('an old .xls (OLE file) renamed to .xlsx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    await refused('分配表.xlsx', ole, /Excel 97-2003（\.xls）.*另存为/);
  });

  test('a truncated download', async () => {
    const whole = sampleBuffer();
    await refused('分配表.xlsx', whole.subarray(0, Math.floor(whole.length / 2)), /不完整或已损坏/);
  });

  test('a zip whose central directory is intact but whose content is garbage', async () => {
    const whole = Buffer.from(sampleBuffer());
    // Overwrite compressed data in the middle; the directory at the end still looks fine.
    whole.fill(0x41, 200, 2000);
    await refused('分配表.xlsx', whole, /无法读取|损坏/);
  });

  test('an empty file', async () => {
    await refused('空.xlsx', Buffer.alloc(0), /空文件/);
  });

  test('a PDF', async () => {
    await refused('分配表.xlsx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), /PDF/);
  });

  test('a workbook without a recognisable header row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['2025年工作安排']);
    ws.addRow(['一、加强组织建设']);
    ws.addRow(['二、开展共建活动']);
    await refused('安排.xlsx', await toBuffer(wb), /没有在「安排\.xlsx」中找到共建单位表的表头/);
  });

  test('a table with the wrong columns', async () => {
    const buf = await simpleSheet(['姓名', '性别', '出生年月', '手机'], [['张三', '男', '1980-01', '13800000000']]);
    await refused('党员名单.xlsx', buf, /找到共建单位表的表头/);
  });

  test('a header with no data under it', async () => {
    const buf = await simpleSheet(['序号', '共建单位', '单位类别', '结对社区'], [[1], [2], [3]]);
    await refused('空表.xlsx', buf, /表头（第1行）下面没有共建单位数据/);
  });

  test('a file whose every row is bad is previewed as errors and commits nothing', async () => {
    const buf = await simpleSheet(
      ['共建单位', '单位类别', '联系电话', '签约日期', '结对社区'],
      [
        ['新单位甲', '外资', '', '', '东风社区'],
        ['新单位乙', '机关', '123', '', '东风社区'],
        ['新单位丙', '机关', '', '去年', '新社区'],
        ['区税务局第二分局', '机关', '', '2025年13月1日', '东风社区'],
      ],
    );
    const preview = await core.call('units.importPreview', upload('坏.xlsx', buf));
    expect(preview.counts).toEqual({ add: 0, update: 0, unchanged: 0, skip: 0, error: 4, newCommunities: [] });
    for (const r of preview.rows) expect(r.messages[0]).toMatch(new RegExp(`^第${r.row}行「[^」]+」列：`));
    const result = await core.call('units.importCommit', { previewId: preview.previewId });
    expect(result).toEqual({
      unitsAdded: 0,
      unitsUpdated: 0,
      communitiesAdded: 0,
      pairingsAdded: 0,
      pairingsUpdated: 0,
    });
    expect(snapshot(core.db)).toEqual(before);
  });

  test('an upload over 20 MB is refused before it is decoded', async () => {
    const res = await core.raw('units.importPreview', { fileName: '大.xlsx', dataBase64: 'A'.repeat(27_990_000) });
    expect(res).toMatchObject({ ok: false, code: 'IMPORT_FAILED' });
    expect(!res.ok && res.message).toMatch(/超过20MB/);
  });
});
