import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import type { YearEvaluation } from '../../shared/contract/evaluation';
import type { ListImportResult } from '../../shared/contract/lists';
import { todayIso } from '../../shared/domain/dates';
import { GRADES, INDICATORS, INDICATOR_KEYS, round1 } from '../../shared/domain/evaluation';
import { nameKey } from '../../shared/domain/text';
import { AppError } from '../core/errors';
import type { Handlers } from '../core/registry';
import { buildOfficialDocx, type OfficialBlock } from '../files/docx-official';
import { logSaved, saveAndLog } from '../files/export-log';
import {
  cellMessage,
  countOf,
  skipRows,
  listImportHandlers,
  type ListImporter,
  type ListPlan,
} from '../files/list-import';
import { saveBuffer } from '../files/save-export';
import type { HeaderField } from '../files/sheet-header';
import { readTable, type ReadTable } from '../files/table-rows';
import { addTableSheet } from '../files/xlsx-write';
import { recordOp } from '../oplog/service';
import { getSettings } from '../settings/service';
import { findUnitIdByKey } from '../units/repo';
import * as repo from './repo';
import { yearEvaluation } from './service';

const fmt = (n: number | null) => (n === null ? '' : n);
const txt = (n: number | null) => (n === null ? '—' : String(n));

export function buildRankingWorkbook(db: Database, y: YearEvaluation): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大工委工作台';
  const street = getSettings(db).streetName;
  const w = y.settings.weights;
  addTableSheet(wb, '考核排名', {
    title: `${street}${y.year}年度共建单位考核评价结果${y.locked ? '' : '（未锁定）'}`,
    columns: [
      { header: '排名', kind: 'number' },
      { header: '单位名称', minWidth: 18 },
      ...INDICATOR_KEYS.map((k) => ({ header: INDICATORS[k].name, kind: 'number' as const, numFmt: '0.0' })),
      { header: `日常考核（${w.daily}%）`, kind: 'number', numFmt: '0.0' },
      { header: `年度考评（${w.annual}%）`, kind: 'number', numFmt: '0.0' },
      { header: `群众评议（${w.public}%）`, kind: 'number', numFmt: '0.0' },
      { header: '总分', kind: 'number', numFmt: '0.0' },
      { header: '等次', align: 'center' },
      { header: '说明', kind: 'notes' },
    ],
    rows: y.units.map((u) => [
      u.rank,
      u.unitName,
      ...u.indicators.map((i) => fmt(i.score)),
      fmt(u.daily),
      fmt(u.annual),
      fmt(u.public),
      u.total,
      u.grade,
      u.missing.length ? `${u.missing.join('、')}未录入，按0分计` : '',
    ]),
  });
  addTableSheet(wb, '指标明细', {
    title: `${y.year}年度日常考核指标明细`,
    columns: [
      { header: '单位名称', minWidth: 18 },
      { header: '指标', minWidth: 16 },
      { header: '计算结果', minWidth: 20 },
      { header: '得分', kind: 'number', numFmt: '0.0' },
      { header: '计入的记录数', kind: 'number' },
    ],
    rows: y.units.flatMap((u) =>
      u.indicators.map((i) => [u.unitName, i.name, i.value, fmt(i.score), i.records.filter((r) => r.counts).length]),
    ),
  });
  const s = y.settings;
  addTableSheet(wb, '计分说明', {
    title: '计分说明',
    columns: [
      { header: '项目', minWidth: 16 },
      { header: '说明', kind: 'notes', maxWidth: 90 },
    ],
    rows: [
      ...INDICATOR_KEYS.map((k) => [INDICATORS[k].name, INDICATORS[k].formula]),
      ['日常考核', '有可计记录的各项指标得分的平均分（无可计记录的指标不计）'],
      ['总分', `日常考核×${w.daily}% + 年度考评×${w.annual}% + 群众评议×${w.public}%`],
      [
        '等次',
        `优秀≥${s.thresholds.excellent}分，良好≥${s.thresholds.good}分，一般≥${s.thresholds.fair}分，低于${s.thresholds.fair}分为较差`,
      ],
      ['满分标准', `服务群众需求${s.needsTarget}条，在职党员服务${s.hoursTarget}小时`],
    ],
  });
  return wb;
}

