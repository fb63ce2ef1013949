import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { testCore, type TestCore } from '../helpers/core';
import { readWorkbook, sampleBuffer, snapshot, upload } from '../fixtures/unit-sheets';
import type { HandlerContext } from '../../electron/core/context';
import { directoryFileHandlers } from '../../electron/units/files';
import { todayIso } from '../../shared/domain/dates';

const DIRECTORY_HEADERS = [
  '序号',
  '共建单位',
  '单位类别',
  '党组织名称',
  '党组织书记',
  '联络员',
  '联系电话',
  '单位地址',
  '状态',
  '备注',
];
const ALLOCATION_HEADERS = [
  '序号',
  '共建单位',
  '单位类别',
  '党组织书记',
  '联络员',
  '联系电话',
  '结对社区',
  '签约日期',
  '共建期限',
  '备注',
  '党组织名称',
  '单位地址',
];

async function importFile(core: TestCore, file: string) {
  const preview = await core.call('units.importPreview', upload(path.basename(file), fs.readFileSync(file)));
  const result = await core.call('units.importCommit', { previewId: preview.previewId });
  return { preview, result };
}

async function importSample(core: TestCore) {
  const p = await core.call('units.importPreview', upload('a.xlsx', sampleBuffer()));
  await core.call('units.importCommit', { previewId: p.previewId });
}

async function exportBoth(core: TestCore) {
  const dir = await core.call('units.exportDirectory', {});
  const alloc = await core.call('pairings.exportAllocation', {});
  if (!dir.saved || !alloc.saved) throw new Error('not saved');
  return { dir: dir.path, alloc: alloc.path };
}

const rowValues = (ws: ExcelJS.Worksheet, r: number) =>
  (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1).map((v) => (v === undefined ? null : v));

describe('exports', () => {
  test('directory: title, headers, layout and file name', async () => {
    const core = await testCore();
    await core.call('settings.save', { streetName: '幸福街道', committeeName: '幸福街道大工委' });
    await importSample(core);
    const saved = await core.call('units.exportDirectory', {});
    expect(saved).toMatchObject({ saved: true, fileName: `共建单位名录-${todayIso().replace(/-/g, '')}.xlsx` });
    const ws = (await readWorkbook((saved as { path: string }).path)).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('幸福街道共建单位名录');
    expect(ws.model.merges).toContain('A1:J1');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(rowValues(ws, 2)).toEqual(DIRECTORY_HEADERS);
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect(ws.getCell('B2').border?.top?.style).toBe('thin');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.rowCount).toBe(2 + 29);
    // Phones are text, so a leading 0 survives and Excel shows no 1.38E+10.
    for (let r = 3; r <= ws.rowCount; r++) expect(typeof ws.getCell(r, 7).value).toBe('string');
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(16);
    const log = (await core.call('oplog.list', {})).rows[0]!;
    expect(log).toMatchObject({ action: 'export', entity: 'file', title: (saved as { fileName: string }).fileName });
  });

  test('without a street name the title is just 共建单位名录', async () => {
    const core = await testCore();
    await importSample(core);
    const saved = await core.call('units.exportDirectory', {});
    const ws = (await readWorkbook((saved as { path: string }).path)).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('共建单位名录');
  });

  test('allocation: headers, merged community blocks, real dates, year in the title', async () => {
    const core = await testCore();
    await core.call('settings.save', { streetName: '幸福街道', committeeName: '幸福街道大工委' });
    await importSample(core);
    const saved = await core.call('pairings.exportAllocation', {});
    expect(saved).toMatchObject({ saved: true, fileName: `共建单位分配表-${todayIso().replace(/-/g, '')}.xlsx` });
    const ws = (await readWorkbook((saved as { path: string }).path)).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`幸福街道区域化党建融合共建部门单位分配表（${todayIso().slice(0, 4)}年）`);
    expect(rowValues(ws, 2)).toEqual(ALLOCATION_HEADERS);
    // 8 communities, each a merged block in 结对社区 (column G), in name order.
    const blocks = ws.model.merges.filter((m) => m.startsWith('G'));
    expect(blocks).toHaveLength(8);
    const date = ws.getCell('H3');
    expect(date.value).toEqual(new Date(Date.UTC(2025, 6, 28)));
    expect(date.numFmt).toBe('yyyy"年"m"月"d"日"');
  });

  test('cancelling the save dialog saves nothing', async () => {
    const core = await testCore();
    // Only db and files are used by an export; the rest of the context is not needed here.
    const ctx = { db: core.db, files: { chooseSavePath: async () => null } } as unknown as HandlerContext;
    expect(await directoryFileHandlers['units.exportDirectory']({}, ctx)).toEqual({ saved: false });
    expect(fs.readdirSync(core.exportDir)).toEqual([]);
  });

  test('an existing file is never replaced: the second export is "(2)"', async () => {
    const core = await testCore();
    await importSample(core);
    const a = await core.call('units.exportDirectory', {});
    const b = await core.call('units.exportDirectory', {});
    expect(a.saved && b.saved && b.fileName).toBe(`共建单位名录-${todayIso().replace(/-/g, '')} (2).xlsx`);
    expect(fs.readdirSync(core.exportDir)).toHaveLength(2);
  });

  test('template: the allocation header, a 单位类别 dropdown on 500 rows, importing it empty is refused', async () => {
    const core = await testCore();
    const saved = await core.call('units.importTemplate', {});
    expect(saved).toMatchObject({ saved: true, fileName: '共建单位分配表-导入模板.xlsx' });
    const wb = await readWorkbook((saved as { path: string }).path);
    const ws = wb.worksheets[0]!;
    expect(rowValues(ws, 2)).toEqual(ALLOCATION_HEADERS);
    for (const addr of ['C3', 'C250', 'C502']) {
      expect(ws.getCell(addr).dataValidation).toMatchObject({
        type: 'list',
        formulae: [expect.stringContaining('机关,事业单位')],
      });
    }
    expect(ws.getCell('F3').numFmt).toBe('@');
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    const res = await core.raw(
      'units.importPreview',
      upload('模板.xlsx', fs.readFileSync((saved as { path: string }).path)),
    );
    expect(res).toMatchObject({ ok: false, code: 'IMPORT_FAILED' });
  });
});

