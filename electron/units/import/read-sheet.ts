import type ExcelJS from 'exceljs';
import { notes as notesField, requiredLine } from '../../../shared/contract/common';
import { PHONE_HINT, normalizePhone } from '../../../shared/domain/phone';
import { cleanText, nameKey, toHalfWidth } from '../../../shared/domain/text';
import { LIMITS } from '../../../shared/domain/units';
import { AppError } from '../../core/errors';
import { cellValue, hasOwnContent, resolvedValue, valueDate, valueText } from '../../files/cell-values';
import { footerReason } from '../../files/footer-rows';
import { findHeaderRow, normaliseHeader, type HeaderMatch } from '../../files/sheet-header';
import { sheetsInReadingOrder } from '../../files/xlsx-read';
import {
  CATEGORY_HINT,
  COLUMN_LABEL,
  UNIT_COLUMNS,
  parseCategory,
  parseStatus,
  parseTermYears,
  type UnitColumn,
} from './columns';

/**
 * Step 1 of an import: the sheet read into plain rows (no database involved). The result is what the preview
 * keeps in memory until the clerk commits, so it holds strings and numbers only, not exceljs objects.
 */

export type UnitValueKey = 'category' | 'partyOrg' | 'secretary' | 'liaison' | 'phone' | 'address' | 'notes' | 'status';

export interface ParsedRow {
  /** Row number as Excel shows it. */
  row: number;
  /** Set for rows read but not imported on purpose (合计, 制表人, a repeated header). */
  skip?: string;
  /** Problems with single cells, already worded "第5行「联系电话」列：…". */
  errors: string[];
  name: string;
  /** Unit fields the row fills in; a blank cell is absent (it never erases a stored value). */
  unit: Partial<Record<UnitValueKey, string>>;
  communities: string[];
  pairing: { signedOn?: string; termYears?: number; notes?: string };
  /** Equal for rows with the same content, to report exact duplicates. */
  fingerprint: string;
}

export interface ParsedSheet {
  fileName: string;
  sheetName: string;
  headerRow: number;
  columns: { header: string; field: string }[];
  /** The sheet's own header text of each recognised column, so messages name the column as the clerk sees it. */
  headers: Partial<Record<UnitColumn, string>>;
  rows: ParsedRow[];
}

/** More rows than any street's table; keeps the preview kept in memory small. */
export const MAX_DATA_ROWS = 5000;

const fail = (message: string) => new AppError('IMPORT_FAILED', message);

/** Clerks pad two-character names to line up with three ("张  军"); spaces between Chinese characters go. */
export function squeezeCjkSpaces(s: string): string {
  return s.replace(/([\u3400-\u9FFF\uF900-\uFAFF（）])\s+(?=[\u3400-\u9FFF\uF900-\uFAFF（）])/g, '$1');
}

const cleanName = (s: string) => squeezeCjkSpaces(cleanText(s));
const cleanNotes = (s: string) => s.replace(/\r\n?/g, '\n').trim();
const communityName = requiredLine('社区名称', LIMITS.name);
const pairingNotesField = notesField('备注', LIMITS.text);

function pickSheet(wb: ExcelJS.Workbook, fileName: string): { ws: ExcelJS.Worksheet; header: HeaderMatch<UnitColumn> } {
  for (const ws of sheetsInReadingOrder(wb)) {
    const header = findHeaderRow(ws, UNIT_COLUMNS, { required: ['name'], minFields: 2, maxRow: 15 });
    if (header) return { ws, header };
  }
  throw fail(
    `没有在「${fileName}」中找到共建单位表的表头。请确认表格前15行中有一行列名，包括“共建单位”（或“单位名称”），以及“单位类别”“联系电话”“结对社区”等列中的至少一列`,
  );
}

/** Reads the first sheet that has a recognisable header row into plain rows. */
export function readUnitSheet(wb: ExcelJS.Workbook, fileName: string): ParsedSheet {
  const { ws, header } = pickSheet(wb, fileName);
  const date1904 = Boolean(wb.properties?.date1904);
  const headers: Partial<Record<UnitColumn, string>> = {};
  for (const c of header.columns) if (c.field) headers[c.field] = c.header;
  const hasCommunityColumn = header.colOf.has('community');
  const maxCol = Math.max(...header.columns.map((c) => c.col));
  const dataCols = [...header.colOf].filter(([k]) => k !== 'seq').map(([, c]) => c);
  const headerKeys = new Map([...header.colOf].map(([k, c]) => [c, normaliseHeader(headers[k] ?? '')]));

  const rows: ParsedRow[] = [];
  let dataRows = 0;
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const ownCols: number[] = [];
    for (let c = 1; c <= maxCol; c++) if (hasOwnContent(ws, r, c)) ownCols.push(c);
    if (ownCols.length === 0) continue;

    const text = (c: number) => cleanText(valueText(cellValue(ws, r, c)));
    const ownTexts = ownCols.map((c) => toHalfWidth(text(c)));
    const nameCol = header.colOf.get('name')!;
    const nameText = toHalfWidth(text(nameCol));
    const footer = footerReason(nameText, ownTexts);
    if (footer) {
      rows.push(skipRow(r, footer));
      continue;
    }
    const asHeader = dataCols.map((c) => normaliseHeader(text(c)));
    const headerHits = asHeader.filter((h, i) => h !== '' && h === headerKeys.get(dataCols[i]!)).length;
    if (
      headerHits >= Math.min(2, dataCols.length) &&
      asHeader.every((h, i) => h === '' || h === headerKeys.get(dataCols[i]!))
    ) {
      // A header repeated further down (tables pasted together, a header per printed page).
      rows.push(skipRow(r, '重复的表头行，不导入'));
      continue;
    }
    // Content only in 序号 or in columns not imported (or only the lower part of a merge): nothing to import.
    if (!dataCols.some((c) => hasOwnContent(ws, r, c))) continue;

    if (++dataRows > MAX_DATA_ROWS) {
      throw fail(`「${ws.name}」的数据超过${MAX_DATA_ROWS}行，请拆分成几个文件分别导入`);
    }
    rows.push(readRow(ws, r, header, headers, { date1904, hasCommunityColumn }));
  }
  if (rows.every((x) => x.skip)) {
    throw fail(`「${fileName}」的「${ws.name}」工作表中，表头（第${header.row}行）下面没有共建单位数据`);
  }
  return {
    fileName,
    sheetName: ws.name,
    headerRow: header.row,
    columns: header.columns.map((c) => ({
      header: c.header,
      field: c.field && c.field !== 'seq' ? COLUMN_LABEL[c.field] : '',
    })),
    headers,
    rows,
  };
}