/** 考核评价结果通报 in the official style: the rule, then the units by grade, then the ranking table. */
export async function buildNoticeDocx(db: Database, y: YearEvaluation): Promise<Buffer> {
  const { streetName, committeeName } = getSettings(db);
  const w = y.settings.weights;
  const byGrade = GRADES.map((g) => ({ g, units: y.units.filter((u) => u.grade === g) }));
  const blocks: OfficialBlock[] = [
    {
      kind: 'paragraph',
      text: `根据区域化党建共建单位考核评价办法，街道党工委对${y.units.length}个共建单位${y.year}年度工作进行了考核评价。考核由日常考核（占${w.daily}%）、年度考评（占${w.annual}%）和群众评议（占${w.public}%）三部分组成，日常考核依据联席会议出勤、议定事项和共建项目完成、服务群众需求、在职党员服务记实等记录计算。现将结果通报如下。`,
    },
    { kind: 'heading1', text: '一、考核等次' },
    ...byGrade.map((x, i): OfficialBlock => ({
      kind: 'paragraph',
      text: `（${['一', '二', '三', '四'][i]}）${x.g}（${x.units.length}个）：${x.units.length ? x.units.map((u) => u.unitName).join('、') : '无'}。`,
    })),
    { kind: 'heading1', text: '二、考核得分' },
    {
      kind: 'table',
      headers: ['排名', '单位名称', '日常考核', '年度考评', '群众评议', '总分', '等次'],
      rows: y.units.map((u) => [
        String(u.rank),
        u.unitName,
        txt(u.daily),
        txt(u.annual),
        txt(u.public),
        String(u.total),
        u.grade,
      ]),
      widths: [1.2, 6, 2, 2, 2, 1.8, 1.6],
    },
    {
      kind: 'paragraph',
      text: '希望受到表扬的单位再接再厉，其他单位对照差距、补齐短板，共同推动区域化党建工作提质增效。',
    },
  ];
  return buildOfficialDocx({
    title: `关于${y.year}年度共建单位考核评价结果的通报`,
    mainRecipient: '各共建单位、各社区党组织',
    blocks,
    signature: [`中共${streetName}工作委员会`, committeeName].filter(Boolean),
    date: todayIso(),
  });
}

// ---------- 群众评议 from a survey sheet ----------
type PublicColumn = 'seq' | 'unit' | 'score' | 'satisfied' | 'fair' | 'unsatisfied';
const PUBLIC_COLUMNS: readonly HeaderField<PublicColumn>[] = [
  { key: 'seq', label: '序号', aliases: ['编号'] },
  { key: 'unit', label: '单位名称', aliases: ['共建单位', '单位', '被评议单位'] },
  { key: 'score', label: '群众评议得分', aliases: ['评议得分', '得分', '满意度得分', '分数'] },
  { key: 'satisfied', label: '满意', aliases: ['满意票数', '满意（票）', '满意(票)'] },
  { key: 'fair', label: '基本满意', aliases: ['基本满意票数', '基本满意（票）', '基本满意(票)', '比较满意'] },
  { key: 'unsatisfied', label: '不满意', aliases: ['不满意票数', '不满意（票）', '不满意(票)'] },
];
const PUBLIC_LABELS = Object.fromEntries(PUBLIC_COLUMNS.map((c) => [c.key, c.label])) as Record<PublicColumn, string>;

/** 满意 counts 100, 基本满意 60, 不满意 0: the usual survey rule; the score is the average. */
export const surveyScore = (satisfied: number, fair: number, unsatisfied: number): number | null => {
  const n = satisfied + fair + unsatisfied;
  return n === 0 ? null : round1((satisfied * 100 + fair * 60) / n);
};

interface PublicPlan extends ListPlan {
  writes: { unitId: number; score: number }[];
}

/** The year travels with the preview: the sheet itself rarely says which year it scores. */
const yearOfPreview = new Map<string, number>();

