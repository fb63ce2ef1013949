import type { Database } from 'better-sqlite3';
import {
  UnitFields,
  type ImportPreview,
  type ImportRow,
  type Pairing,
  type Unit,
} from '../../../shared/contract/units';
import { nameKey } from '../../../shared/domain/text';
import { UNIT_STATUS_LABELS, type UnitStatus } from '../../../shared/domain/units';
import * as repo from '../repo';
import { toUnitRecord } from '../service';
import { CATEGORY_HINT, COLUMN_LABEL, type UnitColumn } from './columns';
import type { ParsedRow, ParsedSheet, UnitValueKey } from './read-sheet';

/**
 * Step 2 of an import: the parsed rows compared with the database, giving each row its action and messages
 * and the list of writes. Run once for the preview and again, inside the write transaction, at commit, so
 * what is written always matches the database as it is then.
 */

export interface UnitWrite {
  key: string;
  existingId?: number;
  record: repo.UnitRecord;
}

export interface PairingWrite {
  unitKey: string;
  communityKey: string;
  /** Set when the pairing exists already and changes. */
  existingId?: number;
  signedOn: string | null;
  termYears: number | null;
  notes: string;
}

export interface ImportPlan {
  rows: ImportRow[];
  counts: ImportPreview['counts'];
  /** Communities to create: key → name as first written in the sheet. */
  newCommunities: Map<string, string>;
  /** Existing communities by key, for the writer. */
  communityIds: Map<string, number>;
  units: UnitWrite[];
  pairings: PairingWrite[];
}

const UNIT_VALUE_KEYS: readonly UnitValueKey[] = [
  'category',
  'partyOrg',
  'secretary',
  'liaison',
  'phone',
  'address',
  'status',
  'notes',
];

/** Field names in update messages ("联系电话：旧 → 新"). */
const FIELD_LABEL: Record<UnitValueKey, string> = {
  category: '单位类别',
  partyOrg: '党组织名称',
  secretary: '党组织书记',
  liaison: '联络员',
  phone: '联系电话',
  address: '单位地址',
  status: '状态',
  notes: '单位备注',
};

function shown(value: string | number | null | undefined, kind: 'text' | 'status' | 'date' | 'years' = 'text'): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (kind === 'status') return UNIT_STATUS_LABELS[value as UnitStatus] ?? String(value);
  if (kind === 'date') {
    const s = String(value);
    return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  }
  if (kind === 'years') return `${value}年`;
  const s = String(value).replace(/\n/g, ' ');
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

interface RowState {
  p: ParsedRow;
  action?: ImportRow['action'];
  messages: string[];
  key: string;
}

interface UnitAgg {
  key: string;
  name: string;
  existing?: Unit;
  firstRow: number;
  values: Partial<Record<UnitValueKey, string>>;
  /** Which sheet row supplied each value: conflicts and update messages point at it. */
  source: Partial<Record<UnitValueKey, number>>;
  rows: RowState[];
  record?: repo.UnitRecord;
}

