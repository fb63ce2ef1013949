import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
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

/** Full-width code points (CJK, Hangul, full-width forms) take two columns; checked by code, not regex, since
 * big exports measure every character of 60,000 rows twice (widths and row heights). */
const isWide = (c: number) =>
  (c >= 0x1100 && c <= 0x115f) ||
  (c >= 0x2e80 && c <= 0xa4cf) ||
  (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xff60) ||
  (c >= 0xffe0 && c <= 0xffe6) ||
  (c >= 0x20000 && c <= 0x3fffd);

/** Columns a text takes in Excel's width unit: a Chinese (full-width) character is about two. */
export function displayWidth(text: string): number {
  let widest = 0;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++; // the low half of a surrogate pair
    if (c === 10) {
      widest = Math.max(widest, w);
      w = 0;
    } else w += isWide(c) ? 2 : 1;
  }
  return Math.max(widest, w);
}

/** An ISO day as the Date exceljs writes as that day's serial (exceljs converts in UTC). */
export function isoToExcelDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * An ISO day as its Excel serial number, which is all a date cell holds (with a date format): what exceljs
 * would compute from isoToExcelDate, without a Date object per cell of a 60,000-row export.
 */
export function isoToExcelSerial(iso: string): number {
  return (isoToExcelDate(iso).getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

/**
 * Height of a one-line data row, set as the sheet's default: only rows whose wrapped text needs more lines
 * carry their own height (writing it on all 60,000 rows only made the file bigger and slower to write).
 */
const DEFAULT_ROW_HEIGHT = 20;

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
      // A text is at most two columns a character: one that cannot beat the widest so far is not measured.
      if (text.length * 2 > w) w = Math.max(w, displayWidth(text));
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
    const text = String(v);
    // Short single-line text (most cells) fits on one line without measuring each character.
    if (text.length * 2 <= usable && !text.includes('\n')) return;
    const n = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
    lines = Math.max(lines, n);
  });
  return Math.max(DEFAULT_ROW_HEIGHT, lines * 15 + 5);
}

/** Sets a data row's height when its text wraps onto more lines than the default height holds. */
function fitRowHeight(row: ExcelJS.Row, values: CellInput[], widths: number[]): void {
  const height = rowHeight(values, widths);
  if (height > DEFAULT_ROW_HEIGHT) row.height = height;
}

/** Frozen header, A4 landscape fitted to the width, header repeated on every printed page, page footer. */
const tableSheetOptions = (): Partial<ExcelJS.AddWorksheetOptions> => ({
  properties: { defaultRowHeight: DEFAULT_ROW_HEIGHT },
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
  const ws = wb.addWorksheet(sheetName, tableSheetOptions());
  const widths = columnWidths(columns, rows);
  ws.columns = columns.map((_c, i) => ({ width: widths[i] }));

  writeTitleAndHeader(ws, title, columns);

  rows.forEach((values, r) => {
    const row = ws.getRow(3 + r);
    columns.forEach((col, i) => writeCell(row.getCell(i + 1), values[i] ?? null, col));
    fitRowHeight(row, values, widths);
  });
  return { ws, headerRow: 2, firstDataRow: 3, lastDataRow: 2 + rows.length };
}

function writeTitleAndHeader(ws: ExcelJS.Worksheet, title: string, columns: TableColumn[]): void {
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
}

export interface TableSheetSpec {
  sheetName: string;
  title: string;
  columns: TableColumn[];
  /**
   * An array, or rows read lazily from the database, so a 60,000-row export never holds all its rows (widths
   * are then measured on the first WIDTH_SAMPLE rows). The streaming writer pauses between rows, when other
   * calls may use the connection: a lazy source reads in chunks (a query's all() per community, per group of
   * projects), never through a statement's iterate(), which would keep the connection busy in between.
   */
  rows: Iterable<CellInput[]>;
}

/**
 * Rows written between two pauses of the streaming writer. Each pause lets the zip compress what is written
 * so far; the more often, the less waits in memory (60,000 needs: +156 MB at every 500 rows, +119 MB at every
 * 50, with no slower export).
 */
const YIELD_EVERY = 50;

/**
 * Rows measured for column widths in a streamed sheet. Widths stop at 30–40 anyway, and a later, longer text
 * still shows whole: its row is given the height its wrapped lines need.
 */
export const WIDTH_SAMPLE = 2000;

/** The style writeCell gives a column's cells, as one object per column and number format. */
function cellStyle(col: TableColumn, numFmt?: string): Partial<ExcelJS.Style> {
  return {
    border: ALL_BORDERS,
    font: { name: FONT_NAME, size: 11 },
    alignment: {
      vertical: 'middle',
      horizontal: col.align ?? (col.kind === 'date' || col.kind === 'number' ? 'center' : 'left'),
      wrapText: true,
    },
    ...(numFmt ? { numFmt } : {}),
  };
}

/**
 * The same sheets as addTableSheet (same title, header, widths, heights, print setup and formula guard),
 * written with exceljs's streaming writer for the big exports (the whole 需求清单, the progress ledger): rows
 * are taken from their iterable and committed one at a time (widths from the first WIDTH_SAMPLE rows), and every cell of a column shares one style object, which exceljs
 * registers once instead of once per cell. Returns the .xlsx bytes for saveBuffer.
 */
export async function streamTableWorkbook(sheets: TableSheetSpec[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = '大工委工作台';
  for (const { sheetName, title, columns, rows } of sheets) {
    const ws = wb.addWorksheet(sheetName, tableSheetOptions());
    const it = rows[Symbol.iterator]();
    try {
      const sample: CellInput[][] = [];
      while (sample.length < WIDTH_SAMPLE) {
        const next = it.next();
        if (next.done) break;
        sample.push(next.value);
      }
      const widths = columnWidths(columns, sample);
      ws.columns = columns.map((_c, i) => ({ width: widths[i] }));
      writeTitleAndHeader(ws, title, columns);
      ws.getRow(1).commit();
      ws.getRow(2).commit();
      const plain = columns.map((c) => cellStyle(c));
      const formatted = columns.map((c) => cellStyle(c, c.kind === 'date' ? DATE_NUMFMT : c.numFmt));
      const dated = columns.map((c) => cellStyle(c, DATE_NUMFMT));
      let r = 3;
      const writeRow = (values: CellInput[]) => {
        const row = ws.getRow(r++);
        columns.forEach((col, i) => {
          const value = values[i] ?? null;
          const cell = row.getCell(i + 1);
          if (value === null || value === '') {
            cell.style = plain[i]!;
          } else if (col.kind === 'date') {
            cell.value = value instanceof Date ? value : isoToExcelSerial(String(value));
            cell.style = formatted[i]!;
          } else if (typeof value === 'number') {
            cell.value = value;
            cell.style = formatted[i]!;
          } else if (value instanceof Date) {
            cell.value = value;
            cell.style = dated[i]!;
          } else {
            cell.value = guardFormulaText(value);
            cell.style = plain[i]!;
          }
        });
        fitRowHeight(row, values, widths);
        row.commit();
      };
      // Let the zip take what is written so far now and then: without a pause every row's XML would wait in
      // memory until the last row (the whole sheet, ~150 MB for 60,000 needs).
      let written = 0;
      const pause = () => (++written % YIELD_EVERY === 0 ? new Promise((r) => setImmediate(r)) : undefined);
      for (const values of sample) {
        writeRow(values);
        await pause();
      }
      for (let next = it.next(); !next.done; next = it.next()) {
        writeRow(next.value);
        await pause();
      }
    } finally {
      it.return?.(); // an export that fails midway still closes its source
    }
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
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
