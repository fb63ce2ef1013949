import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import { todayIso } from '../../shared/domain/dates';
import { RESOURCE_STATUS_LABELS } from '../../shared/domain/lists';
import { optionList } from '../options/service';
import { PHONE_HINT } from '../../shared/domain/phone';
import type { Handlers } from '../core/registry';
import { saveAndLog } from '../files/export-log';
import { listImportHandlers } from '../files/list-import';
import { buildListTemplate } from '../files/list-template';
import { saveWorkbook } from '../files/save-export';
import { addTableSheet, type TableColumn } from '../files/xlsx-write';
import { getSettings } from '../settings/service';
import { resourceImporter } from './import';
import { allResources } from './repo';

export const RESOURCE_EXPORT_COLUMNS: TableColumn[] = [
  { header: '序号', kind: 'number', minWidth: 6 },
  { header: '提供单位', minWidth: 16 },
  { header: '资源类型', align: 'center', minWidth: 10 },
  { header: '资源名称', minWidth: 18 },
  { header: '资源内容', kind: 'notes', minWidth: 24 },
  { header: '数量/规模', align: 'center', minWidth: 10 },
  { header: '可提供时间', minWidth: 12 },
  { header: '联系人', align: 'center', minWidth: 8 },
  { header: '联系电话', minWidth: 14 },
  { header: '有效期至', kind: 'date' },
  { header: '状态', align: 'center', minWidth: 8 },
];

export function buildResourcesWorkbook(db: Database): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大工委工作台';
  const rows = allResources(db, todayIso()).map((r, i) => [
    i + 1,
    r.unitName,
    r.type,
    r.title,
    r.content,
    r.capacity,
    r.availableTime,
    r.contactName,
    r.contactPhone,
    r.validUntil,
    r.expired ? '已过期' : RESOURCE_STATUS_LABELS[r.status],
  ]);
  addTableSheet(wb, '资源清单', {
    title: `${getSettings(db).streetName}共建单位资源清单`,
    columns: RESOURCE_EXPORT_COLUMNS,
    rows,
  });
  return wb;
}

export function buildResourcesTemplate(db: Database): ExcelJS.Workbook {
  const types = optionList(db, 'resourceTypes');
  return buildListTemplate({
    sheetName: '资源清单',
    title: `${getSettings(db).streetName}共建单位资源清单（填报）`,
    columns: RESOURCE_EXPORT_COLUMNS,
    dropdowns: { 资源类型: types, 状态: Object.values(RESOURCE_STATUS_LABELS) },
    textColumns: ['联系电话'],
    howTo: [
      '1. 在“资源清单”工作表第3行起逐行填写，一行一项资源。',
      '2. “提供单位”“资源类型”“资源名称”必填；提供单位请写共建单位名录中的全称，名录中找不到的单位在导入时由您指定对应单位。',
      `3. 资源类型可选：${types.join('、')}（也可填写本街道约定的其他类型）。`,
      `4. 联系电话：${PHONE_HINT}。`,
      '5. 有效期至：写成 2025年12月31日 这样的日期；长期有效可不填。状态不填按“可用”。',
      '6. 同一单位的同名资源视为同一项，重复导入只会更新，不会重复登记。',
    ],
  });
}

const io = listImportHandlers(resourceImporter);

export const resourcesFileHandlers: Pick<
  Handlers,
  | 'resources.importPreview'
  | 'resources.importReplan'
  | 'resources.importCommit'
  | 'resources.export'
  | 'resources.importTemplate'
> = {
  'resources.importPreview': (file, { db }) => io.preview(db, file),
  'resources.importReplan': (input, { db }) => io.replan(db, input),
  'resources.importCommit': (input, { db }) => io.commit(db, input),
  'resources.export': (_input, ctx) =>
    saveAndLog(ctx, `资源清单-${todayIso().replace(/-/g, '')}.xlsx`, buildResourcesWorkbook(ctx.db), '导出资源清单'),
  'resources.importTemplate': (_input, ctx) =>
    saveWorkbook(ctx, '资源清单-填报模板.xlsx', buildResourcesTemplate(ctx.db)),
};
