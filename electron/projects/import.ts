import type { Database } from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import type { ListImportResult } from '../../shared/contract/lists';
import { parseDeadline, todayIso } from '../../shared/domain/dates';
import { LIST_LIMITS, PROJECT_STATUS_LABELS } from '../../shared/domain/lists';
import { nameKey, toHalfWidth } from '../../shared/domain/text';
import { officialDate } from '../files/docx-official';
import {
  cellMessage,
  finishListImport,
  skipRows,
  type Choice,
  type ListImporter,
  type ListPlan,
} from '../files/list-import';
import type { HeaderField } from '../files/sheet-header';
import { readTable, splitNames, type ReadTable } from '../files/table-rows';
import { UnitNames } from '../files/unit-names';
import { currentOperator } from '../oplog/service';
import { squeezeCjkSpaces } from '../units/import/read-sheet';
import * as repo from './repo';

export type ProjectColumn =
  | 'seq'
  | 'year'
  | 'name'
  | 'goal'
  | 'content'
  | 'lead'
  | 'support'
  | 'communities'
  | 'leader'
  | 'startOn'
  | 'deadline'
  | 'milestones'
  | 'budget'
  | 'progress'
  | 'notes';

export const PROJECT_COLUMNS: readonly HeaderField<ProjectColumn>[] = [
  { key: 'seq', label: '序号', aliases: ['编号', '序', 'No', 'No.'] },
  { key: 'year', label: '年度', aliases: ['年份'] },
  { key: 'name', label: '项目名称', aliases: ['项目', '共建项目', '项目内容名称', '任务名称', '事项名称'] },
  { key: 'goal', label: '项目目标', aliases: ['目标', '工作目标', '目标任务', '预期目标'] },
  { key: 'content', label: '主要内容', aliases: ['项目内容', '内容', '具体内容', '工作内容', '主要措施', '工作措施'] },
  { key: 'lead', label: '责任单位', aliases: ['牵头单位', '主责单位', '责任部门', '牵头部门', '承办单位'] },
  { key: 'support', label: '配合单位', aliases: ['协办单位', '配合部门', '协作单位', '参与单位', '协办部门'] },
  { key: 'communities', label: '服务社区', aliases: ['涉及社区', '受益社区', '实施社区', '社区'] },
  { key: 'leader', label: '领办人', aliases: ['领办领导', '责任人', '书记领办', '负责人'] },
  { key: 'startOn', label: '开始日期', aliases: ['开始时间', '启动时间', '启动日期'] },
  { key: 'deadline', label: '完成时限', aliases: ['时间节点', '完成时间', '完成期限', '办结时限', '时限'] },
  { key: 'milestones', label: '工作节点', aliases: ['阶段安排', '进度安排', '推进计划', '节点安排'] },
  {
    key: 'budget',
    label: '预算（万元）',
    aliases: ['预算', '资金预算', '经费预算', '预算(万元)', '经费(万元)', '资金(万元)'],
  },
  { key: 'progress', label: '进度情况', aliases: ['进展情况', '推进情况', '完成情况', '进度', '目前进度'] },
  { key: 'notes', label: '备注', aliases: ['说明'] },
];
const LABELS = Object.fromEntries(PROJECT_COLUMNS.map((c) => [c.key, c.label])) as Record<ProjectColumn, string>;

export function readProjectSheet(wb: ExcelJS.Workbook, fileName: string): ReadTable<ProjectColumn> {
  return readTable(wb, fileName, {
    what: '项目责任分解表',
    columns: PROJECT_COLUMNS,
    required: ['name', 'lead'],
    keyColumn: 'name',
    dateColumns: ['startOn', 'deadline'],
    ignored: ['seq'],
    headerHint: '请确认表格前15行中有一行列名，至少包括“项目名称”和“责任单位”（或“牵头单位”），以及“完成时限”等列',
  });
}

/** The table's year: a 年度 column wins, else "2025年度…" in the title, else the file name, else this year. */
function tableYear(table: ReadTable<ProjectColumn>): number {
  const m = /(20\d{2})\s*年/.exec(toHalfWidth(table.titleText)) ?? /(20\d{2})/.exec(table.fileName);
  return m ? Number(m[1]) : Number(todayIso().slice(0, 4));
}

/** "推进中，完成60%" → 60; "已完成" → 100; "未启动" / blank → no entry. */
export function parseProgress(text: string): { percent: number; exact: boolean } | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  if (t === '' || /^(未启动|未开始|尚未启动|暂未启动|无)$/.test(t)) return null;
  const m = /(\d{1,3}(?:\.\d+)?)%/.exec(t);
  if (m) return { percent: Math.min(100, Math.round(Number(m[1]))), exact: true };
  if (/^(已完成|完成|已办结|办结|全部完成)$/.test(t)) return { percent: 100, exact: true };
  return { percent: 0, exact: false };
}

interface ProjectWrite {
  existingId?: number;
  record: repo.ProjectRecord;
  links: repo.ProjectLinks;
  progress: { percent: number; text: string } | null;
}
export interface ProjectPlan extends ListPlan {
  writes: ProjectWrite[];
}

