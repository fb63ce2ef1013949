import type { Database } from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { NeedFields } from '../../shared/contract/lists';
import { todayIso } from '../../shared/domain/dates';
import { NEED_STATUS_LABELS, URGENCIES, type NeedStatus, type Urgency } from '../../shared/domain/lists';
import { maskName } from '../../shared/domain/mask';
import { PHONE_HINT, normalizePhone } from '../../shared/domain/phone';
import { nameKey } from '../../shared/domain/text';
import type { ListImportResult } from '../../shared/contract/lists';
import {
  cellMessage,
  finishListImport,
  skipRows,
  type Choice,
  type ListImporter,
  type ListPlan,
} from '../files/list-import';
import type { HeaderField } from '../files/sheet-header';
import { readTable, type ReadTable } from '../files/table-rows';
import { currentOperator } from '../oplog/service';
import { findCommunityIdByKey } from '../units/repo';
import * as repo from './repo';
import { toNeedRecord } from './service';

export type NeedColumn =
  | 'seq'
  | 'community'
  | 'grid'
  | 'title'
  | 'description'
  | 'category'
  | 'source'
  | 'raisedOn'
  | 'urgency'
  | 'contactName'
  | 'contactPhone'
  | 'status'
  | 'rejectReason';

export const NEED_COLUMNS: readonly HeaderField<NeedColumn>[] = [
  { key: 'seq', label: '序号', aliases: ['编号', '序', 'No', 'No.'] },
  { key: 'community', label: '社区', aliases: ['所属社区', '社区名称', '提出社区'] },
  { key: 'grid', label: '网格', aliases: ['所属网格', '网格名称', '网格号'] },
  { key: 'title', label: '需求名称', aliases: ['需求', '需求事项', '需求标题', '事项', '项目名称', '微心愿'] },
  {
    key: 'description',
    label: '需求内容',
    aliases: ['具体内容', '需求描述', '内容', '具体需求', '需求详情', '情况说明'],
  },
  { key: 'category', label: '类别', aliases: ['需求类别', '类型', '需求类型', '分类'] },
  { key: 'source', label: '来源', aliases: ['需求来源', '收集方式', '收集渠道', '来源渠道'] },
  { key: 'raisedOn', label: '提出日期', aliases: ['日期', '提出时间', '收集日期', '收集时间', '登记日期', '登记时间'] },
  { key: 'urgency', label: '紧急程度', aliases: ['紧急', '缓急程度', '急缓程度', '优先级'] },
  { key: 'contactName', label: '联系人', aliases: ['居民姓名', '提出人', '姓名', '群众姓名'] },
  { key: 'contactPhone', label: '联系电话', aliases: ['电话', '联系方式', '手机', '手机号'] },
  { key: 'status', label: '状态', aliases: ['办理状态', '对接状态', '进展', '办理情况'] },
  { key: 'rejectReason', label: '不予受理原因', aliases: ['原因', '未受理原因'] },
];
const LABELS = Object.fromEntries(NEED_COLUMNS.map((c) => [c.key, c.label])) as Record<NeedColumn, string>;

const STATUS_WORDS: Record<string, NeedStatus> = {
  ...Object.fromEntries(Object.entries(NEED_STATUS_LABELS).map(([k, v]) => [v, k as NeedStatus])),
  未对接: 'open',
  待办: 'open',
  对接中: 'matched',
  已受理: 'matched',
  正在办理: 'in_progress',
  推进中: 'in_progress',
  已完成: 'done',
  办结: 'done',
  完成: 'done',
  不受理: 'rejected',
};
const URGENCY_WORDS: Record<string, Urgency> = {
  急: '紧急',
  特急: '紧急',
  很急: '紧急',
  比较急: '较急',
  急迫: '较急',
  普通: '一般',
  不急: '一般',
};

export function readNeedSheet(wb: ExcelJS.Workbook, fileName: string): ReadTable<NeedColumn> {
  return readTable(wb, fileName, {
    what: '需求清单',
    columns: NEED_COLUMNS,
    required: ['community', 'title'],
    keyColumn: 'title',
    dateColumns: ['raisedOn'],
    ignored: ['seq'],
    headerHint: '请确认表格前15行中有一行列名，至少包括“社区”和“需求名称”，以及“类别”“提出日期”等列',
  });
}

