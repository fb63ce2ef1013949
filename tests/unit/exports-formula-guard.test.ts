import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SavedFile } from '../../shared/contract/common';
import { channelNames, contract, type ChannelName } from '../../shared/contract';
import { testCore } from '../helpers/core';
import { sheetBuffer } from '../helpers/hostile-corpus';
import { upload } from '../fixtures/unit-sheets';

/**
 * Every spreadsheet the app writes neutralises formula-looking text: records whose text starts with
 * = + - @ are exported as literal text with the leading apostrophe, and no exported cell is a formula.
 */

const YEAR = new Date().getFullYear();

/** The export channels that write .xlsx, with an input that exports everything seeded below. */
const XLSX_EXPORTS: Partial<Record<ChannelName, unknown>> = {
  'units.exportDirectory': {},
  'pairings.exportAllocation': {},
  'units.importTemplate': {},
  'needs.export': { fullContacts: true },
  'needs.importTemplate': {},
  'resources.export': {},
  'resources.importTemplate': {},
  'projects.exportBreakdown': {},
  'projects.exportProgress': {},
  'projects.importTemplate': {},
  'members.importTemplate': {},
  'service.importTemplate': {},
  'oplog.export': {},
  'supervision.export': {},
  'evaluation.exportRanking': { year: YEAR },
  'members.exportRoster': { year: YEAR, fullPhones: true },
  'meetings.exportSignInXlsx': 'meeting',
  'meetings.exportAttendance': {},
};
/** SavedFile channels that write no spreadsheet (Word, PDF, PNG, backup package, an attachment's own bytes). */
const OTHER_FILES = new Set<string>([
  'attachments.saveCopy',
  'backup.exportPackage',
  'dashboard.savePng',
  'dashboard.exportYearReport',
  'evaluation.exportNotice',
  'projects.exportDualReport',
  'meetings.exportNotice',
  'meetings.exportSignInDocx',
  'meetings.exportMinutesDocx',
  'meetings.exportMinutesPdf',
  'members.exportRecordDocx',
]);

/**
 * Exports with nothing seeded to show: the blank templates, 督办事项 (they come from meeting decisions) and
 * attendance (counted for held meetings only); they are still checked for live formulas.
 */
const EMPTY_HERE = new Set<string>([
  'units.importTemplate',
  'needs.importTemplate',
  'resources.importTemplate',
  'projects.importTemplate',
  'members.importTemplate',
  'service.importTemplate',
  'supervision.export',
  'meetings.exportAttendance',
]);

const FORMULA_START = /^[=+\-@]/;

async function seed(core: Awaited<ReturnType<typeof testCore>>) {
  const units = await sheetBuffer([
    ['社区', '共建单位', '单位类别', '联络员', '签约日期', '备注'],
    ['=东风社区', '=区税务局', '机关', '+张三', '2025-07-28', '@备注'],
    ['=东风社区', '-区司法所', '机关', '@李四', '2025-07-28', '=HYPERLINK("http://x","点我")'],
  ]);
  const p = await core.call('units.importPreview', upload('名录.xlsx', units));
  await core.call('units.importCommit', { previewId: p.previewId });
  const lists: [string, ExcelJS.CellValue[][]][] = [
    [
      'needs',
      [
        ['社区', '需求名称', '需求内容', '类别', '提出日期', '联系人'],
        ['=东风社区', '=SUM(A1:A9)', '+需求内容', '养老', '2025-07-28', '@王五'],
      ],
    ],
    [
      'resources',
      [
        ['提供单位', '资源类型', '资源名称', '资源内容'],
        ['=区税务局', '场地', '=资源', '-资源内容'],
      ],
    ],
    [
      'projects',
      [
        ['年度', '项目名称', '责任单位', '主要内容', '完成时限'],
        [YEAR, '=项目', '-区司法所', '@主要内容', `${YEAR}-12-31`],
      ],
    ],
  ];
  if (channelNames.includes('members.importPreview'))
    lists.push([
      'members',
      [
        ['姓名', '工作单位', '报到社区', '备注'],
        ['=赵六', '=区税务局', '=东风社区', '+备注'],
      ],
    ]);
  for (const [area, rows] of lists) {
    const preview = (await core.call(
      `${area}.importPreview` as 'needs.importPreview',
      upload(`${area}.xlsx`, await sheetBuffer(rows)),
    )) as {
      previewId: string;
      counts: { add: number };
      rows: { messages: string[] }[];
    };
    expect(preview.counts.add, `${area}: ${preview.rows.flatMap((r) => r.messages).join('；')}`).toBe(1);
    await core.call(`${area}.importCommit` as 'needs.importCommit', { previewId: preview.previewId, choices: [] });
  }
  const meeting = await core.call('meetings.create', {
    kind: '大工委联席会议',
    title: '=会议',
    heldOn: `${YEAR}-03-01`,
    place: '+会议室',
    invitees: (core.db.prepare('SELECT id FROM units ORDER BY id').pluck().all() as number[]).map((unitId) => ({
      unitId,
      delegate: '=参会人',
    })),
  });
  return { meetingId: (meeting as { id: number }).id };
}

async function cellsOf(file: string): Promise<ExcelJS.Cell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const cells: ExcelJS.Cell[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
  return cells;
}

describe('formula injection in exports', () => {
  test('every spreadsheet export channel is covered here', () => {
    const saved = channelNames.filter((c) => contract[c].output === SavedFile);
    const unknown = saved.filter((c) => !(c in XLSX_EXPORTS) && !OTHER_FILES.has(c));
    expect(unknown).toEqual([]);
  });

  test('formula-looking text goes out as literal text with a leading apostrophe, never as a formula', async () => {
    const core = await testCore();
    const { meetingId } = await seed(core);
    const report: string[] = [];
    for (const [channel, input] of Object.entries(XLSX_EXPORTS) as [ChannelName, unknown][]) {
      if (!channelNames.includes(channel)) continue;
      const saved = (await core.call(channel, (input === 'meeting' ? { id: meetingId } : input) as never)) as {
        path: string;
      };
      expect(saved.path).toMatch(/\.xlsx$/);
      const cells = await cellsOf(saved.path);
      const formulas = cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula);
      const live = cells.filter((c) => typeof c.value === 'string' && FORMULA_START.test(c.value));
      const guarded = cells.filter((c) => typeof c.value === 'string' && /^'[=+\-@]/.test(c.value));
      expect(formulas.map((c) => `${channel} ${c.address}`)).toEqual([]);
      expect(live.map((c) => `${channel} ${c.address}: ${String(c.value)}`)).toEqual([]);
      report.push(`${channel}: ${guarded.length}`);
      if (!EMPTY_HERE.has(channel)) expect(guarded.length, channel).toBeGreaterThan(0);
    }
    console.log(`exports-formula-guard: guarded cells per export — ${report.join(', ')}`);
  });
});
