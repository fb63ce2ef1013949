import type ExcelJS from 'exceljs';
import { cleanText, toHalfWidth } from '../../shared/domain/text';
import { AppError } from '../core/errors';
import { squeezeCjkSpaces } from '../units/import/read-sheet';
import { cellValue, hasOwnContent, resolvedValue, valueDate, valueText } from './cell-values';
import { footerReason } from './footer-rows';
import { findHeaderRow, normaliseHeader, type HeaderField } from './sheet-header';
import { sheetsInReadingOrder } from './xlsx-read';

/**
 * Reading a list sheet (需求清单, 资源清单, 责任分解表) into plain rows: the header found wherever it is,
 * rows that are not data (blank, 合计, 制表人, 说明, a repeated header) set aside with their reason, and each
 * cell kept as its text plus, for date columns, the date it means. The result holds plain values only, so a
 * preview can keep it in memory until the clerk commits.
 */

export interface TableCell {
  /** Cleaned text as the clerk sees it (a merged cell reads its merge's value). */
  text: string;
  /** For date columns: the day as YYYY-MM-DD, or null when the text is not a full date. */
  date?: string | null;
  /** Whether the value is a number cell (a landline that lost its leading 0 is one). */
  numeric?: boolean;
}

export interface TableRow<K extends string> {
  row: number;
  skip?: string;
  cells: Partial<Record<K, TableCell>>;
}

export interface ReadTable<K extends string> {
  fileName: string;
  sheetName: string;
  headerRow: number;
  columns: { header: string; field: string }[];
  /** The sheet's own header text of each recognised column, for messages that name the column. */
  headers: Partial<Record<K, string>>;
  /** Text above the header (the title row), where a 责任分解表 names its year. */
  titleText: string;
  rows: TableRow<K>[];
}

export interface TableSpec<K extends string> {
  what: string;
  columns: readonly HeaderField<K>[];
  required: readonly K[];
  /** The column rows are named by (footers are recognised in it). */
  keyColumn: K;
  dateColumns: readonly K[];
  /** Columns that do not count as data on their own (序号). */
  ignored: readonly K[];
  /** Shown when no header is found: which columns the table needs. */
  headerHint: string;
}

/** A street's whole 需求清单 for a year can pass 10,000 rows; the benchmark imports 10,000 in one file. */
export const MAX_TABLE_ROWS = 20_000;

const fail = (message: string) => new AppError('IMPORT_FAILED', message);

export function readTable<K extends string>(wb: ExcelJS.Workbook, fileName: string, spec: TableSpec<K>): ReadTable<K> {
  let found: { ws: ExcelJS.Worksheet; header: NonNullable<ReturnType<typeof findHeaderRow<K>>> } | undefined;
  for (const ws of sheetsInReadingOrder(wb)) {
    const header = findHeaderRow(ws, spec.columns, {
      required: spec.required,
      minFields: Math.max(2, spec.required.length),
      maxRow: 15,
    });
    if (header) {
      found = { ws, header };
      break;
    }
  }
  if (!found) throw fail(`没有在「${fileName}」中找到${spec.what}的表头。${spec.headerHint}`);
  const { ws, header } = found;
  const date1904 = Boolean(wb.properties?.date1904);
  const headers: Partial<Record<K, string>> = {};
  for (const c of header.columns) if (c.field) headers[c.field] = c.header;
  const maxCol = Math.max(...header.columns.map((c) => c.col));
  const dataCols = [...header.colOf].filter(([k]) => !spec.ignored.includes(k)).map(([, c]) => c);
  const headerKeys = new Map([...header.colOf].map(([k, c]) => [c, normaliseHeader(headers[k] ?? '')]));

  let titleText = '';
  for (let r = 1; r < header.row; r++) {
    for (let c = 1; c <= maxCol; c++) titleText += ` ${valueText(cellValue(ws, r, c))}`;
  }

  const rows: TableRow<K>[] = [];
  let dataRows = 0;
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const ownCols: number[] = [];
    for (let c = 1; c <= maxCol; c++) if (hasOwnContent(ws, r, c)) ownCols.push(c);
    if (ownCols.length === 0) continue;
    // Each cell's text is asked for up to three times below (footer check, header check, the cell itself).
    const texts: (string | undefined)[] = [];
    const text = (c: number) => (texts[c] ??= cleanText(valueText(cellValue(ws, r, c))));
    const keyCol = header.colOf.get(spec.keyColumn);
    const keyText = keyCol === undefined ? '' : toHalfWidth(text(keyCol));
    const footer = footerReason(
      keyText,
      ownCols.map((c) => toHalfWidth(text(c))),
    );
    if (footer) {
      rows.push({ row: r, skip: footer, cells: {} });
      continue;
    }
    if (repeatsHeader(dataCols, (c) => normaliseHeader(text(c)), headerKeys)) {
      rows.push({ row: r, skip: '重复的表头行，不导入', cells: {} });
      continue;
    }
    // Only 序号 (or only the lower part of merges): nothing of its own to import.
    if (!dataCols.some((c) => ownCols.includes(c))) continue;
    if (++dataRows > MAX_TABLE_ROWS)
      throw fail(`「${ws.name}」的数据超过${MAX_TABLE_ROWS}行，请拆分成几个文件分别导入`);

    const cells: Partial<Record<K, TableCell>> = {};
    for (const [k, c] of header.colOf) {
      const raw = cellValue(ws, r, c);
      const cell: TableCell = { text: text(c) };
      if (spec.dateColumns.includes(k) && cell.text !== '') cell.date = valueDate(raw, date1904);
      if (typeof resolvedValue(raw) === 'number') cell.numeric = true;
      cells[k] = cell;
    }
    rows.push({ row: r, cells });
  }
  if (rows.every((x) => x.skip)) {
    throw fail(`「${fileName}」的「${ws.name}」工作表中，表头（第${header.row}行）下面没有${spec.what}数据`);
  }
  const labelOf = new Map(spec.columns.map((c) => [c.key, c.label]));
  return {
    fileName,
    sheetName: ws.name,
    headerRow: header.row,
    columns: header.columns.map((c) => ({
      header: c.header,
      field: c.field && !spec.ignored.includes(c.field) ? (labelOf.get(c.field) ?? '') : '',
    })),
    headers,
    titleText: cleanText(titleText),
    rows,
  };
}

/**
 * A header row repeated inside the data (tables pasted together): every filled column holds its own header,
 * and at least two do. Stops at the first column that does not, which for a data row is the first one.
 */
function repeatsHeader(cols: number[], headerText: (c: number) => string, headerKeys: Map<number, string>): boolean {
  let hits = 0;
  for (const c of cols) {
    const h = headerText(c);
    if (h === '') continue;
    if (h !== headerKeys.get(c)) return false;
    hits++;
  }
  return hits >= Math.min(2, cols.length);
}

/** "区人社局、区司法所，东风社区" → the names, cleaned, in order, without repeats. */
export function splitNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[、,，;；/／\n]+/)) {
    const name = squeezeCjkSpaces(cleanText(part));
    const key = name.replace(/\s+/g, '');
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
