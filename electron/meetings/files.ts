import ExcelJS from 'exceljs';
import { todayIso } from '../../shared/domain/dates';
import { SUPERVISION_STATUS_LABELS, CHECK_STATUS_LABELS } from '../../shared/domain/meetings';
import type { HandlerContext } from '../core/context';
import { AppError } from '../core/errors';
import type { Handlers } from '../core/registry';
import { buildOfficialDocx } from '../files/docx-official';
import { saveBuffer, saveWorkbook } from '../files/save-export';
import { addTableSheet } from '../files/xlsx-write';
import { recordOp } from '../oplog/service';
import { getSettings } from '../settings/service';
import { attendanceLabel, minutesDocument, noticeDocument, signInDocument, type Heading } from './documents';
import { officialHtml } from './print/minutes-html';
import * as repo from './repo';
import { attendanceRates, meetingDetail } from './service';

/** The files clerks hand on: 会议通知, 签到表 (.docx/.xlsx), 会议纪要 (.docx/.pdf), 督办清单 (.xlsx). */

const DOCX = [{ name: 'Word 文档', extensions: ['docx'] }];
const PDF = [{ name: 'PDF 文档', extensions: ['pdf'] }];

const heading = (ctx: HandlerContext): Heading => {
  const s = getSettings(ctx.db);
  return { streetName: s.streetName.trim(), committeeName: s.committeeName.trim() };
};

function logExport(ctx: HandlerContext, saved: Awaited<ReturnType<typeof saveBuffer>>, what: string) {
  if (saved.saved)
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
  return saved;
}

export async function minutesPdfHtml(ctx: HandlerContext, id: number): Promise<{ html: string; title: string }> {
  const m = meetingDetail(ctx.db, id);
  return { html: officialHtml(minutesDocument(m, heading(ctx))), title: m.title };
}

export const meetingFileHandlers: Pick<
  Handlers,
  | 'meetings.exportNotice'
  | 'meetings.exportSignInDocx'
  | 'meetings.exportSignInXlsx'
  | 'meetings.exportMinutesDocx'
  | 'meetings.exportMinutesPdf'
  | 'supervision.export'
  | 'meetings.exportAttendance'
