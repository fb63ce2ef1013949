import type { Database } from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { ResourceFields, type ListImportResult } from '../../shared/contract/lists';
import { todayIso } from '../../shared/domain/dates';
import { RESOURCE_FIELD_LABELS, RESOURCE_STATUS_LABELS, type ResourceStatus } from '../../shared/domain/lists';
import { PHONE_HINT, normalizePhone } from '../../shared/domain/phone';
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
import { UnitNames } from '../files/unit-names';
import * as repo from './repo';
import { toResourceRecord } from './service';

export type ResourceColumn =
  | 'seq'
  | 'unit'
  | 'type'
  | 'title'
  | 'content'
  | 'capacity'
  | 'availableTime'
  | 'contactName'
  | 'contactPhone'
  | 'validUntil'
  | 'status';

export const RESOURCE_COLUMNS: readonly HeaderField<ResourceColumn>[] = [
  { key: 'seq', label: '序号', aliases: ['编号', '序', 'No', 'No.'] },
  { key: 'unit', label: '提供单位', aliases: ['单位', '单位名称', '共建单位', '资源提供单位', '提供方', '驻区单位'] },
  { key: 'type', label: '资源类型', aliases: ['类型', '类别', '资源类别'] },
  { key: 'title', label: '资源名称', aliases: ['资源', '资源项目', '名称', '资源事项'] },
  { key: 'content', label: '资源内容', aliases: ['具体内容', '内容', '资源描述', '资源详情'] },
  { key: 'capacity', label: '数量/规模', aliases: ['数量', '规模', '数量规模', '可提供数量', '容量'] },
  { key: 'availableTime', label: '可提供时间', aliases: ['提供时间', '时间', '服务时间', '可用时间'] },
  { key: 'contactName', label: '联系人', aliases: ['联络员', '负责人'] },
  { key: 'contactPhone', label: '联系电话', aliases: ['电话', '联系方式', '手机'] },
  { key: 'validUntil', label: '有效期至', aliases: ['有效期', '截止日期', '有效期限'] },
  { key: 'status', label: '状态', aliases: ['资源状态'] },
];
const LABELS = Object.fromEntries(RESOURCE_COLUMNS.map((c) => [c.key, c.label])) as Record<ResourceColumn, string>;

const STATUS_WORDS: Record<string, ResourceStatus> = {
  ...Object.fromEntries(Object.entries(RESOURCE_STATUS_LABELS).map(([k, v]) => [v, k as ResourceStatus])),
  可提供: 'available',
  正常: 'available',
  已使用: 'matched',
  停用: 'paused',
};

export function readResourceSheet(wb: ExcelJS.Workbook, fileName: string): ReadTable<ResourceColumn> {
  return readTable(wb, fileName, {
    what: '资源清单',
    columns: RESOURCE_COLUMNS,
    required: ['unit', 'title'],
    keyColumn: 'title',
    dateColumns: ['validUntil'],
    ignored: ['seq'],
    headerHint: '请确认表格前15行中有一行列名，至少包括“单位”（或“提供单位”）和“资源名称”，以及“资源类型”等列',
  });
}

interface ResourceWrite {
  existingId?: number;
  record: ReturnType<typeof toResourceRecord>;
}
export interface ResourcePlan extends ListPlan {
  writes: ResourceWrite[];
}

