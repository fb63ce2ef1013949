import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import { todayIso } from '../../shared/domain/dates';
import { NEED_STATUS_LABELS, URGENCIES } from '../../shared/domain/lists';
import { optionList } from '../options/service';
import { maskName, maskPhone } from '../../shared/domain/mask';
import { PHONE_HINT } from '../../shared/domain/phone';
import type { Handlers } from '../core/registry';
import { saveTablesAndLog } from '../files/export-log';
import { listImportHandlers } from '../files/list-import';
import { buildListTemplate } from '../files/list-template';
import { saveWorkbook } from '../files/save-export';
import type { CellInput, TableColumn, TableSheetSpec } from '../files/xlsx-write';
import { getSettings } from '../settings/service';
import { listCommunities } from '../units/repo';
import { needImporter } from './import';
import { needsForExport } from './repo';

/** The 需求清单's columns, headed as the importer reads them, so an exported list imports again unchanged. */
export const NEED_EXPORT_COLUMNS: TableColumn[] = [
  { header: '序号', kind: 'number', minWidth: 6 },
  { header: '社区', minWidth: 10 },
  { header: '网格', align: 'center', minWidth: 8 },
  { header: '需求名称', minWidth: 16 },
  { header: '需求内容', kind: 'notes', minWidth: 24 },
  { header: '类别', align: 'center', minWidth: 10 },
  { header: '来源', align: 'center', minWidth: 10 },
  { header: '提出日期', kind: 'date' },
  { header: '紧急程度', align: 'center', minWidth: 8 },
  { header: '联系人', align: 'center', minWidth: 8 },
  { header: '联系电话', minWidth: 14 },
  { header: '状态', align: 'center', minWidth: 8 },
  { header: '不予受理原因', kind: 'notes', minWidth: 12 },
];

const stamp = () => todayIso().replace(/-/g, '');

/** The whole 需求清单 as one table (60,000 rows after ten years: streamed from the database to the file). */
export function needsTable(db: Database, fullContacts: boolean): TableSheetSpec {
  return {
    sheetName: '需求清单',
    title: `${getSettings(db).streetName}群众需求清单`,
    columns: NEED_EXPORT_COLUMNS,
    rows: needRows(db, fullContacts),
  };
}

function* needRows(db: Database, fullContacts: boolean): Generator<CellInput[]> {
  let seq = 0;
  for (const n of needsForExport(db)) {
    const [community, grid, title, description, category, source, raisedOn, urgency, name, phone, status, reason] = n;
    yield [
      ++seq,
      community,
      grid,
      title,
      description,
      category,
      source,
      raisedOn,
      urgency,
      fullContacts ? name : maskName(name),
      fullContacts ? phone : maskPhone(phone),
      NEED_STATUS_LABELS[status],
      reason,
    ];
  }
}

export function buildNeedsTemplate(db: Database): ExcelJS.Workbook {
  const categories = optionList(db, 'needCategories');
  return buildListTemplate({
    sheetName: '需求清单',
    title: `${getSettings(db).streetName}群众需求清单（填报）`,
    columns: NEED_EXPORT_COLUMNS.filter((c) => c.header !== '不予受理原因'),
    dropdowns: {
      社区: listCommunities(db).map((c) => c.name),
      类别: categories,
      来源: optionList(db, 'needSources'),
      紧急程度: URGENCIES,
      状态: Object.values(NEED_STATUS_LABELS),
    },
    textColumns: ['联系电话', '网格'],
    howTo: [
      '1. 在“需求清单”工作表第3行起逐行填写，一行一条需求。',
      '2. “社区”“需求名称”“类别”“提出日期”必填；社区须是街道社区名录中的社区（可从下拉列表选择）。',
      `3. 类别可选：${categories.join('、')}（也可填写本街道约定的其他类别）。`,
      `4. 紧急程度：${URGENCIES.join('、')}，不填按“一般”。状态不填按“待对接”。`,
      `5. 联系电话：${PHONE_HINT}。居民联系方式仅用于对接，导出时默认隐去部分号码。`,
      '6. 提出日期写成 2025年7月28日、2025-7-28 或 2025/7/28 均可。',
      '7. 同一社区、同一需求名称、同一提出日期、同一联系人的行视为同一条需求，重复导入不会重复登记。',
    ],
  });
}

const io = listImportHandlers(needImporter);

export const needsFileHandlers: Pick<
  Handlers,
  'needs.importPreview' | 'needs.importReplan' | 'needs.importCommit' | 'needs.export' | 'needs.importTemplate'
> = {
  'needs.importPreview': (file, { db }) => io.preview(db, file),
  'needs.importReplan': (input, { db }) => io.replan(db, input),
  'needs.importCommit': (input, { db }) => io.commit(db, input),
  'needs.export': ({ fullContacts }, ctx) =>
    saveTablesAndLog(
      ctx,
      `需求清单-${stamp()}.xlsx`,
      [needsTable(ctx.db, fullContacts)],
      fullContacts ? '导出需求清单（含完整的居民联系方式）' : '导出需求清单（居民联系方式已隐去部分）',
    ),
  'needs.importTemplate': (_input, ctx) => saveWorkbook(ctx, '需求清单-填报模板.xlsx', buildNeedsTemplate(ctx.db)),
};
