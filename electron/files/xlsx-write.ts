import ExcelJS from 'exceljs';
import { guardFormulaText } from './formula-guard';

/**
 * Building printable list sheets the way clerks' own tables look: a bold merged title, a bordered bold
 * header that stays frozen and repeats on every printed page, A4 landscape, widths that fit Chinese text.
 */

export type CellInput = string | number | Date | null;

export interface TableColumn {
  header: string;
  /** 'date' cells take an ISO string or Date and are written as real Excel dates shown as 2025年7月28日. */
  kind?: 'text' | 'date' | 'number' | 'notes';
  /** Number format for 'number' columns, e.g. 0"年" to show 3 as 3年 while keeping the number. */
  numFmt?: string;
  /** Text is left-aligned unless centred here (short codes like 类别 and 状态 read better centred). */
  align?: 'left' | 'center';
  minWidth?: number;
  maxWidth?: number;
}

export const DATE_NUMFMT = 'yyyy"年"m"月"d"日"';
export const FONT_NAME = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Columns a text takes in Excel's width unit: a Chinese (full-width) character is about two. */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line)
      w +=
        /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(
          ch,
        )
          ? 2
          : 1;
    widest = Math.max(widest, w);
  }
  return widest;
}

/** An ISO day as the Date exceljs writes as that day's serial (exceljs converts in UTC). */
export function isoToExcelDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

export interface TableSheet {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  firstDataRow: number;
  /** firstDataRow - 1 when there are no data rows. */
  lastDataRow: number;
}

function writeCell(cell: ExcelJS.Cell, value: CellInput, col: TableColumn): void {
  if (value === null || value === '') {
    cell.value = null;
  } else if (col.kind === 'date') {
    cell.value = value instanceof Date ? value : isoToExcelDate(String(value));
    cell.numFmt = DATE_NUMFMT;
  } else if (typeof value === 'number') {
    cell.value = value;
    if (col.numFmt) cell.numFmt = col.numFmt;
  } else if (value instanceof Date) {
    cell.value = value;
    cell.numFmt = DATE_NUMFMT;
  } else {
    // Text stays text: IDs and phones must not become numbers, formulas must not become live.
    cell.value = guardFormulaText(value);
  }
  cell.border = ALL_BORDERS;
  cell.font = { name: FONT_NAME, size: 11 };
  cell.alignment = {
    vertical: 'middle',
    horizontal: col.align ?? (col.kind === 'date' || col.kind === 'number' ? 'center' : 'left'),
    wrapText: true,
  };
}

function columnWidths(columns: TableColumn[], rows: CellInput[][]): number[] {
  return columns.map((col, i) => {
    let w = displayWidth(col.header);
    for (const r of rows) {
      const v = r[i];
      const text = v === null || v === undefined ? '' : col.kind === 'date' ? '2025年12月31日' : String(v);
      w = Math.max(w, displayWidth(text));
    }
    const min = col.minWidth ?? 6;
    const max = col.maxWidth ?? (col.kind === 'notes' ? 40 : 30);
    return Math.min(Math.max(w + 2, min), max);
  });
}

/** Row height for wrapped text, since Excel does not re-fit heights of rows written by a program. */
function rowHeight(values: CellInput[], widths: number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (v === null || v instanceof Date || typeof v === 'number') return;
    const usable = Math.max((widths[i] ?? 10) - 1, 1);
    const n = String(v)
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
    lines = Math.max(lines, n);
  });
  return Math.max(20, lines * 15 + 5);
}

/**
 * Adds a sheet: title in row 1 merged across, header in row 2, data from row 3. Text is guarded against
 * formula injection (see formula-guard.ts), dates become real dates, numbers stay numbers.
 */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  sheetName: string,
  spec: { title: string; columns: TableColumn[]; rows: CellInput[][] },
): TableSheet {
  const { title, columns, rows } = spec;
  const ws = wb.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      // The header repeats on every printed page; the title only heads the first.
      printTitlesRow: '2:2',
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const widths = columnWidths(columns, rows);
  ws.columns = columns.map((_c, i) => ({ width: widths[i] }));

  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = guardFormulaText(title);
  titleRow.getCell(1).font = { name: FONT_NAME, size: 16, bold: true };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 32;
  if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length);

  const headerRow = ws.getRow(2);
  columns.forEach((col, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = col.header;
    cell.font = { name: FONT_NAME, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = ALL_BORDERS;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  headerRow.height = 24;

  rows.forEach((values, r) => {
    const row = ws.getRow(3 + r);
    columns.forEach((col, i) => writeCell(row.getCell(i + 1), values[i] ?? null, col));
    row.height = rowHeight(values, widths);
  });
  return { ws, headerRow: 2, firstDataRow: 3, lastDataRow: 2 + rows.length };
}

/** Borders on empty rows, so a printed blank form has boxes to write in. */
export function outlineEmptyRows(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, colCount: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= colCount; c++) ws.getCell(r, c).border = ALL_BORDERS;
    ws.getRow(r).height = 20;
  }
}

/** Merges a column's cells from `fromRow` to `toRow` (a block in the paper table), centred vertically. */
export function mergeDown(ws: ExcelJS.Worksheet, col: number, fromRow: number, toRow: number): void {
  if (toRow <= fromRow) return;
  ws.mergeCells(fromRow, col, toRow, col);
  const cell = ws.getCell(fromRow, col);
  cell.alignment = { ...cell.alignment, vertical: 'middle', horizontal: 'center', wrapText: true };
}

/** A dropdown list on a column's rows; `values` joined must stay under Excel's 255-character limit. */
export function addListValidation(
  ws: ExcelJS.Worksheet,
  col: number,
  fromRow: number,
  toRow: number,
  values: readonly string[],
  fieldName: string,
): void {
  const list = `"${values.join(',')}"`;
  if (list.length > 255) throw new Error(`${fieldName}的下拉选项过长`);
  for (let r = fromRow; r <= toRow; r++) {
    ws.getCell(r, col).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: `${fieldName}不在可选范围内`,
      error: `请从下拉列表中选择：${values.join('、')}`,
    };
  }
}
