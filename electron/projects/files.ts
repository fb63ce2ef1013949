import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import type { Project } from '../../shared/contract/ledger';
import { todayIso } from '../../shared/domain/dates';
import { PROJECT_STATUS_LABELS } from '../../shared/domain/lists';
import type { Handlers } from '../core/registry';
import { saveAndLog, saveTablesAndLog } from '../files/export-log';
import { listImportHandlers } from '../files/list-import';
import { buildListTemplate } from '../files/list-template';
import { saveWorkbook } from '../files/save-export';
import {
  addTableSheet,
  isoToExcelDate,
  type CellInput,
  type TableColumn,
  type TableSheetSpec,
} from '../files/xlsx-write';
import { projectImporter } from './import';
import { allProjects, progressOfProjects } from './repo';

/** The paper 责任分解表's columns (the importer's own header words), so an export imports back unchanged. */
export const BREAKDOWN_COLUMNS: TableColumn[] = [
  { header: '序号', kind: 'number', minWidth: 6 },
  { header: '项目名称', minWidth: 16 },
  { header: '项目目标', kind: 'notes', minWidth: 20 },
  { header: '主要内容', kind: 'notes', minWidth: 24 },
  { header: '责任单位', minWidth: 14 },
  { header: '配合单位', minWidth: 14 },
  { header: '服务社区', minWidth: 10 },
  { header: '领办人', align: 'center', minWidth: 8 },
  { header: '完成时限', align: 'center', minWidth: 14 },
  { header: '进度情况', kind: 'notes', minWidth: 16 },
  { header: '状态', align: 'center', minWidth: 8 },
  { header: '备注', kind: 'notes', minWidth: 10 },
];

const names = (xs: { name: string }[]) => xs.map((x) => x.name).join('、');

/** 完成时限 as the paper has it: its own words ("9月底前"), else the date as a real date cell, else 长期坚持. */
const deadlineCell = (p: Project): CellInput =>
  p.longTerm ? '长期坚持' : p.deadlineText || (p.deadlineOn ? isoToExcelDate(p.deadlineOn) : null);

/** 逾期 / 停滞 as the ledger shows them, for the 状态 column. */
export function statusWords(p: Project): string {
  const flags = [p.overdue && `逾期${p.overdueDays}天`, p.stalled && `停滞${p.idleDays}天`].filter(Boolean);
  return `${PROJECT_STATUS_LABELS[p.status]}${flags.length ? `（${flags.join('，')}）` : ''}`;
}

const yearTitle = (year: number | undefined, what: string) => `${year ? `${year}年度` : ''}${what}`;

export function buildBreakdownWorkbook(db: Database, year?: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大工委工作台';
  const rows = allProjects(db, todayIso(), year).map((p, i) => [
    i + 1,
    p.name,
    p.goal,
    p.content,
    names(p.leadUnits),
    names(p.supportUnits),
    names(p.communities),
    p.leader,
    deadlineCell(p),
    p.progressText || (p.progressPercent === null ? '未启动' : `${p.progressPercent}%`),
    statusWords(p),
    p.notes,
  ]);
  addTableSheet(wb, '责任分解表', {
    title: yearTitle(year, '共建单位合作项目责任分解表'),
    columns: BREAKDOWN_COLUMNS,
    rows,
  });
  return wb;
}

