import type { Database } from 'better-sqlite3';
import { todayIso } from '../../shared/domain/dates';
import { AppError } from '../core/errors';
import type { Handlers } from '../core/registry';
import { buildOfficialDocx, type OfficialBlock } from '../files/docx-official';
import { logSaved } from '../files/export-log';
import { saveBuffer } from '../files/save-export';
import { yearEvaluation } from '../evaluation/service';
import { getSettings } from '../settings/service';
import { dashboard } from './service';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A chart image from the renderer: checked to be a PNG, with its pixel size read from the IHDR chunk. */
export function readPng(base64: string): { png: Buffer; width: number; height: number } {
  const png = Buffer.from(base64, 'base64');
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new AppError('INVALID_INPUT', '图表图片不是有效的PNG格式');
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const pct = (r: number | null) => (r === null ? '—' : `${r}%`);

/** 年度工作总结 data pack: the figures, the charts and the tables; the clerk writes the prose around them. */
export async function buildYearReport(
  db: Database,
  year: number,
  charts: { title: string; pngBase64: string }[],
): Promise<Buffer> {
  const d = dashboard(db, year, null);
  const { streetName } = getSettings(db);
  const done = d.needsByStatus.find((s) => s.key === 'done')?.count ?? 0;
  const closed = d.projectsByStatus.find((s) => s.key === 'closed')?.count ?? 0;
  const invited = d.attendanceByMonth.reduce((a, m) => a + m.invited, 0);
  const present = d.attendanceByMonth.reduce((a, m) => a + m.present, 0);
  const evaluation = yearEvaluation(db, year);
  const blocks: OfficialBlock[] = [
    { kind: 'heading1', text: '一、主要数据' },
    {
      kind: 'paragraph',
      text: [
        `（一）需求清单：全年收集群众需求${d.totals.needs}条，已办结${done}条；30天内完成供需对接${d.matching.matchedIn30}条，对接率${pct(d.matching.rate)}。`,
        `（二）项目清单：全年共建项目${d.totals.projects}个，已销号${closed}个，逾期未完成${d.projectsOverdue}个。`,
        `（三）联席会议：共建单位出勤${present}人次/应到${invited}人次，出勤率${pct(invited ? Math.round((present / invited) * 1000) / 10 : null)}；目前督办事项未办结${d.supervision.open}件，其中逾期${d.supervision.overdue}件。`,
        `（四）在职党员双报到：在册在职党员${d.totals.members}名，全年服务${d.totals.hours}小时。`,
      ].join('\n'),
    },
  ];
  if (charts.length) {
    blocks.push({ kind: 'heading1', text: '二、图表' });
    for (const c of charts) {
      const img = readPng(c.pngBase64);
      blocks.push({
        kind: 'image',
        png: img.png,
        pixelWidth: img.width,
        pixelHeight: img.height,
        widthMm: 150,
        caption: c.title,
      });
    }
  }
  const n = charts.length ? '三' : '二';
  blocks.push(
    { kind: 'heading1', text: `${n}、数据表` },
    { kind: 'heading2', text: '（一）需求办理情况' },
    {
      kind: 'table',
      headers: ['状态', '条数'],
      rows: d.needsByStatus.map((s) => [s.label, String(s.count)]),
      widths: [3, 2],
    },
    { kind: 'heading2', text: '（二）需求类别' },
    {
      kind: 'table',
      headers: ['类别', '条数'],
      rows: d.needsByCategory.map((s) => [s.label, String(s.count)]),
      widths: [3, 2],
    },
    { kind: 'heading2', text: '（三）项目进展' },
    {
      kind: 'table',
      headers: ['状态', '个数'],
      rows: d.projectsByStatus.map((s) => [s.label, String(s.count)]),
      widths: [3, 2],
    },
    { kind: 'heading2', text: '（四）在职党员服务时长（前15名单位）' },
    {
      kind: 'table',
      headers: ['单位', '服务时长（小时）'],
      rows: d.hoursByUnit.map((u) => [u.unitName, String(u.hours)]),
      widths: [4, 2],
    },
    { kind: 'heading2', text: `（五）共建单位考核评价${evaluation.locked ? '' : '（未锁定，数据可能变化）'}` },
    {
      kind: 'table',
      headers: ['排名', '单位', '总分', '等次'],
      rows: evaluation.units.map((u) => [String(u.rank), u.unitName, String(u.total), u.grade]),
      widths: [1.2, 5, 1.6, 1.6],
    },
  );
  return buildOfficialDocx({
    title: `${streetName}${year}年度区域化党建工作总结`,
    subtitle: ['（数据材料）'],
    blocks,
    date: todayIso(),
  });
}

const DOCX = [{ name: 'Word 文档', extensions: ['docx'] }];

export const dashboardHandlers: Pick<
  Handlers,
  'dashboard.summary' | 'dashboard.savePng' | 'dashboard.exportYearReport'
> = {
  'dashboard.summary': ({ year, communityId }, { db }) => dashboard(db, year, communityId ?? null),
  'dashboard.savePng': async ({ title, pngBase64 }, ctx) =>
    logSaved(
      ctx,
      await saveBuffer(ctx, `${title}.png`, readPng(pngBase64).png, [{ name: 'PNG 图片', extensions: ['png'] }]),
      `保存图表“${title}”`,
    ),
  'dashboard.exportYearReport': async ({ year, charts }, ctx) => {
    const buf = await buildYearReport(ctx.db, year, charts);
    return logSaved(
      ctx,
      await saveBuffer(ctx, `${year}年度工作总结数据材料.docx`, buf, DOCX),
      `导出${year}年度工作总结数据材料`,
    );
  },
};
