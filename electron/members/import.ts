import type { Database } from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { MemberInput } from '../../shared/contract/members';
import type { ListImportResult } from '../../shared/contract/lists';
import { MEMBER_STATUS_LABELS, roundHours, type MemberStatus } from '../../shared/domain/members';
import { nameKey } from '../../shared/domain/text';
import { cellMessage, countOf, skipRows, type ListImporter, type ListPlan } from '../files/list-import';
import type { HeaderField } from '../files/sheet-header';
import { readTable, type ReadTable } from '../files/table-rows';
import { recordOp } from '../oplog/service';
import { getCommunity, findCommunityIdByKey, findUnitIdByKey, getUnit } from '../units/repo';
import * as repo from './repo';
import { writeMember } from './service';

/**
 * Importing the 在职党员名册 and 服务记实 sheets communities keep, with the preview rules of every list:
 * each row add / update / unchanged / skip / error with the row and column named; the same file twice adds
 * nothing. A member is the same person when the name and the unit match.
 */

// ---------- 名册 ----------
export type RosterColumn = 'seq' | 'name' | 'unit' | 'community' | 'reportedOn' | 'post' | 'phone' | 'status' | 'notes';

export const ROSTER_COLUMNS: readonly HeaderField<RosterColumn>[] = [
  { key: 'seq', label: '序号', aliases: ['编号', '序'] },
  { key: 'name', label: '姓名', aliases: ['党员姓名', '在职党员'] },
  { key: 'unit', label: '工作单位', aliases: ['所在单位', '单位', '单位名称', '共建单位'] },
  { key: 'community', label: '报到社区', aliases: ['社区', '报到社区名称', '居住社区'] },
  { key: 'reportedOn', label: '报到日期', aliases: ['报到时间', '日期'] },
  { key: 'post', label: '认领岗位', aliases: ['服务岗位', '岗位', '认领服务岗位'] },
  { key: 'phone', label: '联系电话', aliases: ['电话', '手机', '手机号', '联系方式'] },
  { key: 'status', label: '状态', aliases: ['在册状态'] },
  { key: 'notes', label: '备注', aliases: ['说明'] },
];
const ROSTER_LABELS = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.label])) as Record<RosterColumn, string>;
const STATUS_WORDS: Record<string, MemberStatus> = {
  在册: 'active',
  在岗: 'active',
  正常: 'active',
  转出: 'transferred',
  调出: 'transferred',
  已转出: 'transferred',
};

interface RosterPlan extends ListPlan {
  writes: { row: number; input: ReturnType<typeof MemberInput.parse> }[];
}

const findUnit = (db: Database, name: string) => findUnitIdByKey(db, nameKey(name));