describe('round trip: export → import', () => {
  test('sample → directory and allocation → each into a fresh database gives the same data', async () => {
    const a = await testCore();
    await importSample(a);
    const original = snapshot(a.db);
    const files = await exportBoth(a);

    const fromDirectory = await testCore();
    await importFile(fromDirectory, files.dir);
    expect(snapshot(fromDirectory.db).units).toEqual(original.units);

    const fromAllocation = await testCore();
    const { preview } = await importFile(fromAllocation, files.alloc);
    expect(preview.headerRow).toBe(2);
    expect(preview.counts).toMatchObject({ add: 29, error: 0, skip: 0 });
    expect(snapshot(fromAllocation.db)).toEqual(original);

    // Back into the database they came from: nothing to do.
    for (const file of [files.dir, files.alloc]) {
      const again = await a.call('units.importPreview', upload('x.xlsx', fs.readFileSync(file)));
      expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 29, skip: 0, error: 0, newCommunities: [] });
    }
  });

  test('every field survives, including notes with line breaks, status, term and formula-like text', async () => {
    const a = await testCore();
    await a.call('settings.save', { streetName: '幸福街道', committeeName: '幸福街道大工委' });
    await importSample(a);
    const community = (await a.call('communities.list', {}))[0]!;
    const tricky = ['=HYPERLINK("http://x","点我")', '+1', '-2 单位', '@SUM(A1)', "'=已有引号", "'普通引号"];
    for (const name of tricky) {
      const u = await a.call('units.save', {
        name,
        category: '其他',
        partyOrg: '=1+1',
        address: '\t制表符开头',
        notes: '-第一条\n=第二条',
        status: 'withdrawn',
      });
      await a.call('pairings.save', {
        unitId: u.id,
        communityId: community.id,
        signedOn: '2024-02-29',
        termYears: 3,
        notes: '+结对备注',
      });
    }
    // A unit without any pairing appears only in the directory.
    await a.call('units.save', {
      name: '未结对单位',
      category: '医院',
      phone: '010-12345678-123',
      notes: '多行\n备注',
    });
    const original = snapshot(a.db);
    const files = await exportBoth(a);

    // No exported cell is a formula, and formula-like text carries the guard apostrophe.
    for (const file of [files.dir, files.alloc]) {
      const ws = (await readWorkbook(file)).worksheets[0]!;
      const names: unknown[] = [];
      ws.eachRow((row, r) =>
        row.eachCell((cell, col) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (r > 2 && col === 2) names.push(cell.value);
        }),
      );
      expect(names).toContain('\'=HYPERLINK("http://x","点我")');
      expect(names).toContain("'+1");
      expect(names).toContain("''=已有引号");
      expect(names).toContain("'普通引号");
    }

    const b = await testCore();
    await importFile(b, files.dir);
    await importFile(b, files.alloc);
    expect(snapshot(b.db)).toEqual(original);

    for (const file of [files.dir, files.alloc]) {
      const again = await a.call('units.importPreview', upload('x.xlsx', fs.readFileSync(file)));
      expect(again.counts.update + again.counts.add + again.counts.error).toBe(0);
    }
  });
});
