import ExcelJS from 'exceljs';
import { ENTITY_LABELS, OPLOG_ACTION_LABELS } from '../../shared/domain/oplog';
import { todayIso } from '../../shared/domain/dates';
import type { Handlers } from '../core/registry';
import { saveWorkbook } from '../files/save-export';
import { addTableSheet } from '../files/xlsx-write';
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
    const rows = [...iterateOplog(db, filter)].map((e) => [
      localStamp(e.at),
      e.operator,
      OPLOG_ACTION_LABELS[e.action],
      ENTITY_LABELS[e.entity] ?? e.entity,
      e.title,
      e.summary,
    ]);
    addTableSheet(wb, '操作日志', {
      title: `${getSettings(db).streetName}大工委工作台操作日志`,
      columns: [
        { header: '时间', minWidth: 20 },
        { header: '操作员', align: 'center' },
        { header: '操作', align: 'center' },
        { header: '对象类别', align: 'center' },
        { header: '对象' },
        { header: '内容', kind: 'notes', maxWidth: 60 },
      ],
      rows,
    });
    const saved = await saveWorkbook(ctx, `操作日志-${todayIso().replaceAll('-', '')}.xlsx`, wb);
    if (saved.saved) {
      db.transaction(() =>
        recordOp(db, {
          action: 'export',
          entity: 'file',
          entityId: null,
          title: saved.fileName,
          summary: `导出操作日志到 ${saved.path}`,
        }),
      ).immediate();
    }
    return saved;
  },
};