function planRoster(db: Database, table: ReadTable<RosterColumn>): RosterPlan {
  const at = cellMessage(table, ROSTER_LABELS);
  const out = skipRows(table);
  const writes: RosterPlan['writes'] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    if (r.skip) continue;
    const c = (k: RosterColumn) => r.cells[k]?.text ?? '';
    const errors: string[] = [];
    const label = c('name') || `（第${r.row}行）`;
    const unitId = c('unit') ? findUnit(db, c('unit')) : undefined;
    if (!c('unit')) errors.push(at(r.row, 'unit', '请填写工作单位'));
    else if (unitId === undefined)
      errors.push(at(r.row, 'unit', `“${c('unit')}”不在共建单位名录中，请先添加该单位或改正单位名称`));
    const communityId = c('community') ? findCommunityIdByKey(db, nameKey(c('community'))) : undefined;
    if (!c('community')) errors.push(at(r.row, 'community', '请填写报到社区'));
    else if (communityId === undefined) errors.push(at(r.row, 'community', `“${c('community')}”不在社区名录中`));
    const reportedOn = r.cells.reportedOn?.date ?? null;
    if (c('reportedOn') && !reportedOn)
      errors.push(at(r.row, 'reportedOn', `“${c('reportedOn')}”不是有效日期，请写成 2025年7月28日 或 2025-07-28`));
    const statusText = c('status').replace(/\s+/g, '');
    const status = statusText === '' ? 'active' : STATUS_WORDS[statusText];
    if (!status) errors.push(at(r.row, 'status', `“${statusText}”不是可用的状态，请填写：在册、转出`));
    const masked = c('phone').includes('*');
    const phoneText = masked
      ? ''
      : r.cells.phone?.numeric && !c('phone').startsWith('1')
        ? `0${c('phone')}`
        : c('phone');
    const parsed = MemberInput.safeParse({
      name: c('name'),
      unitId: unitId ?? 1,
      communityId: communityId ?? 1,
      reportedOn,
      post: c('post'),
      phone: phoneText,
      status: status ?? 'active',
      notes: c('notes'),
    });
    if (!parsed.success) {
      const col: Record<string, RosterColumn> = { name: 'name', post: 'post', phone: 'phone', notes: 'notes' };
      for (const i of parsed.error.issues) errors.push(at(r.row, col[String(i.path[0])] ?? 'name', i.message));
    }
    if (errors.length || !parsed.success || unitId === undefined || communityId === undefined) {
      out.set(r.row, { row: r.row, action: 'error', label, messages: errors });
      continue;
    }
    const unitName = getUnit(db, unitId)!.name;
    const key = `${nameKey(parsed.data.name)}|${unitId}`;
    if (seen.has(key)) {
      out.set(r.row, {
        row: r.row,
        action: 'skip',
        label,
        messages: [`与第${seen.get(key)}行是同一名党员（姓名、工作单位相同），不重复导入`],
      });
      continue;
    }
    seen.set(key, r.row);
    const existingId = repo.findMemberId(db, nameKey(parsed.data.name), unitName);
    const input = { ...parsed.data, id: existingId };
    if (existingId === undefined) {
      writes.push({ row: r.row, input });
      out.set(r.row, { row: r.row, action: 'add', label, messages: [] });
      continue;
    }
    const before = repo.memberRecordOf(db, existingId)!;
    if (masked) input.phone = before.phone;
    const communityName = getCommunity(db, communityId)!.name;
    const changes = [
      before.communityName !== communityName && `报到社区：${before.communityName} → ${communityName}`,
      before.reportedOn !== input.reportedOn &&
        `报到日期：${before.reportedOn ?? '（空）'} → ${input.reportedOn ?? '（空）'}`,
      before.post !== input.post && `认领岗位：${before.post || '（空）'} → ${input.post || '（空）'}`,
      before.phone !== input.phone && `联系电话：已修改`,
      before.status !== input.status &&
        `状态：${MEMBER_STATUS_LABELS[before.status]} → ${MEMBER_STATUS_LABELS[input.status]}`,
      before.notes !== input.notes && `备注：已修改`,
    ].filter((x): x is string => Boolean(x));
    if (changes.length === 0) {
      out.set(r.row, { row: r.row, action: 'unchanged', label, messages: [] });
      continue;
    }
    writes.push({ row: r.row, input });
    out.set(r.row, { row: r.row, action: 'update', label, messages: changes });
  }
  return { rows: [...out.values()].sort((a, b) => a.row - b.row), unmatched: [], writes };
}

