import type { Database } from 'better-sqlite3';
import type { Project } from '../../shared/contract/ledger';
import { todayIso } from '../../shared/domain/dates';
import { PROJECT_STATUS_LABELS } from '../../shared/domain/lists';
import { notFound } from '../core/errors';
import type { Handlers } from '../core/registry';
import { buildOfficialDocx, officialDate, type OfficialBlock, type OfficialDocument } from '../files/docx-official';
import { logSaved } from '../files/export-log';
import { saveBuffer } from '../files/save-export';
import { getSettings } from '../settings/service';
import { getUnit } from '../units/repo';
import { closedOn, progressBetween, projectsOfUnit } from './repo';

const DOCX = [{ name: 'Word 文档', extensions: ['docx'] }];
/** 二级标题 numbers: （一）（二）… */
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const deadlineWords = (p: Project) =>
  p.longTerm ? '长期坚持' : p.deadlineText || (p.deadlineOn ? officialDate(p.deadlineOn) : '未定');

/**
 * 双报告: what one unit took on in the 项目台账 over a period, reported both to the street's 党工委 and to the
 * unit's own party organisation — the projects it leads or supports, their progress in the period, what was
 * crossed off (销号) and what is late or stalled.
 */
export function dualReportDocument(db: Database, unitId: number, from: string, to: string): OfficialDocument {
  const unit = getUnit(db, unitId);
  if (!unit) throw notFound('该共建单位');
  const today = todayIso();
  const street = getSettings(db).streetName.trim();
  const all = projectsOfUnit(db, unitId, today);
  const done = closedOn(
    db,
    all.map((p) => p.id),
  );
  // A project belongs to the period unless it ended before it began or was set up after it ended.
  const projects = all.filter((p) => {
    const ended = done.get(p.id);
    if (ended && ended < from) return false;
    if (p.status === 'terminated' && p.updatedAt.slice(0, 10) < from) return false;
    return p.year <= Number(to.slice(0, 4));
  });
  const entries = progressBetween(
    db,
    projects.map((p) => p.id),
    from,
    to,
  );
  const lead = projects.filter((p) => p.role === 'lead');
  const closed = projects.filter((p) => (done.get(p.id) ?? '') >= from && (done.get(p.id) ?? '') <= to);
  const open = projects.filter((p) => p.status === 'planning' || p.status === 'active' || p.status === 'pending_close');
  const late = projects.filter((p) => p.overdue || p.stalled);
  const period = `${officialDate(from)}至${officialDate(to)}`;

  const blocks: OfficialBlock[] = [];
  blocks.push({
    kind: 'paragraph',
    text: `${period}，${unit.name}在${street}大工委区域化党建工作中承担共建项目${projects.length}个，其中牵头${lead.length}个、配合${projects.length - lead.length}个；期间已销号${closed.length}个，正在推进${open.length}个，逾期或停滞${late.length}个。现将有关情况报告如下。`,
  });
  blocks.push({ kind: 'heading1', text: '一、承担的共建项目' });
  if (projects.length === 0) blocks.push({ kind: 'paragraph', text: '本期未承担共建项目。' });
  else
    blocks.push({
      kind: 'table',
      headers: ['序号', '项目名称', '角色', '完成时限', '当前进度', '状态'],
      widths: [1.3, 5, 1.5, 3.4, 1.8, 1.8],
      rows: projects.map((p, i) => [
        String(i + 1),
        p.name,
        p.role === 'lead' ? '牵头' : '配合',
        deadlineWords(p),
        p.progressPercent === null ? '未登记' : `${p.progressPercent}%`,
        PROJECT_STATUS_LABELS[p.status],
      ]),
    });

  blocks.push({ kind: 'heading1', text: '二、推进情况' });
  if (open.length === 0) blocks.push({ kind: 'paragraph', text: '本期没有正在推进的项目。' });
  open.forEach((p, i) => {
    blocks.push({ kind: 'heading2', text: `（${CN[i] ?? i + 1}）${p.name}` });
    const own = entries.filter((e) => e.project_id === p.id);
    if (p.goal) blocks.push({ kind: 'paragraph', text: `项目目标：${p.goal}` });
    if (own.length === 0) blocks.push({ kind: 'paragraph', text: '本期未登记进度。' });
    for (const e of own)
      blocks.push({ kind: 'paragraph', text: `${officialDate(e.entry_on)}，完成${e.percent}%：${e.text}` });
  });

  blocks.push({ kind: 'heading1', text: '三、已完成（销号）项目' });
  if (closed.length === 0) blocks.push({ kind: 'paragraph', text: '本期没有销号的项目。' });
  for (const p of closed) {
    blocks.push({
      kind: 'paragraph',
      text: `${p.name}：${officialDate(done.get(p.id)!)}经街道审核销号。${p.progressText ? `完成情况：${p.progressText}` : ''}`,
    });
  }

  blocks.push({ kind: 'heading1', text: '四、逾期及停滞项目' });
  if (late.length === 0) blocks.push({ kind: 'paragraph', text: '截至报告日，没有逾期或停滞的项目。' });
  for (const p of late) {
    const why = [
      p.overdue && `已逾期${p.overdueDays}天（完成时限${deadlineWords(p)}）`,
      p.stalled && `已${p.idleDays}天未登记进度`,
    ]
      .filter(Boolean)
      .join('，');
    blocks.push({ kind: 'paragraph', text: `${p.name}：${why}。` });
  }

  return {
    title: `${unit.name}共建项目双报告`,
    subtitle: [`（${period}）`],
    mainRecipient: `${street}党工委、${unit.partyOrg || `${unit.name}党组织`}`,
    blocks,
    signature: [unit.partyOrg || unit.name],
    date: today,
  };
}

export const dualReportHandlers: Pick<Handlers, 'projects.exportDualReport'> = {
  'projects.exportDualReport': async ({ unitId, from, to }, ctx) => {
    const doc = dualReportDocument(ctx.db, unitId, from, to);
    const data = await buildOfficialDocx(doc);
    const unit = getUnit(ctx.db, unitId)!;
    const name = `${unit.name}双报告（${from.replace(/-/g, '')}-${to.replace(/-/g, '')}）.docx`;
    return logSaved(ctx, await saveBuffer(ctx, name, data, DOCX), `导出${unit.name}双报告`);
  },
};
