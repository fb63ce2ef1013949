import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import { addTableSheet, mergeDown, type CellInput, type TableColumn } from '../../files/xlsx-write';
import * as repo from '../repo';
import { allocationTitle } from './titles';

/**
 * The 分配表 as the street prints it: the paper table's columns, then 党组织名称 and 单位地址 at the end so
 * that importing the file back loses nothing. 备注 here is the pairing's note.
 */
export const ALLOCATION_COLUMNS: TableColumn[] = [
  { header: '序号', kind: 'number', minWidth: 6 },
  { header: '共建单位', minWidth: 16 },
  { header: '单位类别', align: 'center', minWidth: 10 },
  { header: '党组织书记', align: 'center', minWidth: 10 },
  { header: '联络员', align: 'center', minWidth: 8 },
  { header: '联系电话', align: 'center', minWidth: 14 },
  { header: '结对社区', align: 'center', minWidth: 12 },
  { header: '签约日期', kind: 'date', minWidth: 16 },
  // A number shown as "3年": it sorts and sums, and reads back as 3.
  { header: '共建期限', kind: 'number', numFmt: '0"年"', minWidth: 10 },
  { header: '备注', kind: 'notes', minWidth: 12 },
  { header: '党组织名称', minWidth: 16 },
  { header: '单位地址', minWidth: 16 },
];
export const COMMUNITY_COL = ALLOCATION_COLUMNS.findIndex((c) => c.header === '结对社区') + 1;

export function buildAllocationWorkbook(db: Database): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大工委工作台';
  const pairings = repo.allocationRows(db);
  const rows: CellInput[][] = pairings.map((p, i) => [
    i + 1,
    p.unit_name,
    p.category,
    p.secretary,
    p.liaison,
    p.phone,
    p.community_name,
    p.signed_on,
    p.term_years,
    p.notes,
    p.party_org,
    p.address,
  ]);
  const sheet = addTableSheet(wb, '分配表', { title: allocationTitle(db), columns: ALLOCATION_COLUMNS, rows });
  // One merged 结对社区 cell per block of units, like the paper table (rows come sorted by community).
  let start = 0;
  for (let i = 1; i <= pairings.length; i++) {
    if (i === pairings.length || pairings[i]!.community_id !== pairings[start]!.community_id) {
      mergeDown(sheet.ws, COMMUNITY_COL, sheet.firstDataRow + start, sheet.firstDataRow + i - 1);
      start = i;
    }
  }
  return wb;
}