export const rosterImporter: ListImporter<RosterColumn, RosterPlan> = {
  read: (wb: ExcelJS.Workbook, fileName: string) =>
    readTable(wb, fileName, {
      what: '在职党员名册',
      columns: ROSTER_COLUMNS,
      required: ['name', 'unit'],
      keyColumn: 'name',
      dateColumns: ['reportedOn'],
      ignored: ['seq'],
      headerHint: '请确认表格前15行中有一行列名，至少包括“姓名”“工作单位”和“报到社区”',
    }),
  plan: (db, table) => planRoster(db, table),
  apply(db, table, plan): ListImportResult {
    let added = 0;
    for (const w of plan.writes) {
      if (w.input.id === undefined) added++;
      writeMember(db, w.input);
    }
    const result = {
      added,
      updated: plan.writes.length - added,
      unchanged: countOf(plan.rows, 'unchanged'),
      leftOut: countOf(plan.rows, 'error') + countOf(plan.rows, 'skip'),
    };
    recordOp(db, {
      action: 'import',
      entity: 'member',
      entityId: null,
      title: table.fileName,
      summary: `新增${result.added}名，更新${result.updated}名，未改动${result.unchanged}名，未导入${result.leftOut}行`,
    });
    return result;
  },
};

// ---------- 服务记实 ----------
export type RecordColumn = 'seq' | 'servedOn' | 'name' | 'unit' | 'title' | 'hours' | 'community';

export const RECORD_COLUMNS: readonly HeaderField<RecordColumn>[] = [
  { key: 'seq', label: '序号', aliases: ['编号', '序'] },
  { key: 'servedOn', label: '服务日期', aliases: ['日期', '活动日期', '时间'] },
  { key: 'name', label: '姓名', aliases: ['党员姓名', '参加人员'] },
  { key: 'unit', label: '工作单位', aliases: ['所在单位', '单位'] },
  { key: 'title', label: '服务内容', aliases: ['活动内容', '服务事项', '活动名称', '服务活动'] },
  {
    key: 'hours',
    label: '服务时长',
    aliases: ['时长', '服务时长（小时）', '服务时长(小时)', '小时数', '时长（小时）'],
  },
  { key: 'community', label: '服务社区', aliases: ['社区', '报到社区'] },
];
const RECORD_LABELS = Object.fromEntries(RECORD_COLUMNS.map((c) => [c.key, c.label])) as Record<RecordColumn, string>;

interface RecordWrite {
  servedOn: string;
  title: string;
  communityId: number;
  communityName: string;
  memberId: number;
  unitId: number | null;
  hours: number;
}
interface RecordPlan extends ListPlan {
  writes: RecordWrite[];
}