interface NeedWrite {
  row: number;
  existingId?: number;
  record: ReturnType<typeof toNeedRecord>;
  status: NeedStatus;
  reason: string;
}

export interface NeedPlan extends ListPlan {
  writes: NeedWrite[];
}

export function planNeedImport(db: Database, table: ReadTable<NeedColumn>, _choices: readonly Choice[]): NeedPlan {
  const today = todayIso();
  const at = cellMessage(table, LABELS);
  const out = skipRows(table);
  const writes: NeedWrite[] = [];
  const seen = new Map<string, number>();
  // A file names a handful of communities over and over: each is looked up once.
  const communityIds = new Map<string, number | undefined>();
  const communityOf = (name: string) => {
    const key = nameKey(name);
    if (!communityIds.has(key)) communityIds.set(key, findCommunityIdByKey(db, key));
    return communityIds.get(key);
  };
  // The needs the rows may be updating, fetched for the whole file at once.
  const existingNeeds = repo.needsByIdentity(
    db,
    table.rows.flatMap((r) => {
      const communityId = r.cells.community?.text ? communityOf(r.cells.community.text) : undefined;
      const raisedOn = r.cells.raisedOn?.date;
      const title = r.cells.title?.text;
      return communityId !== undefined && raisedOn && title
        ? [{ communityId, titleKey: nameKey(title), raisedOn }]
        : [];
    }),
    today,
  );
  for (const r of table.rows) {
    if (r.skip) continue;
    const c = (k: NeedColumn) => r.cells[k]?.text ?? '';
    const errors: string[] = [];
    const communityName = c('community');
    const communityId = communityName ? communityOf(communityName) : undefined;
    if (!communityName) errors.push(at(r.row, 'community', '请填写社区'));
    else if (communityId === undefined)
      errors.push(
        at(r.row, 'community', `“${communityName}”不在社区名录中，请先在“社区与网格”中添加该社区，或改正社区名称`),
      );
    const dateText = c('raisedOn');
    const raisedOn = r.cells.raisedOn?.date ?? null;
    if (!dateText) errors.push(at(r.row, 'raisedOn', '请填写提出日期'));
    else if (!raisedOn)
      errors.push(at(r.row, 'raisedOn', `“${dateText}”不是有效日期，请写成 2025年7月28日 或 2025-07-28 这样的格式`));
    const urgencyText = c('urgency').replace(/\s+/g, '');
    const urgency: Urgency | undefined =
      urgencyText === ''
        ? '一般'
        : (URGENCIES as readonly string[]).includes(urgencyText)
          ? (urgencyText as Urgency)
          : URGENCY_WORDS[urgencyText];
    if (!urgency)
      errors.push(at(r.row, 'urgency', `“${urgencyText}”不是可用的紧急程度，请填写：${URGENCIES.join('、')}`));
    const statusText = c('status').replace(/\s+/g, '');
    const status: NeedStatus | undefined = statusText === '' ? 'open' : STATUS_WORDS[statusText];
    if (!status)
      errors.push(
        at(r.row, 'status', `“${statusText}”不是可用的状态，请填写：${Object.values(NEED_STATUS_LABELS).join('、')}`),
      );
    // A list exported with contacts masked (138****5678, 张*) comes back masked: those cells keep what is stored.
    const maskedPhone = c('contactPhone').includes('*');
    const maskedName = c('contactName').includes('*');
    let phone = maskedPhone ? '' : c('contactPhone');
    if (phone) {
      const p = normalizePhone(phone) ?? (r.cells.contactPhone?.numeric ? normalizePhone(`0${phone}`) : null);
      if (p === null) errors.push(at(r.row, 'contactPhone', `“${phone}”不是有效的电话号码，${PHONE_HINT}`));
      else phone = p;
    }
    const parsed = NeedFields.safeParse({
      communityId: communityId ?? 1,
      grid: c('grid'),
      title: c('title'),
      description: c('description'),
      category: c('category'),
      source: c('source'),
      raisedOn: raisedOn ?? '2000-01-01',
      urgency: urgency ?? '一般',
      contactName: maskedName ? '' : c('contactName'),
      contactPhone: errors.some((e) => e.includes('电话')) ? '' : phone,
    });
    if (!parsed.success) {
      const field: Record<string, NeedColumn> = {
        title: 'title',
        category: 'category',
        description: 'description',
        grid: 'grid',
        source: 'source',
        contactName: 'contactName',
      };
      for (const issue of parsed.error.issues) {
        const k = field[String(issue.path[0])] ?? 'title';
        errors.push(at(r.row, k, issue.message));
      }
    }
    const label = c('title') || `（第${r.row}行）`;
    if (errors.length || !parsed.success || communityId === undefined || !status) {
      out.set(r.row, { row: r.row, action: 'error', label, messages: errors });
      continue;
    }
    const record = toNeedRecord({ ...parsed.data, communityId });
    const identity = `${communityId}|${record.titleKey}|${record.raisedOn}|${nameKey(c('contactName'))}`;
    const dup = seen.get(identity);
    if (dup !== undefined) {
      out.set(r.row, {
        row: r.row,
        action: 'skip',
        label,
        messages: [`与第${dup}行是同一条需求（社区、需求名称、提出日期、联系人都相同），不重复导入`],
      });
      continue;
    }
    seen.set(identity, r.row);
    const reason = status === 'rejected' ? c('rejectReason') || '导入时已为不予受理' : '';
    const existing = existingNeeds({ communityId, titleKey: record.titleKey, raisedOn: record.raisedOn }).find((n) =>
      maskedName
        ? maskName(n.contactName) === c('contactName')
        : nameKey(n.contactName) === nameKey(record.contactName),
    );
    if (existing && maskedName) record.contactName = existing.contactName;
    if (existing && maskedPhone) record.contactPhone = existing.contactPhone;
    if (!existing) {
      writes.push({ row: r.row, record, status, reason });
      out.set(r.row, { row: r.row, action: 'add', label, messages: [] });
      continue;
    }
    const before = toNeedRecord(existing);
    const changes = (Object.keys(record) as (keyof typeof record)[])
      .filter((k) => k !== 'titleKey' && k !== 'communityId' && record[k] !== before[k])
      .map((k) => `${changeLabel[k]}：${before[k] || '（空）'} → ${record[k] || '（空）'}`);
    if (existing.status !== status)
      changes.push(`状态：${NEED_STATUS_LABELS[existing.status]} → ${NEED_STATUS_LABELS[status]}`);
    if (changes.length === 0) {
      out.set(r.row, { row: r.row, action: 'unchanged', label, messages: [] });
      continue;
    }
    writes.push({ row: r.row, existingId: existing.id, record, status, reason });
    out.set(r.row, { row: r.row, action: 'update', label, messages: changes });
  }
  return { rows: [...out.values()].sort((a, b) => a.row - b.row), unmatched: [], writes };
}

