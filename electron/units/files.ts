import type ExcelJS from 'exceljs';
import type { HandlerContext } from '../core/context';
import { AppError } from '../core/errors';
import { recordOp } from '../oplog/service';
import type { Handlers } from '../core/registry';
import { saveWorkbook } from '../files/save-export';
import { decodeUpload, loadXlsx } from '../files/xlsx-read';
import { buildAllocationWorkbook } from './export/allocation';
import { buildDirectoryWorkbook } from './export/directory';
import { buildTemplateWorkbook } from './export/template';
import { dateStamp } from './export/titles';
import { applyImport } from './import/apply';
import { planImport } from './import/plan';
import { dropPreview, findPreview, keepPreview } from './import/preview-store';
import { readUnitSheet } from './import/read-sheet';

/** Saves an export and notes it in 操作日志: names and phones leaving the app are worth a trace. */
async function saveAndLog(ctx: HandlerContext, name: string, wb: ExcelJS.Workbook, what: string) {
  const saved = await saveWorkbook(ctx, name, wb);
  if (saved.saved) {
    ctx.db
      .transaction(() =>
        recordOp(ctx.db, {
          action: 'export',
          entity: 'file',
          entityId: null,
          title: saved.fileName,
          summary: `${what}到 ${saved.path}`,
        }),
      )
      .immediate();
  }
  return saved;
}

/** The directory's spreadsheet channels: import of the 分配表/名录 (preview, then commit) and the exports. */
export const directoryFileHandlers: Pick<
  Handlers,
  | 'units.importPreview'
  | 'units.importCommit'
  | 'units.exportDirectory'
  | 'pairings.exportAllocation'
  | 'units.importTemplate'
> = {
  'units.importPreview': async ({ fileName, dataBase64 }, { db }) => {
    const wb = await loadXlsx(fileName, decodeUpload(fileName, dataBase64));
    const sheet = readUnitSheet(wb, fileName);
    const plan = planImport(db, sheet);
    const previewId = keepPreview(db, sheet);
    return {
      previewId,
      fileName,
      sheetName: sheet.sheetName,
      headerRow: sheet.headerRow,
      columns: sheet.columns,
      rows: plan.rows,
      counts: plan.counts,
    };
  },
  'units.importCommit': ({ previewId }, { db }) => {
    const sheet = findPreview(db, previewId);
    if (!sheet) {
      throw new AppError('IMPORT_FAILED', '这次导入的预览已过期（超过30分钟）或已经导入过，请重新选择文件导入');
    }
    const result = applyImport(db, sheet);
    dropPreview(db, previewId);
    return result;
  },
  'units.exportDirectory': (_input, ctx) =>
    saveAndLog(ctx, `共建单位名录-${dateStamp()}.xlsx`, buildDirectoryWorkbook(ctx.db), '导出共建单位名录'),
  'pairings.exportAllocation': (_input, ctx) =>
    saveAndLog(ctx, `共建单位分配表-${dateStamp()}.xlsx`, buildAllocationWorkbook(ctx.db), '导出共建单位分配表'),
  // The blank template carries no data, so saving it is not logged.
  'units.importTemplate': (_input, ctx) =>
    saveWorkbook(ctx, '共建单位分配表-导入模板.xlsx', buildTemplateWorkbook(ctx.db)),
};
