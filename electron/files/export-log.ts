import type ExcelJS from 'exceljs';
import type { HandlerContext } from '../core/context';
import { recordOp } from '../oplog/service';
import { saveWorkbook, type Saved } from './save-export';

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
