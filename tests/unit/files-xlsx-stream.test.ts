import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import {
  addTableSheet,
  streamTableWorkbook,
  WIDTH_SAMPLE,
  type CellInput,
  type TableSheetSpec,
} from '../../electron/files/xlsx-write';

const spec = {
  sheetName: '需求清单',
  title: '某街道群众需求清单',
  columns: [
    { header: '序号', kind: 'number', minWidth: 6 },
    { header: '需求名称', minWidth: 16 },
    { header: '需求内容', kind: 'notes', minWidth: 24 },
    { header: '提出日期', kind: 'date' },
    { header: '进度', kind: 'number', numFmt: '0"%"' },
    { header: '联系电话' },
  ],
  rows: [
    [1, '独居老人助餐', '辖区独居老人约40人，希望提供午间助餐。'.repeat(4), '2025-07-28', 60, '13812345678'],
    [2, '=HYPERLINK("http://x")', '', null, null, '0571-1234567'],
  ] as CellInput[][],
} satisfies TableSheetSpec;

async function load(buf: Buffer | ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** What a clerk sees of a sheet: values, formats, fonts, borders, alignment, sizes, freezing and printing. */
function look(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    cells.push({ r, height: row.height });
    row.eachCell({ includeEmpty: true }, (c) =>
      cells.push([
        c.address,
        c.value,
        c.numFmt ?? null,
        c.font ?? null,
        c.border ?? null,
        c.alignment ?? null,
        c.fill ?? null,
      ]),
    );
  });
  return {
    name: ws.name,
    cells,
    widths: ws.columns.map((c) => c.width),
    views: ws.views,
    printTitlesRow: ws.pageSetup.printTitlesRow,
    orientation: ws.pageSetup.orientation,
    footer: ws.headerFooter.oddFooter,
    merges: ws.model.merges,
  };
}

describe('streamTableWorkbook', () => {
  test('writes the same sheet as addTableSheet (values, styles, widths, heights, frozen header, print titles)', async () => {
    const wb = new ExcelJS.Workbook();
    addTableSheet(wb, spec.sheetName, spec);
    const inMemory = look(await load(await wb.xlsx.writeBuffer()));
    const streamed = look(await load(await streamTableWorkbook([spec])));
    expect(streamed).toEqual(inMemory);
    expect(streamed.printTitlesRow).toBe('2:2');
  });

  test('streams rows from a generator: every row written in order, widths from the first rows, long text wraps', async () => {
    let pulled = 0;
    function* rows(): Generator<CellInput[]> {
      for (let i = 1; i <= WIDTH_SAMPLE + 500; i++) {
        pulled++;
        // Past the sample, one row carries a much longer name: its column is not widened, its row grows instead.
        const name = i === WIDTH_SAMPLE + 100 ? '社区居家养老服务中心助餐点设备更新'.repeat(2) : `需求${i}`;
        yield [i, name, '', '2025-07-28', 10, ''];
      }
    }
    const ws = await load(await streamTableWorkbook([{ ...spec, rows: rows() }]));
    expect(pulled).toBe(WIDTH_SAMPLE + 500);
    expect(ws.rowCount).toBe(2 + WIDTH_SAMPLE + 500);
    expect(ws.getCell(3, 2).value).toBe('需求1');
    expect(ws.getCell(2 + WIDTH_SAMPLE + 500, 1).value).toBe(WIDTH_SAMPLE + 500);
    expect(ws.getCell(3, 4).value).toEqual(new Date(Date.UTC(2025, 6, 28)));
    expect(ws.getColumn(2).width).toBe(16); // the minimum: the sample's names are short
    expect(ws.getRow(2 + WIDTH_SAMPLE + 100).height).toBeGreaterThan(20);
    expect(ws.getRow(3).height ?? 20).toBe(20);
  });
});
