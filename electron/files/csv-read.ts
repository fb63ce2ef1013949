import { AppError } from '../core/errors';

/**
 * CSV as clerks get it: saved by Excel or WPS in GBK/GB18030 (the default on Chinese Windows) or UTF-8
 * with or without BOM, now and then UTF-16 ("Unicode text"); comma-separated, sometimes tab or semicolon.
 * Quoting follows RFC 4180 (quoted fields may hold commas, quotes as "" and line breaks).
 */

const fail = (message: string) => new AppError('IMPORT_FAILED', message);

/** Physical lines, counted without splitting the text. */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** At most this share of control characters in real text (a stray one in a cell is the cell's problem). */
const MAX_CONTROL_SHARE = 0.01;

function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Whether the bytes look like text at all: no NUL (binary files are full of them), few other controls. */
export function looksLikeText(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  const head = buf.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return false;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
  }
  return controls <= head.length * MAX_CONTROL_SHARE;
}

/** The text of a CSV file in whichever of the usual encodings it is written. */
export function decodeCsv(fileName: string, buf: Buffer): string {
  let text: string | null;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = decodeStrict('utf-16le', buf);
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = decodeStrict('utf-16be', buf);
  else text = decodeStrict('utf-8', buf) ?? decodeStrict('gb18030', buf);
  if (text === null) {
    throw fail(
      `无法识别「${fileName}」的文字编码（既不是 UTF-8，也不是 GBK/GB18030）。请用 Excel 或 WPS 打开它，“另存为”Excel 工作簿（*.xlsx）后再导入`,
    );
  }
  return text;
}

/** Tab or semicolon only when the first lines plainly use it more than commas. */
function guessDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/, 20);
  const count = (ch: string) => lines.reduce((n, l) => n + l.split(ch).length - 1, 0);
  const [comma, tab, semi] = [count(','), count('\t'), count(';')];
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma && semi > tab) return ';';
  return ',';
}

/**
 * Rows of cells. Lenient like Excel about a quote inside an unquoted field; a quoted field still open at
 * the end of the file is refused, naming the line where it began. Stops once it has more than `maxRows`
 * rows, so a file of millions of tiny lines never becomes millions of arrays.
 */
export function parseCsv(fileName: string, text: string, maxRows = Infinity): string[][] {
  const delim = guessDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let quoteLine = 0;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
    } else if (ch === delim) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      if (rows.length > maxRows) return rows;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) {
    throw fail(
      `「${fileName}」第${quoteLine}行有一个引号（"）没有配对，之后的内容无法分清各列。请用 Excel 或 WPS 打开检查后，“另存为”Excel 工作簿（*.xlsx）再导入`,
    );
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