export function planResourceImport(
  db: Database,
  table: ReadTable<ResourceColumn>,
  choices: readonly Choice[],
): ResourcePlan {
  const today = todayIso();
  const at = cellMessage(table, LABELS);
  const names = new UnitNames(db, choices);
  const out = skipRows(table);
  const writes: ResourceWrite[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    if (r.skip) continue;
    const c = (k: ResourceColumn) => r.cells[k]?.text ?? '';
    const errors: string[] = [];
    const unitName = c('unit');
    const unit = unitName ? names.unit(unitName, r.row) : undefined;
    if (!unitName) errors.push(at(r.row, 'unit', '请填写提供资源的单位'));
    else if (!unit)
      errors.push(at(r.row, 'unit', `“${unitName}”不在共建单位名录中：请在下方选择它对应的单位，或先在名录中添加`));
    const validText = c('validUntil');
    const validUntil = r.cells.validUntil?.date ?? null;
    if (validText && !validUntil && !/^(长期|长期有效|不限)$/.test(validText)) {
      errors.push(
        at(r.row, 'validUntil', `“${validText}”不是有效日期，请写成 2025年12月31日 这样的格式，长期有效可留空`),
      );
    }
    const statusText = c('status').replace(/\s+/g, '');
    const status: ResourceStatus | undefined = statusText === '' ? 'available' : STATUS_WORDS[statusText];
    if (!status)
      errors.push(
        at(
          r.row,
          'status',
          `“${statusText}”不是可用的状态，请填写：${Object.values(RESOURCE_STATUS_LABELS).join('、')}`,
        ),
      );
    let phone = c('contactPhone');
    if (phone) {
      const p = normalizePhone(phone) ?? (r.cells.contactPhone?.numeric ? normalizePhone(`0${phone}`) : null);
      if (p === null) errors.push(at(r.row, 'contactPhone', `“${phone}”不是有效的电话号码，${PHONE_HINT}`));
      phone = p ?? '';
    }
    const parsed = ResourceFields.safeParse({
      unitId: unit?.id ?? 1,
      type: c('type'),
      title: c('title'),
      content: c('content'),
      capacity: c('capacity'),
      availableTime: c('availableTime'),
      contactName: c('contactName'),
      contactPhone: phone,
      validUntil,
      status: status ?? 'available',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const k = (String(issue.path[0]) in LABELS ? String(issue.path[0]) : 'title') as ResourceColumn;
        errors.push(at(r.row, k, issue.message));
      }
    }
    const label = c('title') || `（第${r.row}行）`;
    if (errors.length || !parsed.success || !unit) {
      out.set(r.row, { row: r.row, action: 'error', label, messages: errors });
      continue;
    }
    const record = toResourceRecord({ ...parsed.data, unitId: unit.id });
    const identity = `${unit.id}|${record.titleKey}`;
    const dup = seen.get(identity);
    if (dup !== undefined) {
      out.set(r.row, {
        row: r.row,
        action: 'skip',
        label,
        messages: [`与第${dup}行是同一单位的同一项资源，不重复导入`],
      });
      continue;
    }
    seen.set(identity, r.row);
    const existingId = repo.findResourceId(db, unit.id, record.titleKey);
    if (existingId === undefined) {
      writes.push({ record });
      out.set(r.row, {
        row: r.row,
        action: 'add',
        label,
        messages: unit.name !== unitName ? [`单位按名录记为“${unit.name}”`] : [],
      });
      continue;
    }
    const before = toResourceRecord(repo.getResource(db, existingId, today)!);
    // A blank status cell keeps the stored status (a resource matched in the app stays 已对接).
    if (statusText === '') record.status = before.status;
    const changes = (Object.keys(RESOURCE_FIELD_LABELS) as (keyof typeof RESOURCE_FIELD_LABELS)[])
      .filter((k) => k !== 'unitName' && record[k] !== before[k])
      .map((k) => {
        const show = (v: unknown) => (k === 'status' ? RESOURCE_STATUS_LABELS[v as ResourceStatus] : v || '（空）');
        return `${RESOURCE_FIELD_LABELS[k]}：${show(before[k as keyof typeof before])} → ${show(record[k as keyof typeof record])}`;
      });
    if (changes.length === 0) {
      out.set(r.row, { row: r.row, action: 'unchanged', label, messages: [] });
      continue;
    }
    writes.push({ existingId, record });
    out.set(r.row, { row: r.row, action: 'update', label, messages: changes });
  }
  return { rows: [...out.values()].sort((a, b) => a.row - b.row), unmatched: names.unmatched(), writes };
}

export function applyResourceImport(
  db: Database,
  table: ReadTable<ResourceColumn>,
  plan: ResourcePlan,
): ListImportResult {
  let added = 0;
  let updated = 0;
  for (const w of plan.writes) {
    if (w.existingId === undefined) {
      repo.insertResource(db, w.record);
      added++;
    } else {
      repo.updateResource(db, w.existingId, w.record);
      updated++;
    }
  }
  return finishListImport(
    db,
    plan.rows,
    { added, updated },
    { entity: 'resource', noun: '资源', measure: '项', fileName: table.fileName },
  );
}

export const resourceImporter: ListImporter<ResourceColumn, ResourcePlan> = {
  read: readResourceSheet,
  plan: planResourceImport,
  apply: applyResourceImport,
};