const changeLabel: Record<string, string> = {
  grid: '网格',
  title: '需求名称',
  description: '需求内容',
  category: '类别',
  source: '来源',
  raisedOn: '提出日期',
  urgency: '紧急程度',
  contactName: '联系人',
  contactPhone: '联系电话',
};

export function applyNeedImport(db: Database, table: ReadTable<NeedColumn>, plan: NeedPlan): ListImportResult {
  let updated = 0;
  const operator = currentOperator(db);
  const reason = `从「${table.fileName}」导入`;
  const added = repo.insertNeedsInBulk(
    db,
    plan.writes
      .filter((w) => w.existingId === undefined)
      .map((w) => ({ record: w.record, status: w.status, rejectReason: w.reason })),
    { reason, operator },
  );
  for (const w of plan.writes) {
    if (w.existingId === undefined) continue;
    repo.updateNeed(db, w.existingId, w.record);
    const before = repo.getNeed(db, w.existingId, todayIso())!;
    if (before.status !== w.status) {
      // One 操作日志 entry covers the whole import; the need's own history still records the step.
      repo.setNeedStatus(db, w.existingId, w.status, w.reason);
      repo.logNeedStatus(db, { needId: w.existingId, from: before.status, to: w.status, reason, operator });
    }
    updated++;
  }
  return finishListImport(
    db,
    plan.rows,
    { added, updated },
    { entity: 'need', noun: '需求', measure: '条', fileName: table.fileName },
  );
}

export const needImporter: ListImporter<NeedColumn, NeedPlan> = {
  read: readNeedSheet,
  plan: planNeedImport,
  apply: applyNeedImport,
};
