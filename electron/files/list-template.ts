import ExcelJS from 'exceljs';
import {
  DATE_NUMFMT,
  FONT_NAME,
  addListValidation,
  addTableSheet,
  outlineEmptyRows,
  type TableColumn,
} from './xlsx-write';

/** Rows prepared for filling in (dropdowns and formats reach this far) and rows given printed boxes. */
export const TEMPLATE_ROWS = 500;
const OUTLINED_ROWS = 25;

/**
 * A fill-in template a community fills and sends back: the list's own columns (so the importer reads it
 * without edits), dropdowns for the fixed words, text format for phones, and a 填写说明 sheet.
 */
export function buildListTemplate(spec: {
  sheetName: string;
  title: string;
  columns: TableColumn[];
  dropdowns: Record<string, readonly string[]>;
  textColumns: string[];
  howTo: string[];
}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大工委工作台';
  const { ws, firstDataRow } = addTableSheet(wb, spec.sheetName, {
    title: spec.title,
    columns: spec.columns,
    rows: [],
  });
  const last = firstDataRow + TEMPLATE_ROWS - 1;
  const col = (header: string) => spec.columns.findIndex((c) => c.header === header) + 1;
  outlineEmptyRows(ws, firstDataRow, firstDataRow + OUTLINED_ROWS - 1, spec.columns.length);
  for (const [header, values] of Object.entries(spec.dropdowns)) {
    // Excel caps a literal list at 255 characters; a longer list (many communities) is left as free text.
    if (values.length > 0 && `"${values.join(',')}"`.length <= 255)
      addListValidation(ws, col(header), firstDataRow, last, values, header);
  }
  for (let r = firstDataRow; r <= last; r++) {
    for (const h of spec.textColumns) ws.getCell(r, col(h)).numFmt = '@';
    spec.columns.forEach((c, i) => {
      if (c.kind === 'date') ws.getCell(r, i + 1).numFmt = DATE_NUMFMT;
    });
  }
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  ['填写说明', ...spec.howTo].forEach((text, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT_NAME, size: i === 0 ? 14 : 11, bold: i === 0 };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  return wb;
}
