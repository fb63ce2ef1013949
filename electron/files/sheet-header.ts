import type ExcelJS from 'exceljs';
import { toHalfWidth } from '../../shared/domain/text';
import { cellValue, valueText } from './cell-values';

/**
 * Finding the header row of a hand-made sheet: above it there may be a merged title, a "制表单位：…" line or
 * nothing; header texts vary (联系电话 / 联系方式 / 电话) and columns come in any order.
 */

export interface HeaderField<K extends string> {
  key: K;
  /** The name used in messages and in the preview's column list, e.g. 联系电话. */
  label: string;
  /** Header texts read as this field, compared after normaliseHeader (so spacing and width do not matter). */
  aliases: readonly string[];
}

export interface HeaderColumn<K extends string> {
  col: number;
  /** The header text as the sheet has it (cleaned of line breaks). */
  header: string;
  /** null: a column that is not imported (unknown, or a second column for a field already found). */
  field: K | null;
}

export interface HeaderMatch<K extends string> {
  row: number;
  columns: HeaderColumn<K>[];
  /** Column number of each recognised field. */
  colOf: Map<K, number>;
}

export interface HeaderOptions<K extends string> {
  /** The row is a header only if it has these fields… */
  required: readonly K[];
  /** …and at least this many recognised fields in all. */
  minFields: number;
  /** How far down to look; titles and notes rarely take more than a few rows. */
  maxRow?: number;
  maxCol?: number;
}

/** "联系\n电话*" → "联系电话"; "（必填）" and similar hints in brackets are dropped by the second attempt. */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00A0]+/g, '')
    .replace(/^[*※★]+|[*※★:：]+$/g, '')
    .toLowerCase();
}

const withoutBrackets = (h: string) => h.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '');

function fieldFor<K extends string>(text: string, index: Map<string, K>): K | undefined {
  const h = normaliseHeader(text);
  if (h === '') return undefined;
  return index.get(h) ?? index.get(withoutBrackets(h));
}

/** Reads row `row` as a header; the first column for a field wins, later ones are listed as not imported. */
export function readHeaderRow<K extends string>(
  ws: ExcelJS.Worksheet,
  row: number,
  fields: readonly HeaderField<K>[],
  maxCol = Math.min(ws.columnCount, 100),
): HeaderMatch<K> {
  const index = new Map<string, K>();
  for (const f of fields) for (const a of [f.label, ...f.aliases]) index.set(normaliseHeader(a), f.key);
  const columns: HeaderColumn<K>[] = [];
  const colOf = new Map<K, number>();
  for (let c = 1; c <= maxCol; c++) {
    const header = valueText(cellValue(ws, row, c))
      .replace(/[\s\u00A0]+/g, ' ')
      .trim();
    if (header === '') continue;
    let field = fieldFor(header, index) ?? null;
    if (field !== null && colOf.has(field)) field = null;
    if (field !== null) colOf.set(field, c);
    columns.push({ col: c, header, field });
  }
  return { row, columns, colOf };
}

/** The best-matching header row within the first `maxRow` rows, or null when no row qualifies. */
export function findHeaderRow<K extends string>(
  ws: ExcelJS.Worksheet,
  fields: readonly HeaderField<K>[],
  opts: HeaderOptions<K>,
): HeaderMatch<K> | null {
  const lastRow = Math.min(ws.rowCount, opts.maxRow ?? 15);
  let best: HeaderMatch<K> | null = null;
  for (let r = 1; r <= lastRow; r++) {
    const m = readHeaderRow(ws, r, fields, opts.maxCol);
    if (m.colOf.size < opts.minFields || !opts.required.every((k) => m.colOf.has(k))) continue;
    if (!best || m.colOf.size > best.colOf.size) best = m;
  }
  return best;
}