export function planImport(db: Database, sheet: ParsedSheet): ImportPlan {
  const header = (k: UnitColumn) => sheet.headers[k] ?? COLUMN_LABEL[k];
  const valueHeader = (k: UnitValueKey) => (k === 'notes' ? (sheet.headers.notes ?? header('unitNotes')) : header(k));

  const units = new Map(repo.allUnits(db).map((u) => [nameKey(u.name), u]));
  const communities = new Map(repo.listCommunities(db).map((c) => [nameKey(c.name), c]));
  const pairings = new Map<string, Pairing>(
    repo.allocationRows(db).map((r) => [`${r.unit_id}:${r.community_id}`, repo.toPairing(r)]),
  );

  const states: RowState[] = sheet.rows.map((p) => ({
    p,
    key: nameKey(p.name),
    action: p.skip ? 'skip' : p.errors.length ? 'error' : undefined,
    messages: p.skip ? [p.skip] : [...p.errors],
  }));
  const fail = (st: RowState, messages: string[]) => {
    st.action = 'error';
    st.messages = messages;
  };

  // Pass 1: gather each unit's values over its rows; rows that contradict an earlier row are errors.
  const aggs = new Map<string, UnitAgg>();
  const fingerprints = new Map<string, number>();
  const pairRow = new Map<string, number>();
  for (const st of states) {
    if (st.action) continue;
    const { p } = st;
    const dupOf = fingerprints.get(p.fingerprint);
    if (dupOf !== undefined) {
      st.action = 'skip';
      st.messages = [`与第${dupOf}行重复，不重复导入`];
      continue;
    }
    fingerprints.set(p.fingerprint, p.row);
    const agg = aggs.get(st.key);
    const conflicts: string[] = [];
    for (const k of UNIT_VALUE_KEYS) {
      const v = p.unit[k];
      const before = agg?.values[k];
      if (v !== undefined && before !== undefined && v !== before) {
        const kind = k === 'status' ? 'status' : 'text';
        conflicts.push(
          `第${p.row}行「${valueHeader(k)}」列：与第${agg!.source[k]}行同一单位填写的不一致（“${shown(before, kind)}”和“${shown(v, kind)}”），请统一后再导入`,
        );
      }
    }
    for (const c of p.communities) {
      const other = pairRow.get(`${st.key}|${nameKey(c)}`);
      if (other !== undefined)
        conflicts.push(`第${p.row}行：第${other}行已填写该单位与「${c}」的结对，两行内容不同，请只保留一行`);
    }
    if (conflicts.length) {
      fail(st, conflicts);
      continue;
    }
    const a: UnitAgg = agg ?? {
      key: st.key,
      name: p.name,
      existing: units.get(st.key),
      firstRow: p.row,
      values: {},
      source: {},
      rows: [],
    };
    aggs.set(st.key, a);
    a.rows.push(st);
    for (const k of UNIT_VALUE_KEYS) {
      if (p.unit[k] !== undefined && a.values[k] === undefined) {
        a.values[k] = p.unit[k];
        a.source[k] = p.row;
      }
    }
    for (const c of p.communities) pairRow.set(`${st.key}|${nameKey(c)}`, p.row);
  }

  // Each unit as it would be saved: stored values overlaid with the sheet's, checked by the form's own rules.
  for (const a of aggs.values()) {
    const e = a.existing;
    const base = e
      ? {
          name: e.name,
          category: e.category,
          partyOrg: e.partyOrg,
          secretary: e.secretary,
          liaison: e.liaison,
          phone: e.phone,
          address: e.address,
          notes: e.notes,
          status: e.status,
        }
      : { name: a.name, partyOrg: '', secretary: '', liaison: '', phone: '', address: '', notes: '', status: 'active' };
    const merged = { ...base, ...a.values };
    const problems: string[] = [];
    if (!('category' in merged) || !merged.category) {
      problems.push(
        sheet.headers.category
          ? `第${a.firstRow}行「${header('category')}」列：新增的共建单位须填写单位类别，${CATEGORY_HINT}`
          : `第${a.firstRow}行：表格中没有“单位类别”列，新增的共建单位须填写单位类别`,
      );
    } else {
      const parsed = UnitFields.safeParse(merged);
      if (parsed.success) a.record = toUnitRecord(parsed.data);
      else {
        for (const issue of parsed.error.issues) {
          const k = issue.path[0] as UnitValueKey | 'name';
          const row = k === 'name' ? a.firstRow : (a.source[k] ?? a.firstRow);
          const col = k === 'name' ? header('name') : valueHeader(k);
          problems.push(`第${row}行「${col}」列：${issue.message}`);
        }
      }
    }
    if (problems.length) {
      for (const st of a.rows)
        fail(st, st.p.row === a.firstRow ? problems : [`该单位的信息有误（见第${a.firstRow}行），本行未导入`]);
      a.record = undefined;
    }
  }

  // Pass 2: what each remaining row changes.
  const newCommunities = new Map<string, string>();
  const unitWrites: UnitWrite[] = [];
  const pairingWrites: PairingWrite[] = [];
  for (const a of aggs.values()) {
    if (!a.record) continue;
    const e = a.existing;
    if (!e) unitWrites.push({ key: a.key, record: a.record });
    else if (UNIT_VALUE_KEYS.some((k) => a.record![k] !== e[k]))
      unitWrites.push({ key: a.key, existingId: e.id, record: a.record });

    for (const st of a.rows) {
      const { p } = st;
      const msgs: string[] = [];
      if (!e && p.row !== a.firstRow) msgs.push(`与第${a.firstRow}行为同一单位`);
      if (e) {
        for (const k of UNIT_VALUE_KEYS) {
          if (a.source[k] === p.row && a.record[k] !== e[k]) {
            const kind = k === 'status' ? 'status' : 'text';
            msgs.push(`${FIELD_LABEL[k]}：${shown(e[k], kind)} → ${shown(a.record[k], kind)}`);
          }
        }
      }
      for (const c of p.communities) {
        const ckey = nameKey(c);
        const community = communities.get(ckey);
        const firstMention = !community && !newCommunities.has(ckey);
        if (firstMention) newCommunities.set(ckey, c);
        const old = e && community ? pairings.get(`${e.id}:${community.id}`) : undefined;
        const next = {
          signedOn: p.pairing.signedOn ?? old?.signedOn ?? null,
          termYears: p.pairing.termYears ?? old?.termYears ?? null,
          notes: p.pairing.notes ?? old?.notes ?? '',
        };
        if (!old) {
          pairingWrites.push({ unitKey: a.key, communityKey: ckey, ...next });
          if (e) msgs.push(`新增结对社区：${community ? community.name : `${c}（新建社区）`}`);
          else if (firstMention) msgs.push(`新建社区：${c}`);
          continue;
        }
        const where = `（${old.communityName}）`;
        const changes = [
          next.signedOn !== old.signedOn &&
            `签约日期${where}：${shown(old.signedOn, 'date')} → ${shown(next.signedOn, 'date')}`,
          next.termYears !== old.termYears &&
            `共建期限${where}：${shown(old.termYears, 'years')} → ${shown(next.termYears, 'years')}`,
          next.notes !== old.notes && `结对备注${where}：${shown(old.notes)} → ${shown(next.notes)}`,
        ].filter((m): m is string => Boolean(m));
        if (changes.length) {
          msgs.push(...changes);
          pairingWrites.push({ unitKey: a.key, communityKey: ckey, existingId: old.id, ...next });
        }
      }
      st.action = !e ? 'add' : msgs.length ? 'update' : 'unchanged';
      st.messages = msgs;
    }
  }

  const rows: ImportRow[] = states.map((st) => {
    const a = aggs.get(st.key);
    return {
      row: st.p.row,
      action: st.action ?? 'error',
      unitName: a?.existing?.name ?? st.p.name,
      communityName: st.p.communities.join('、'),
      messages: st.messages,
    };
  });
  const count = (action: ImportRow['action']) => rows.filter((r) => r.action === action).length;
  return {
    rows,
    counts: {
      add: count('add'),
      update: count('update'),
      unchanged: count('unchanged'),
      skip: count('skip'),
      error: count('error'),
      newCommunities: [...newCommunities.values()],
    },
    newCommunities,
    communityIds: new Map([...communities].map(([k, c]) => [k, c.id])),
    units: unitWrites,
    pairings: pairingWrites,
  };
}
