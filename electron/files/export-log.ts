import type ExcelJS from 'exceljs';
import type { HandlerContext } from '../core/context';
import { recordOp } from '../oplog/service';
import { saveBuffer, saveWorkbook, type Saved } from './save-export';
import { streamTableWorkbook, type TableSheetSpec } from './xlsx-write';

/** Notes a saved export in 操作日志 (what left the app, and where to); a cancelled save leaves no entry. */
export function logSaved(ctx: HandlerContext, saved: Saved, what: string): Saved {
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

/** Saves a workbook export and logs it. */
export async function saveAndLog(ctx: HandlerContext, name: string, wb: ExcelJS.Workbook, what: string) {
  return logSaved(ctx, await saveWorkbook(ctx, name, wb), what);
}

/** Saves table sheets written with the streaming writer (the big exports) and logs it. */
export async function saveTablesAndLog(ctx: HandlerContext, name: string, sheets: TableSheetSpec[], what: string) {
  return logSaved(ctx, await saveBuffer(ctx, name, await streamTableWorkbook(sheets)), what);
}
