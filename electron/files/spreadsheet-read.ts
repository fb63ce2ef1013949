import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { UploadedFile } from '../../shared/contract/common';
import { AppError } from '../core/errors';
import { decodeCsv, lineCount, looksLikeText, parseCsv } from './csv-read';
import { decodeUpload, foreignFormatMessage, loadXlsx, ROW_SLACK, tooManyRows, type SheetLimits } from './xlsx-read';
import { isZip } from './zip-check';

/**
 * The one way an importer reads the file the clerk picked: an .xlsx, or a CSV (told apart by content, so
 * a CSV renamed .xlsx or a workbook renamed .csv still reads). A CSV becomes a one-sheet workbook named
 * after the file, so every importer reads both the same way.
 */

/** No table the clerks keep is this wide; a longer line is binary junk or a broken export. */
const MAX_CSV_COLUMNS = 500;

const fail = (message: string) => new AppError('IMPORT_FAILED', message);

/** Excel refuses these characters in tab names, and a tab name has at most 31 characters. */
const sheetNameOf = (fileName: string) =>
  fileName
    .replace(/[*?:/\\[\]]/g, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31) || 'CSV';

function csvWorkbook(fileName: string, buf: Buffer, limits: SheetLimits): ExcelJS.Workbook {
  const text = decodeCsv(fileName, buf);
  const rows = parseCsv(fileName, text, limits.maxRows + ROW_SLACK);
  if (rows.length > limits.maxRows + ROW_SLACK) throw tooManyRows(fileName, null, lineCount(text), limits.maxRows);
  const wide = rows.findIndex((r) => r.length > MAX_CSV_COLUMNS);
  if (wide >= 0) {
    throw fail(
      `「${fileName}」第${wide + 1}行有${rows[wide]!.length}列，超过${MAX_CSV_COLUMNS}列，不像是一张表格，请检查文件`,
    );
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetNameOf(fileName));
  rows.forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    // Every value stays text, as typed: a phone keeps its leading 0, "45866" is not turned into a date.
    cells.forEach((text, c) => {
      if (text !== '') row.getCell(c + 1).value = text;
    });
  });
  return wb;
}

export async function loadSpreadsheet(fileName: string, buf: Buffer, limits: SheetLimits): Promise<ExcelJS.Workbook> {
  if (buf.length > 0 && !isZip(buf) && !foreignFormatMessage(fileName, buf) && looksLikeText(buf))
    return csvWorkbook(fileName, buf, limits);
  return loadXlsx(fileName, buf, limits);
}

/** An uploaded .xlsx or .csv, size-checked before it is decoded. */
export function loadUpload(file: z.output<typeof UploadedFile>, limits: SheetLimits): Promise<ExcelJS.Workbook> {
  return loadSpreadsheet(file.fileName, decodeUpload(file.fileName, file.dataBase64), limits);
}
