import ExcelJS from 'exceljs';
import { ENTITY_LABELS, OPLOG_ACTION_LABELS } from '../../shared/domain/oplog';
import { todayIso } from '../../shared/domain/dates';
import type { Handlers } from '../core/registry';
import { guardFormulaText } from '../files/formula-guard';
import { saveWorkbook } from '../files/save-export';
import { getSettings } from '../settings/service';
import { iterateOplog, listOplog } from './repo';
import { recordOp } from './service';

/** Local date and time for the clerk: 2026-11-21 23:15:02. */
export function localStamp(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export const oplogHandlers: Pick<Handlers, 'oplog.list' | 'oplog.export'> = {
  'oplog.list': (q, { db }) => listOplog(db, q),
  'oplog.export': async (filter, ctx) => {
    const { db } = ctx;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('操作日志', { views: [{ state: 'frozen', ySplit: 2 }] });
    const street = getSettings(db).streetName;
    ws.mergeCells('A1:F1');
    ws.getCell('A1').value = `${street}大工委工作台操作日志`;
    ws.getCell('A1').font = { bold: true, size: 16 };
    ws.getCell('A1').alignment = { horizontal: 'center' };
    ws.addRow(['时间', '操作员', '操作', '对象类别', '对象', '内容']).font = { bold: true };
    ws.columns = [{ width: 20 }, { width: 12 }, { width: 18 }, { width: 12 }, { width: 30 }, { width: 60 }];
    for (const e of iterateOplog(db, filter)) {
      ws.addRow([
        localStamp(e.at),
        guardFormulaText(e.operator),
        OPLOG_ACTION_LABELS[e.action],
        ENTITY_LABELS[e.entity] ?? e.entity,
        guardFormulaText(e.title),
        guardFormulaText(e.summary),
      ]);
    }
    const saved = await saveWorkbook(ctx, `操作日志-${todayIso().replaceAll('-', '')}.xlsx`, wb);
    if (saved.saved) {
      db.transaction(() => recordOp(db, { action: 'export', entity: 'file', entityId: null, title: saved.fileName, summary: `导出操作日志到 ${saved.path}` })).immediate();
    }
    return saved;
  },
};