/** 进度汇总 and 进度记录 (15,000 projects and 150,000 entries after ten years: the streaming writer's job). */
export function progressTables(db: Database, year?: number): TableSheetSpec[] {
  const projects = allProjects(db, todayIso(), year);
  const summary: TableSheetSpec = {
    sheetName: '进度汇总',
    title: yearTitle(year, '共建项目进度台账'),
    columns: [
      { header: '序号', kind: 'number', minWidth: 6 },
      { header: '项目名称', minWidth: 16 },
      { header: '责任单位', minWidth: 14 },
      { header: '完成时限', align: 'center', minWidth: 14 },
      { header: '当前进度', kind: 'number', numFmt: '0"%"', minWidth: 8 },
      { header: '最近进展', kind: 'notes', minWidth: 24 },
      { header: '最近登记', kind: 'date' },
      { header: '状态', align: 'center', minWidth: 12 },
    ],
    rows: projects.map((p, i) => [
      i + 1,
      p.name,
      names(p.leadUnits),
      deadlineCell(p),
      p.progressPercent,
      p.progressText,
      p.progressOn,
      statusWords(p),
    ]),
  };
  const record: TableSheetSpec = {
    sheetName: '进度记录',
    title: yearTitle(year, '共建项目进度记录'),
    columns: [
      { header: '序号', kind: 'number', minWidth: 6 },
      { header: '项目名称', minWidth: 16 },
      { header: '责任单位', minWidth: 14 },
      { header: '日期', kind: 'date' },
      { header: '进度', kind: 'number', numFmt: '0"%"', minWidth: 6 },
      { header: '进展情况', kind: 'notes', minWidth: 30 },
      { header: '登记人', align: 'center', minWidth: 8 },
    ],
    rows: entryRows(db, projects),
  };
  return [summary, record];
}

/** 进度记录's rows, streamed from the database (the sheet is written after 进度汇总, so they are read then). */
function* entryRows(db: Database, projects: Project[]): Generator<CellInput[]> {
  const byId = new Map(projects.map((p) => [p.id, p]));
  let seq = 0;
  for (const e of progressOfProjects(db, [...byId.keys()])) {
    const p = byId.get(e.project_id)!;
    yield [++seq, p.name, names(p.leadUnits), e.entry_on, e.percent, e.text, e.operator];
  }
}

export function buildBreakdownTemplate(): ExcelJS.Workbook {
  const year = Number(todayIso().slice(0, 4));
  return buildListTemplate({
    sheetName: '责任分解表',
    title: `${year}年度共建单位合作项目责任分解表`,
    columns: BREAKDOWN_COLUMNS.filter((c) => c.header !== '状态'),
    dropdowns: {},
    textColumns: ['完成时限'],
    howTo: [
      '1. 在“责任分解表”工作表第3行起逐行填写，一行一个项目；标题中的年度即项目年度（如“2025年度……”）。',
      '2. “项目名称”“责任单位”必填。责任单位、配合单位请写共建单位名录中的全称，几个单位用顿号“、”隔开；配合单位中也可写社区。',
      '3. 完成时限可写：2025年10月31日、2025年10月、2025.10、9月底前、年底前，或“长期坚持”（不设时限）。',
      '4. 进度情况可写“未启动”“推进中，完成60%”“已完成”等，导入后记为一条进度记录。',
      '5. 同一年度的同名项目视为同一项目，重复导入只会更新，不会重复登记。',
    ],
  });
}

const io = listImportHandlers(projectImporter);
const stamp = () => todayIso().replace(/-/g, '');

export const projectsFileHandlers: Pick<
  Handlers,
  | 'projects.importPreview'
  | 'projects.importReplan'
  | 'projects.importCommit'
  | 'projects.exportBreakdown'
  | 'projects.exportProgress'
  | 'projects.importTemplate'
> = {
  'projects.importPreview': (file, { db }) => io.preview(db, file),
  'projects.importReplan': (input, { db }) => io.replan(db, input),
  'projects.importCommit': (input, { db }) => io.commit(db, input),
  'projects.exportBreakdown': ({ year }, ctx) =>
    saveAndLog(
      ctx,
      `${year ?? ''}项目责任分解表-${stamp()}.xlsx`,
      buildBreakdownWorkbook(ctx.db, year),
      '导出项目责任分解表',
    ),
  'projects.exportProgress': ({ year }, ctx) =>
    saveTablesAndLog(
      ctx,
      `${year ?? ''}项目进度台账-${stamp()}.xlsx`,
      progressTables(ctx.db, year),
      '导出项目进度台账',
    ),
  'projects.importTemplate': (_input, ctx) =>
    saveWorkbook(ctx, '项目责任分解表-填报模板.xlsx', buildBreakdownTemplate()),
};
