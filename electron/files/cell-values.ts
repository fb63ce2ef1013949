import type ExcelJS from 'exceljs';
import { isoDate, parseChineseDate } from '../../shared/domain/dates';
import { unguardFormulaText } from './formula-guard';

/**
 * Turning what exceljs hands back for a cell into plain values. A cell may hold a string, a number, a Date,
 * rich text, a hyperlink, a formula with its cached result, an error, or be the hidden part of a merge.
 */

/** The cell that carries the value: the top-left cell of a merge, or the cell itself. */
function masterOf(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell | undefined {
  const cell = ws.findCell(row, col);
  return cell?.isMerged ? cell.master : cell;
}

/**
 * The value shown at (row, col). Cells hidden under a merge read their merge's value, so a community name
 * merged down over its block of units fills every row of the block.
 */
export function cellValue(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.CellValue {
  return masterOf(ws, row, col)?.value ?? null;
}

/** Whether the cell itself holds something (a cell hidden under a merge holds nothing of its own). */
export function hasOwnContent(ws: ExcelJS.Worksheet, row: number, col: number): boolean {
  const cell = ws.findCell(row, col);
  if (!cell || (cell.isMerged && cell.master !== cell)) return false;
  return valueText(cell.value).trim() !== '';
}

/** Numbers as Excel shows them in General format: no "1.38e10", no float noise like 0.30000000000000004. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * Control characters other than tab and line breaks: invisible, unfixable in Excel, and refused by the
 * forms' fields, so an imported cell loses them (legacy systems and copy-paste leave them behind).
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const textOf = (s: string) => unguardFormulaText(s.replace(CONTROLS, ''));

const isoOfUtc = (d: Date) => isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/**
 * Text of a value. Dates come out as YYYY-MM-DD; formulas as their cached result; the apostrophe the
 * exporter puts before formula-like text is removed again; control characters are dropped.
 */
export function valueText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return textOf(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : isoOfUtc(v);
  if ('richText' in v) return textOf(v.richText.map((r) => r.text).join(''));
  if ('error' in v) return '';
  if ('formula' in v || 'sharedFormula' in v)
    return valueText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return valueText(v.text as ExcelJS.CellValue);
  return '';
}

/** A formula's cached result (or the value itself): what the clerk sees in the cell. */
export function resolvedValue(v: ExcelJS.CellValue | undefined): ExcelJS.CellValue {
  if (v && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
    return ((v as ExcelJS.CellFormulaValue).result ?? null) as ExcelJS.CellValue;
  }
  return v ?? null;
}

/** Day 0 of Excel's two date systems (the 1900 one counts the non-existent 1900-02-29, hence the 30th). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/** An Excel date serial (e.g. 45866) as YYYY-MM-DD; null if it is not a plausible date. */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  // 2958465 is 9999-12-31, Excel's last day; the time of day (fraction) is dropped.
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial);
  const epoch = date1904 ? EPOCH_1904 : days < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  return isoOfUtc(new Date(epoch + days * DAY_MS));
}

/**
 * A date cell as YYYY-MM-DD: a real Excel date, a bare serial number, or text as clerks write it
 * (2025年7月28日, 2025.7.28, 2025/07/28, full-width digits, a trailing "0:00:00"). Null when the cell is
 * not blank but is not a real day; check for blank first.
 */
export function valueDate(v: ExcelJS.CellValue | undefined, date1904 = false): string | null {
  const r = resolvedValue(v);
  if (r instanceof Date) return Number.isNaN(r.getTime()) ? null : isoOfUtc(r);
  if (typeof r === 'number') {
    // 20250728 typed as a number is a date too, not serial 20 million.
    if (Number.isInteger(r) && r >= 19000101 && r <= 22001231) return parseChineseDate(String(r));
    return excelSerialToIso(r, date1904);
  }
  const text = valueText(r).replace(/[\sT]+\d{1,2}[:：]\d{2}([:：]\d{2}(\.\d+)?)?Z?$/, '');
  return parseChineseDate(text);
}