> = {
  'meetings.exportNotice': async ({ id }, ctx) => {
    const m = meetingDetail(ctx.db, id);
    const data = await buildOfficialDocx(noticeDocument(m, heading(ctx), todayIso()));
    return logExport(ctx, await saveBuffer(ctx, `${m.title}会议通知.docx`, data, DOCX), '导出会议通知');
  },
  'meetings.exportSignInDocx': async ({ id }, ctx) => {
    const m = meetingDetail(ctx.db, id);
    const data = await buildOfficialDocx(signInDocument(m, heading(ctx)));
    return logExport(ctx, await saveBuffer(ctx, `${m.title}签到表.docx`, data, DOCX), '导出签到表');
  },
  'meetings.exportSignInXlsx': async ({ id }, ctx) => {
    const m = meetingDetail(ctx.db, id);
    const h = heading(ctx);
    const wb = new ExcelJS.Workbook();
    addTableSheet(wb, '签到表', {
      title: `${h.committeeName || h.streetName}${m.title}签到表（${m.heldOn}${m.place ? `，${m.place}` : ''}）`,
      columns: [
        { header: '序号', kind: 'number', align: 'center' },
        { header: '参会单位' },
        { header: '参会人' },
        { header: '出席情况', align: 'center' },
        { header: '签名', minWidth: 18 },
        { header: '备注' },
      ],
      rows: m.invitees.map((i, n) => [
        n + 1,
        i.name,
        i.attendee || i.delegate,
        attendanceLabel(i.attendance),
        '',
        i.attendance === 'leave' ? i.leaveReason : '',
      ]),
    }).ws.eachRow((row, r) => {
      if (r > 2) row.height = Math.max(row.height ?? 0, 30);
    });
    return logExport(ctx, await saveWorkbook(ctx, `${m.title}签到表.xlsx`, wb), '导出签到表');
  },
  'meetings.exportMinutesDocx': async ({ id }, ctx) => {
    const m = meetingDetail(ctx.db, id);
    const data = await buildOfficialDocx(minutesDocument(m, heading(ctx)));
    const draft = m.status === 'finalized' ? '' : '（未定稿）';
    return logExport(ctx, await saveBuffer(ctx, `${m.title}纪要${draft}.docx`, data, DOCX), '导出会议纪要');
  },
  'meetings.exportMinutesPdf': async ({ id }, ctx) => {
    if (!ctx.pdf)
      throw new AppError('FILE_ERROR', '网页方式不支持导出PDF，请在桌面程序中导出，或导出Word后另存为PDF。');
    const { html, title } = await minutesPdfHtml(ctx, id);
    const data = await ctx.pdf.printToPdf(html);
    return logExport(ctx, await saveBuffer(ctx, `${title}纪要.pdf`, data, PDF), '导出会议纪要PDF');
  },
  'supervision.export': async (filter, ctx) => {
    const today = todayIso();
    const { rows } = repo.listSupervision(ctx.db, filter, today, null);
    const h = heading(ctx);
    const wb = new ExcelJS.Workbook();
    addTableSheet(wb, '督办清单', {
      title: `${h.committeeName || h.streetName}联席会议督办清单（截至${today}）`,
      columns: [
        { header: '序号', kind: 'number', align: 'center' },
        { header: '会议', maxWidth: 30 },
        { header: '议定事项', kind: 'notes', maxWidth: 50 },
        { header: '责任单位' },
        { header: '配合单位', maxWidth: 30 },
        { header: '完成时限', kind: 'date' },
        { header: '目标', maxWidth: 30 },
        { header: '状态', align: 'center' },
        { header: '最近反馈', kind: 'notes', maxWidth: 40 },
        { header: '办结日期', kind: 'date' },
      ],
      rows: rows.map((d, n) => {
        const last = repo.feedbackOf(ctx.db, d.id).at(-1);
        return [
          n + 1,
          d.meetingTitle,
          d.content,
          d.leadUnitName,
          d.partners.map((p) => p.name).join('、'),
          d.deadline,
          d.target,
          d.status ? SUPERVISION_STATUS_LABELS[d.status] : '',
          last
            ? `${last.reported_on} ${last.content}（${CHECK_STATUS_LABELS[last.check_status]}${last.check_reason ? `：${last.check_reason}` : ''}）`
            : '',
          d.closedOn,
        ];
      }),
    });
    return logExport(ctx, await saveWorkbook(ctx, `督办清单${today.replace(/-/g, '')}.xlsx`, wb), '导出督办清单');
  },
  'meetings.exportAttendance': async ({ year }, ctx) => {
    const rows = attendanceRates(ctx.db, year ? `${year}-01-01` : null, year ? `${year}-12-31` : null);
    const h = heading(ctx);
    const wb = new ExcelJS.Workbook();
    addTableSheet(wb, '出席统计', {
      title: `${h.committeeName || h.streetName}联席会议出席统计（${year ? `${year}年` : '全部年度'}）`,
      columns: [
        { header: '序号', kind: 'number', align: 'center' },
        { header: '单位/社区', maxWidth: 36 },
        { header: '应出席', kind: 'number' },
        { header: '出席', kind: 'number' },
        { header: '请假', kind: 'number' },
        { header: '缺席', kind: 'number' },
        { header: '出席率', kind: 'number', numFmt: '0.0%' },
      ],
      rows: rows.map((r, n) => [n + 1, r.name, r.invited, r.present, r.leave, r.absent, r.rate]),
    });
    const name = `联席会议出席统计${year ? `${year}年` : ''}.xlsx`;
    return logExport(ctx, await saveWorkbook(ctx, name, wb), '导出出席统计');
  },
};
