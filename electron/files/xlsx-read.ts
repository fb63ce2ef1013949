import ExcelJS from 'exceljs';
import { AppError } from '../core/errors';
import { countSheetRows } from './xlsx-rows';
import { inspectZip, isZip } from './zip-check';

/** The cap the contract promises for an uploaded file, after base64 decoding. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** What unpacking may allocate: a 20 MB xlsx of real text unpacks to well under this; a zip bomb does not. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const fail = (message: string) => new AppError('IMPORT_FAILED', message);

export interface SheetLimits {
  /** Data rows the importer takes in one file; sheets far beyond it are refused before parsing. */
  maxRows: number;
}

/** Title, header, notes and footer rows a sheet may hold besides its data rows. */
export const ROW_SLACK = 100;

export function tooManyRows(fileName: string, sheet: string | null, rows: number, maxRows: number): AppError {
  const where = sheet ? `「${fileName}」的「${sheet}」工作表` : `「${fileName}」`;
  return fail(`${where}有${rows}行，超过单次导入上限${maxRows}行，请拆分成几个文件后分别导入`);
}

const tooBig = (fileName: string) => fail(`「${fileName}」内容过大（解压后超过200MB），请拆分后再导入`);

/** Decodes an uploaded file, checking the size before the bytes are allocated. */
export function decodeUpload(fileName: string, dataBase64: string): Buffer {
  const padding = dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0;
  const size = Math.floor((dataBase64.length * 3) / 4) - padding;
  if (size > MAX_UPLOAD_BYTES) throw fail(`「${fileName}」超过20MB，请拆分后再导入`);
  return Buffer.from(dataBase64, 'base64');
}

/** A format clerks mistake for a spreadsheet, recognised by its first bytes; null for anything else. */
export function foreignFormatMessage(fileName: string, buf: Buffer): string | null {
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    // Excel 97-2003, WPS .et and password-protected .xlsx all use this OLE container.
    return `「${fileName}」是旧版 Excel 97-2003（.xls）或 WPS 表格（.et）格式，也可能设置了打开密码。请用 Excel 或 WPS 打开它，“另存为”Excel 工作簿（*.xlsx）并取消密码后再导入`;
  }
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    return `「${fileName}」是 PDF 文件，无法读取其中的表格。请导入 Excel 工作簿（.xlsx）`;
  }
  // Some systems export "Excel" files that are really web pages (HTML tables named .xls).
  if (
    /^\s*<(!doctype html|html|table)\b/i.test(
      buf
        .subarray(0, 512)
        .toString('latin1')
        .replace(/^\xEF\xBB\xBF/, ''),
    )
  ) {
    return `「${fileName}」是网页格式的表格（常见于从业务系统导出的“Excel”文件）。请用 Excel 或 WPS 打开它，“另存为”Excel 工作簿（*.xlsx）后再导入`;
  }
  return null;
}

/** Why a file that is not a zip was refused, worded for what the clerk most likely picked. */
function notZipMessage(fileName: string, buf: Buffer): string {
  return (
    foreignFormatMessage(fileName, buf) ??
    `「${fileName}」不是 Excel 工作簿（.xlsx），也不是 CSV 文本。如果它是网页或其他格式的表格，请先用 Excel 或 WPS 打开，“另存为”Excel 工作簿（*.xlsx）后再导入`
  );
}

/**
 * Checks that the bytes really are an .xlsx (not a renamed .xls, a truncated download, a Word file…) and
 * loads it. Every refusal is an IMPORT_FAILED AppError saying what to do. Uses `xlsx.load`, not the
 * streaming reader, which garbles some Chinese text.
 */
export async function loadXlsx(fileName: string, buf: Buffer, limits?: SheetLimits): Promise<ExcelJS.Workbook> {
  if (buf.length === 0) throw fail(`「${fileName}」是空文件（0字节），请确认选对了文件`);
  if (buf.length > MAX_UPLOAD_BYTES) throw fail(`「${fileName}」超过20MB，请拆分后再导入`);
  if (!isZip(buf)) throw fail(notZipMessage(fileName, buf));
  const check = inspectZip(buf);
  if (!check.ok) {
    if (check.reason === 'zip64')
      throw fail(`「${fileName}」过大或格式特殊，无法导入，请拆分后另存为普通的 .xlsx 再试`);
    throw fail(`「${fileName}」不完整或已损坏（可能是下载、拷贝或传输时中断），请重新获取原文件后再导入`);
  }
  const { names, totalUncompressed } = check.listing;
  if (names.includes('word/document.xml'))
    throw fail(`「${fileName}」是 Word 文档，不是 Excel 表格，请选择 .xlsx 文件`);
  if (!names.includes('xl/workbook.xml')) {
    throw fail(`「${fileName}」不是 Excel 工作簿（压缩包中没有工作表），请选择 .xlsx 文件`);
  }
  if (totalUncompressed > MAX_UNPACKED_BYTES) throw tooBig(fileName);
  if (limits) {
    let counts;
    try {
      counts = countSheetRows(buf, check.listing, MAX_UNPACKED_BYTES);
    } catch {
      // Only an entry inflating past the cap throws: its header understated its size.
      throw tooBig(fileName);
    }
    const big = counts.find((s) => s.rows > limits.maxRows + ROW_SLACK);
    if (big) throw tooManyRows(fileName, big.name, big.rows, limits.maxRows);
  }

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw fail(
      `无法读取「${fileName}」：文件已损坏或不是标准的 Excel 工作簿。请用 Excel 或 WPS 打开后重新“另存为”.xlsx 再导入`,
    );
  }
  if (wb.worksheets.length === 0) throw fail(`「${fileName}」中没有工作表`);
  return wb;
}

/** Sheets in tab order, visible ones first: a hidden sheet is usually a lookup list, not the data. */
export function sheetsInReadingOrder(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  const visible = wb.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
  const hidden = wb.worksheets.filter((ws) => !visible.includes(ws));
  return [...visible, ...hidden];
}