function existingRecord(db: Database, w: Omit<RecordWrite, 'hours' | 'unitId'>): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM service_records r JOIN service_activities a ON a.id = r.activity_id
         WHERE r.member_id = ? AND r.served_on = ? AND a.title = ? AND a.community_id = ?`,
      )
      .get(w.memberId, w.servedOn, w.title, w.communityId) !== undefined
  );
}

function planRecords(db: Database, table: ReadTable<RecordColumn>): RecordPlan {
  const at = cellMessage(table, RECORD_LABELS);
  const out = skipRows(table);
  const writes: RecordWrite[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    if (r.skip) continue;
    const c = (k: RecordColumn) => r.cells[k]?.text ?? '';
    const errors: string[] = [];
    const label = `${c('name')} ${c('title')}`.trim() || `（第${r.row}行）`;
    const servedOn = r.cells.servedOn?.date ?? null;
    if (!c('servedOn')) errors.push(at(r.row, 'servedOn', '请填写服务日期'));
    else if (!servedOn)
      errors.push(at(r.row, 'servedOn', `“${c('servedOn')}”不是有效日期，请写成 2025年7月28日 或 2025-07-28`));
    if (!c('title')) errors.push(at(r.row, 'title', '请填写服务内容'));
    const hours = Number(c('hours').replace(/小时|h$/i, ''));
    if (!c('hours')) errors.push(at(r.row, 'hours', '请填写服务时长（小时）'));
    else if (!Number.isFinite(hours) || hours <= 0 || hours > 24)
      errors.push(at(r.row, 'hours', `“${c('hours')}”不是有效的时长，请填写0到24之间的小时数，如 2 或 2.5`));
    const communityId = c('community') ? findCommunityIdByKey(db, nameKey(c('community'))) : undefined;
    if (!c('community')) errors.push(at(r.row, 'community', '请填写服务社区'));
    else if (communityId === undefined) errors.push(at(r.row, 'community', `“${c('community')}”不在社区名录中`));
    const unitId = c('unit') ? findUnit(db, c('unit')) : undefined;
    const unitName = unitId !== undefined ? getUnit(db, unitId)!.name : c('unit');
    const memberId = c('name') ? repo.findMemberId(db, nameKey(c('name')), unitName) : undefined;
    if (!c('name')) errors.push(at(r.row, 'name', '请填写姓名'));
    else if (memberId === undefined)
      errors.push(
        at(r.row, 'name', `名册中没有“${unitName || '（未填单位）'}”的在职党员“${c('name')}”，请先导入或登记名册`),
      );
    if (errors.length || !servedOn || communityId === undefined || memberId === undefined) {
      out.set(r.row, { row: r.row, action: 'error', label, messages: errors });
      continue;
    }
    const member = repo.memberRecordOf(db, memberId)!;
    const w: RecordWrite = {
      servedOn,
      title: c('title'),
      communityId,
      communityName: getCommunity(db, communityId)!.name,
      memberId,
      unitId: member.unitId,
      hours: roundHours(hours),
    };
    const key = `${memberId}|${servedOn}|${w.title}|${communityId}`;
    if (seen.has(key)) {
      out.set(r.row, {
        row: r.row,
        action: 'skip',
        label,
        messages: [`与第${seen.get(key)}行重复（同一人、同一天、同一服务内容），不重复导入`],
      });
      continue;
    }
    seen.set(key, r.row);
    if (existingRecord(db, w)) {
      out.set(r.row, { row: r.row, action: 'unchanged', label, messages: ['已有这条服务记实'] });
      continue;
    }
    writes.push(w);
    out.set(r.row, { row: r.row, action: 'add', label, messages: [] });
  }
  return { rows: [...out.values()].sort((a, b) => a.row - b.row), unmatched: [], writes };
}

export const recordImporter: ListImporter<RecordColumn, RecordPlan> = {
  read: (wb, fileName) =>
    readTable(wb, fileName, {
      what: '服务记实',
      columns: RECORD_COLUMNS,
      required: ['name', 'servedOn', 'hours'],
      keyColumn: 'name',
      dateColumns: ['servedOn'],
      ignored: ['seq'],
      headerHint: '请确认表格前15行中有一行列名，至少包括“服务日期”“姓名”“工作单位”“服务内容”“服务时长”“服务社区”',
    }),
  plan: (db, table) => planRecords(db, table),
  apply(db, table, plan): ListImportResult {
    // Rows of the same day, content and community are one activity (the volunteer day of the sheet).
    const groups = new Map<string, RecordWrite[]>();
    for (const w of plan.writes) {
      const k = `${w.servedOn}|${w.title}|${w.communityId}`;
      groups.set(k, [...(groups.get(k) ?? []), w]);
    }
    for (const ws of groups.values()) {
      const f = ws[0]!;
      const activityId = repo.insertActivity(db, {
        servedOn: f.servedOn,
        title: f.title,
        communityId: f.communityId,
        communityName: f.communityName,
        projectId: null,
        needId: null,
        notes: `从「${table.fileName}」导入`,
      });
      repo.insertRecords(db, activityId, f.servedOn, ws);
    }
    const result = {
      added: plan.writes.length,
      updated: 0,
      unchanged: countOf(plan.rows, 'unchanged'),
      leftOut: countOf(plan.rows, 'error') + countOf(plan.rows, 'skip'),
    };
    recordOp(db, {
      action: 'import',
      entity: 'service_activity',
      entityId: null,
      title: table.fileName,
      summary: `新增${result.added}条服务记实（${groups.size}次活动），已有${result.unchanged}条，未导入${result.leftOut}行`,
    });
    return result;
  },
};