function skipRow(row: number, reason: string): ParsedRow {
  return { row, skip: reason, errors: [], name: '', unit: {}, communities: [], pairing: {}, fingerprint: '' };
}

function readRow(
  ws: ExcelJS.Worksheet,
  r: number,
  header: HeaderMatch<UnitColumn>,
  headers: Partial<Record<UnitColumn, string>>,
  opts: { date1904: boolean; hasCommunityColumn: boolean },
): ParsedRow {
  const errors: string[] = [];
  const colName = (k: UnitColumn) => headers[k] ?? COLUMN_LABEL[k];
  const err = (k: UnitColumn, message: string) => errors.push(`第${r}行「${colName(k)}」列：${message}`);
  const raw = (k: UnitColumn) => {
    const c = header.colOf.get(k);
    return c === undefined ? null : cellValue(ws, r, c);
  };
  const text = (k: UnitColumn) => cleanText(valueText(raw(k)));

  const name = cleanName(text('name'));
  if (name === '') err('name', '请填写单位名称');

  const unit: ParsedRow['unit'] = {};
  const categoryText = text('category');
  if (categoryText) {
    const category = parseCategory(categoryText);
    if (category) unit.category = category;
    else err('category', `“${categoryText}”不是可用的单位类别，${CATEGORY_HINT}`);
  }
  for (const k of ['partyOrg', 'secretary', 'liaison'] as const) {
    const v = cleanName(text(k));
    if (v) unit[k] = v;
  }
  const address = text('address');
  if (address) unit.address = address;

  const phoneText = text('phone');
  if (phoneText) {
    let phone = normalizePhone(phoneText);
    // A landline typed into a number cell loses its leading 0 (057188886666 → 57188886666).
    if (phone === null && typeof resolvedValue(raw('phone')) === 'number') phone = normalizePhone(`0${phoneText}`);
    if (phone) unit.phone = phone;
    else err('phone', `“${phoneText}”不是有效的电话号码，${PHONE_HINT}`);
  }

  const statusText = text('status');
  if (statusText) {
    const status = parseStatus(statusText);
    if (status) unit.status = status;
    else err('status', `“${statusText}”不是可用的状态，请填写“共建中”或“已退出”`);
  }

  const communities: string[] = [];
  const seen = new Set<string>();
  // Several communities in one cell ("东风社区、新华社区") are several pairings.
  for (const part of text('community').split(/[、，,；;\n]+/)) {
    const c = cleanName(part);
    if (c === '' || seen.has(nameKey(c))) continue;
    const checked = communityName.safeParse(c);
    if (!checked.success) err('community', checked.error.issues[0]?.message ?? '社区名称有误');
    else {
      seen.add(nameKey(c));
      communities.push(checked.data);
    }
  }

  const pairing: ParsedRow['pairing'] = {};
  const dateText = text('signedOn');
  if (dateText) {
    const d = valueDate(raw('signedOn'), opts.date1904);
    if (d) pairing.signedOn = d;
    else err('signedOn', `“${dateText}”不是有效日期，请写成 2025年7月28日 或 2025-07-28 这样的格式`);
  }
  const termText = text('termYears');
  if (termText) {
    const years = parseTermYears(termText);
    if (years !== null && years >= 1 && years <= 20) pairing.termYears = years;
    else err('termYears', `“${termText}”不是有效的共建期限，请填写1到20之间的整数年数，如 3 或 3年`);
  }

  // 备注 belongs to the pairing on a row that names a community, to the unit otherwise.
  const notes = cleanNotes(valueText(raw('notes')));
  if (notes) {
    if (opts.hasCommunityColumn && communities.length > 0) pairing.notes = notes;
    else unit.notes = notes;
  }
  const unitNotes = cleanNotes(valueText(raw('unitNotes')));
  if (unitNotes) unit.notes = unitNotes;
  const pairingNotes = cleanNotes(valueText(raw('pairingNotes')));
  if (pairingNotes) {
    if (communities.length > 0) pairing.notes = pairingNotes;
    else err('pairingNotes', '本行没有填写结对社区，结对备注无处保存');
  }
  if (pairing.notes !== undefined) {
    const checked = pairingNotesField.safeParse(pairing.notes);
    if (!checked.success) err(pairingNotes ? 'pairingNotes' : 'notes', checked.error.issues[0]?.message ?? '备注有误');
  }
  if (communities.length === 0 && (pairing.signedOn || pairing.termYears)) {
    err('community', '填写了签约日期或共建期限，但没有填写结对社区');
  }

  const fingerprint = JSON.stringify([
    nameKey(name),
    Object.entries(unit).sort(([a], [b]) => a.localeCompare(b)),
    communities.map(nameKey).sort(),
    [pairing.signedOn ?? null, pairing.termYears ?? null, pairing.notes ?? null],
  ]);
  return { row: r, errors, name, unit, communities, pairing, fingerprint };
}