const shownDeadline = (r: repo.ProjectRecord) => (r.longTerm ? '长期坚持' : r.deadlineText || r.deadlineOn || '（空）');

export function planProjectImport(
  db: Database,
  table: ReadTable<ProjectColumn>,
  choices: readonly Choice[],
): ProjectPlan {
  const today = todayIso();
  const at = cellMessage(table, LABELS);
  const names = new UnitNames(db, choices);
  const out = skipRows(table);
  const writes: ProjectWrite[] = [];
  const seen = new Map<string, number>();
  const defaultYear = tableYear(table);
  for (const r of table.rows) {
    if (r.skip) continue;
    const c = (k: ProjectColumn) => r.cells[k]?.text ?? '';
    const errors: string[] = [];
    const notes: string[] = [];
    const name = squeezeCjkSpaces(c('name'));
    const label = name || `（第${r.row}行）`;
    if (!name) errors.push(at(r.row, 'name', '请填写项目名称'));
    else if (name.length > LIST_LIMITS.title)
      errors.push(at(r.row, 'name', `项目名称不能超过${LIST_LIMITS.title}个字`));
    let year = defaultYear;
    if (c('year')) {
      const y = /(\d{4})/.exec(toHalfWidth(c('year')));
      if (y) year = Number(y[1]);
      else errors.push(at(r.row, 'year', `“${c('year')}”不是年度，请填写如 2025`));
    }

    // 责任单位 must be units; 配合单位 cells often name communities too ("区人社局，滨河社区").
    const lead: number[] = [];
    const support: number[] = [];
    const communities: number[] = [];
    for (const [col, into] of [
      ['lead', lead],
      ['support', support],
    ] as const) {
      for (const n of splitNames(c(col))) {
        const community = names.community(n);
        if (community) {
          communities.push(community.id);
          continue;
        }
        const unit = names.unit(n, r.row);
        if (unit) into.push(unit.id);
        else errors.push(at(r.row, col, `“${n}”不在共建单位名录中：请在下方选择它对应的单位，或先在名录中添加`));
      }
    }
    for (const n of splitNames(c('communities'))) {
      const community = names.community(n);
      if (community) communities.push(community.id);
      else errors.push(at(r.row, 'communities', `“${n}”不在社区名录中`));
    }
    if (c('lead') === '') errors.push(at(r.row, 'lead', '请填写责任单位'));
    else if (lead.length === 0 && !errors.some((e) => e.includes(`「${table.headers.lead ?? LABELS.lead}」`))) {
      errors.push(at(r.row, 'lead', '责任单位应为共建单位，这里只写了社区'));
    }

    const deadlineText = c('deadline');
    let deadlineOn: string | null = null;
    let longTerm = false;
    if (deadlineText) {
      const cellDate = r.cells.deadline?.date ?? null;
      const d = cellDate ? { date: cellDate, longTerm: false } : parseDeadline(deadlineText, year);
      if (!d)
        errors.push(
          at(
            r.row,
            'deadline',
            `“${deadlineText}”看不出完成时限，请写成 2025年10月31日、2025年10月、9月底前 或 长期坚持`,
          ),
        );
      else {
        deadlineOn = d.date;
        longTerm = d.longTerm;
      }
    }
    let startOn: string | null = null;
    if (c('startOn')) {
      startOn = r.cells.startOn?.date ?? null;
      if (!startOn) errors.push(at(r.row, 'startOn', `“${c('startOn')}”不是有效日期`));
    }
    let budget: number | null = null;
    if (c('budget')) {
      const n = Number(toHalfWidth(c('budget')).replace(/[,，\s]|万元|万/g, ''));
      if (Number.isFinite(n) && n >= 0) budget = n;
      else errors.push(at(r.row, 'budget', `“${c('budget')}”不是金额，请只填写数字（万元）`));
    }
    for (const k of ['goal', 'content', 'milestones', 'notes'] as const) {
      if (c(k).length > LIST_LIMITS.text) errors.push(at(r.row, k, `不能超过${LIST_LIMITS.text}个字`));
    }
    if (errors.length) {
      out.set(r.row, { row: r.row, action: 'error', label, messages: errors });
      continue;
    }
    const record: repo.ProjectRecord = {
      year,
      name,
      nameKey: nameKey(name),
      source: 'manual',
      decisionId: null,
      goal: c('goal'),
      content: c('content'),
      leader: c('leader'),
      startOn,
      deadlineOn,
      // A real date cell needs no paper wording; "9月底前" is kept as written.
      deadlineText: r.cells.deadline?.date ? '' : deadlineText,
      longTerm,
      milestones: c('milestones'),
      budget,
      notes: c('notes'),
    };
    const links: repo.ProjectLinks = {
      leadUnitIds: [...new Set(lead)],
      supportUnitIds: [...new Set(support)].filter((u) => !lead.includes(u)),
      communityIds: [...new Set(communities)],
    };
    const dup = seen.get(`${year}|${record.nameKey}`);
    if (dup !== undefined) {
      out.set(r.row, {
        row: r.row,
        action: 'skip',
        label,
        messages: [`与第${dup}行是同一项目（年度和项目名称相同），不重复导入`],
      });
      continue;
    }
    seen.set(`${year}|${record.nameKey}`, r.row);
    const parsedProgress = parseProgress(c('progress'));
    const progress = parsedProgress ? { percent: parsedProgress.percent, text: c('progress') } : null;
    if (parsedProgress && !parsedProgress.exact) notes.push(`进度情况“${c('progress')}”没有写百分比，记为0%`);

    const existingId = repo.findProjectId(db, year, record.nameKey);
    if (existingId === undefined) {
      if (progress) notes.push(`进度情况记为今天（${officialDate(today)}）的进度记录（${progress.percent}%）`);
      writes.push({ record, links, progress });
      out.set(r.row, { row: r.row, action: 'add', label, messages: notes });
      continue;
    }
    const before = repo.getProject(db, existingId, today)!;
    const changes: string[] = [];
    const text = (k: 'goal' | 'content' | 'leader' | 'milestones' | 'notes', l: string) => {
      if (record[k] !== before[k]) changes.push(`${l}：${before[k] || '（空）'} → ${record[k] || '（空）'}`);
    };
    text('goal', '项目目标');
    text('content', '主要内容');
    text('leader', '领办人');
    text('milestones', '工作节点');
    text('notes', '备注');
    // Blank optional cells keep what the app has (a start date or budget entered later is not erased).
    if (!c('startOn')) record.startOn = before.startOn;
    else if (record.startOn !== before.startOn)
      changes.push(`开始日期：${before.startOn ?? '（空）'} → ${record.startOn}`);
    if (!c('budget')) record.budget = before.budget;
    else if (record.budget !== before.budget)
      changes.push(`预算（万元）：${before.budget ?? '（空）'} → ${record.budget}`);
    if (!c('leader') && before.leader) record.leader = before.leader;
    if (record.deadlineOn !== before.deadlineOn || record.longTerm !== before.longTerm) {
      changes.push(
        `完成时限：${before.longTerm ? '长期坚持' : before.deadlineText || before.deadlineOn || '（空）'} → ${shownDeadline(record)}`,
      );
    } else record.deadlineText = before.deadlineText || record.deadlineText;
    const ids = (xs: { id: number }[]) =>
      xs
        .map((x) => x.id)
        .sort()
        .join(',');
    const sorted = (xs: number[]) => [...xs].sort().join(',');
    if (sorted(links.leadUnitIds) !== ids(before.leadUnits))
      changes.push(`责任单位：${before.leadUnits.map((u) => u.name).join('、') || '（空）'} → ${c('lead')}`);
    if (
      sorted(links.supportUnitIds) !== ids(before.supportUnits) ||
      sorted(links.communityIds) !== ids(before.communities)
    ) {
      changes.push('配合单位或服务社区有变化');
    }
    let addProgress = progress;
    if (progress && progress.text === before.progressText) addProgress = null;
    if (addProgress && before.status !== 'planning' && before.status !== 'active') {
      notes.push(`项目为“${PROJECT_STATUS_LABELS[before.status]}”，进度情况不再登记`);
      addProgress = null;
    }
    if (addProgress) changes.push(`新增进度记录：${addProgress.text}（${addProgress.percent}%）`);
    if (changes.length === 0) {
      out.set(r.row, { row: r.row, action: 'unchanged', label, messages: notes });
      continue;
    }
    writes.push({
      existingId,
      record: { ...record, source: before.source, decisionId: before.decisionId },
      links,
      progress: addProgress,
    });
    out.set(r.row, { row: r.row, action: 'update', label, messages: [...changes, ...notes] });
  }
  return { rows: [...out.values()].sort((a, b) => a.row - b.row), unmatched: names.unmatched(), writes };
}