function publicImporter(year: () => number): ListImporter<PublicColumn, PublicPlan> {
  return {
    read: (wb, fileName) =>
      readTable(wb, fileName, {
        what: '群众评议表',
        columns: PUBLIC_COLUMNS,
        required: ['unit'],
        keyColumn: 'unit',
        dateColumns: [],
        ignored: ['seq'],
        headerHint: '请确认表格中有“单位名称”列，以及“群众评议得分”列或“满意”“基本满意”“不满意”票数列',
      }),
    plan(db, table: ReadTable<PublicColumn>) {
      const at = cellMessage(table, PUBLIC_LABELS);
      const out = skipRows(table);
      const writes: PublicPlan['writes'] = [];
      const current = repo.scoresOf(db, year());
      const seen = new Map<number, number>();
      for (const r of table.rows) {
        if (r.skip) continue;
        const c = (k: PublicColumn) => r.cells[k]?.text ?? '';
        const label = c('unit') || `（第${r.row}行）`;
        const errors: string[] = [];
        const unitId = c('unit') ? findUnitIdByKey(db, nameKey(c('unit'))) : undefined;
        if (!c('unit')) errors.push(at(r.row, 'unit', '请填写单位名称'));
        else if (unitId === undefined) errors.push(at(r.row, 'unit', `“${c('unit')}”不在共建单位名录中`));
        let score: number | null = null;
        if (c('score')) {
          const n = Number(c('score').replace(/分$/, ''));
          if (!Number.isFinite(n) || n < 0 || n > 100)
            errors.push(at(r.row, 'score', `“${c('score')}”不是0到100之间的分数`));
          else score = round1(n);
        } else {
          const nums = (['satisfied', 'fair', 'unsatisfied'] as const).map((k) => ({
            k,
            n: c(k) === '' ? 0 : Number(c(k)),
          }));
          const bad = nums.find((x) => !Number.isInteger(x.n) || x.n < 0);
          if (bad) errors.push(at(r.row, bad.k, `“${c(bad.k)}”不是票数`));
          else score = surveyScore(nums[0]!.n, nums[1]!.n, nums[2]!.n);
          if (!bad && score === null) errors.push(at(r.row, 'score', '没有评议得分，也没有满意度票数'));
        }
        if (errors.length || unitId === undefined || score === null) {
          out.set(r.row, { row: r.row, action: 'error', label, messages: errors });
          continue;
        }
        if (seen.has(unitId)) {
          out.set(r.row, {
            row: r.row,
            action: 'skip',
            label,
            messages: [`与第${seen.get(unitId)}行是同一单位，不重复导入`],
          });
          continue;
        }
        seen.set(unitId, r.row);
        const before = current.get(unitId)?.public ?? null;
        if (before === score) {
          out.set(r.row, { row: r.row, action: 'unchanged', label, messages: [] });
          continue;
        }
        writes.push({ unitId, score });
        out.set(r.row, {
          row: r.row,
          action: before === null ? 'add' : 'update',
          label,
          messages: [before === null ? `群众评议：${score}分` : `群众评议：${before} → ${score}`],
        });
      }
      return { rows: [...out.values()].sort((a, b) => a.row - b.row), unmatched: [], writes };
    },
    apply(db, table, plan): ListImportResult {
      const y = year();
      if (repo.lockOf(db, y)) throw new AppError('CONFLICT', `${y}年的考核结果已锁定，不能再导入群众评议`);
      const current = repo.scoresOf(db, y);
      let added = 0;
      for (const w of plan.writes) {
        const b = current.get(w.unitId);
        if (b?.public === null || b === undefined) added++;
        repo.saveScore(db, y, w.unitId, b?.annual ?? null, w.score);
      }
      const result = {
        added,
        updated: plan.writes.length - added,
        unchanged: countOf(plan.rows, 'unchanged'),
        leftOut: countOf(plan.rows, 'error') + countOf(plan.rows, 'skip'),
      };
      recordOp(db, {
        action: 'import',
        entity: 'evaluation',
        entityId: y,
        title: table.fileName,
        summary: `导入${y}年群众评议：新增${result.added}个单位，更新${result.updated}个`,
      });
      return result;
    },
  };
}

let activeYear = 0;
const publicIo = listImportHandlers(publicImporter(() => activeYear));

export const evaluationFileHandlers: Pick<
  Handlers,
  | 'evaluation.exportRanking'
  | 'evaluation.exportNotice'
  | 'evaluation.importPublicPreview'
  | 'evaluation.importPublicCommit'
> = {
  'evaluation.exportRanking': ({ year }, ctx) =>
    saveAndLog(
      ctx,
      `${year}年度共建单位考核评价结果-${todayIso().replace(/-/g, '')}.xlsx`,
      buildRankingWorkbook(ctx.db, yearEvaluation(ctx.db, year)),
      `导出${year}年度考核评价结果`,
    ),
  'evaluation.exportNotice': async ({ year }, ctx) => {
    const buf = await buildNoticeDocx(ctx.db, yearEvaluation(ctx.db, year));
    return logSaved(
      ctx,
      await saveBuffer(ctx, `关于${year}年度共建单位考核评价结果的通报.docx`, buf, [
        { name: 'Word 文档', extensions: ['docx'] },
      ]),
      `导出${year}年度考核评价通报`,
    );
  },
  'evaluation.importPublicPreview': async ({ year, fileName, dataBase64 }, { db }) => {
    if (repo.lockOf(db, year)) throw new AppError('CONFLICT', `${year}年的考核结果已锁定，不能再导入群众评议`);
    activeYear = year;
    const p = await publicIo.preview(db, { fileName, dataBase64 });
    yearOfPreview.set(p.previewId, year);
    return p;
  },
  'evaluation.importPublicCommit': (input, { db }) => {
    const year = yearOfPreview.get(input.previewId);
    if (year === undefined) throw new AppError('IMPORT_FAILED', '这次导入的预览已过期或已经导入过，请重新选择文件导入');
    activeYear = year;
    const r = publicIo.commit(db, input);
    yearOfPreview.delete(input.previewId);
    return r;
  },
};
