import { AppError } from '../core/errors';
import type { Handlers } from '../core/registry';
import { saveAndLog } from '../files/export-log';
import { PREVIEW_GONE } from '../files/preview-store';
import { saveWorkbook } from '../files/save-export';
import { loadUpload } from '../files/spreadsheet-read';
import { buildAllocationWorkbook } from './export/allocation';
import { buildDirectoryWorkbook } from './export/directory';
import { buildTemplateWorkbook } from './export/template';
import { dateStamp } from './export/titles';
import { applyImport } from './import/apply';
import { planImport } from './import/plan';
import { dropPreview, findPreview, keepPreview } from './import/preview-store';
import { MAX_DATA_ROWS, readUnitSheet } from './import/read-sheet';

/** The directory's spreadsheet channels: import of the 分配表/名录 (preview, then commit) and the exports. */
export const directoryFileHandlers: Pick<
  Handlers,
  | 'units.importPreview'
  | 'units.importCommit'
  | 'units.exportDirectory'
  | 'pairings.exportAllocation'
  | 'units.importTemplate'
> = {
  'units.importPreview': async (file, { db }) => {
    const { fileName } = file;
    const wb = await loadUpload(file, { maxRows: MAX_DATA_ROWS });
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
      throw new AppError('IMPORT_FAILED', PREVIEW_GONE);
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