export function applyProjectImport(db: Database, table: ReadTable<ProjectColumn>, plan: ProjectPlan): ListImportResult {
  let added = 0;
  let updated = 0;
  const today = todayIso();
  const operator = currentOperator(db);
  for (const w of plan.writes) {
    let id: number;
    if (w.existingId === undefined) {
      id = repo.insertProject(db, w.record, w.progress ? 'active' : 'planning');
      added++;
    } else {
      id = w.existingId;
      repo.updateProject(db, id, w.record);
      updated++;
    }
    repo.replaceLinks(db, id, w.links);
    if (w.progress) {
      repo.insertProgress(db, {
        projectId: id,
        entryOn: today,
        percent: w.progress.percent,
        text: w.progress.text,
        operator,
      });
      repo.refreshLatestProgress(db, id);
      if (repo.getProject(db, id, today)!.status === 'planning') repo.setProjectStatus(db, id, 'active', '');
    }
  }
  return finishListImport(
    db,
    plan.rows,
    { added, updated },
    { entity: 'project', noun: '项目', measure: '个', fileName: table.fileName },
  );
}

export const projectImporter: ListImporter<ProjectColumn, ProjectPlan> = {
  read: readProjectSheet,
  plan: planProjectImport,
  apply: applyProjectImport,
};
