import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import { UNIT_CATEGORIES, UNIT_STATUS_LABELS } from '../../../shared/domain/units';
import { PHONE_HINT } from '../../../shared/domain/phone';
import { DATE_NUMFMT, FONT_NAME, addListValidation, addTableSheet, outlineEmptyRows } from '../../files/xlsx-write';
import { ALLOCATION_COLUMNS } from './allocation';
import { allocationTitle } from './titles';

/** Rows prepared for filling in: the 单位类别 dropdown and the text/date formats reach this far. */
export const TEMPLATE_ROWS = 500;
/** Rows with borders: one printed A4 page of boxes for filling in by hand. */
const OUTLINED_ROWS = 25;

const col = (header: string) => ALLOCATION_COLUMNS.findIndex((c) => c.header === header) + 1;

const HOW_TO: string[] = [
  '填写说明',
  '1. 在“分配表”工作表第3行起逐行填写，一行一个共建单位与一个结对社区；一个单位与几个社区结对，就填几行（单位信息相同）。',
  '2. “共建单位”必填；新增单位须填写“单位类别”（可从下拉列表选择）。',
  `3. 单位类别可选：${UNIT_CATEGORIES.join('、')}。`,
  `4. 联系电话：${PHONE_HINT}。`,
  '5. 签约日期写成 2025年7月28日、2025-7-28 或 2025/7/28 均可。共建期限填整数年数，如 3 或 3年。',
  '6. 结对社区可以合并单元格；系统中没有的社区会在导入时新建。',
  '7. 已有的单位按名称匹配：表中空着的格子不会清除系统中已有的内容。',
  `8. 单位状态（${Object.values(UNIT_STATUS_LABELS).join('/')}）可在“共建单位名录”中维护。`,
];

export function buildTemplateWorkbook(db: Database): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大工委工作台';
  const { ws, firstDataRow } = addTableSheet(wb, '分配表', {
    title: allocationTitle(db),
    columns: ALLOCATION_COLUMNS,
    rows: [],
  });
  const last = firstDataRow + TEMPLATE_ROWS - 1;
  outlineEmptyRows(ws, firstDataRow, firstDataRow + OUTLINED_ROWS - 1, ALLOCATION_COLUMNS.length);
  addListValidation(ws, col('单位类别'), firstDataRow, last, UNIT_CATEGORIES, '单位类别');
  for (let r = firstDataRow; r <= last; r++) {
    // Text format keeps a phone's leading 0 and stops Excel turning 11 digits into 1.38E+10.
    ws.getCell(r, col('联系电话')).numFmt = '@';
    ws.getCell(r, col('签约日期')).numFmt = DATE_NUMFMT;
  }

  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  HOW_TO.forEach((text, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT_NAME, size: i === 0 ? 14 : 11, bold: i === 0 };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  return wb;
}
