import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import { UNIT_STATUS_LABELS } from '../../../shared/domain/units';
import { addTableSheet, type TableColumn } from '../../files/xlsx-write';
import * as repo from '../repo';
import { directoryTitle } from './titles';

/** The 名录's columns; the importer reads every one of them back (备注 is the unit's note here). */
export const DIRECTORY_COLUMNS: TableColumn[] = [
  { header: '序号', kind: 'number', minWidth: 6 },
  { header: '共建单位', minWidth: 16 },
  { header: '单位类别', align: 'center', minWidth: 10 },
  { header: '党组织名称', minWidth: 16 },
  { header: '党组织书记', align: 'center', minWidth: 10 },
  { header: '联络员', align: 'center', minWidth: 8 },
  { header: '联系电话', align: 'center', minWidth: 14 },
  { header: '单位地址', minWidth: 16 },
  { header: '状态', align: 'center', minWidth: 8 },
  { header: '备注', kind: 'notes', minWidth: 12 },
];

export function buildDirectoryWorkbook(db: Database): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大工委工作台';
  const rows = repo
    .allUnits(db)
    .map((u, i) => [
      i + 1,
      u.name,
      u.category,
      u.partyOrg,
      u.secretary,
      u.liaison,
      u.phone,
      u.address,
      UNIT_STATUS_LABELS[u.status],
      u.notes,
    ]);
  addTableSheet(wb, '共建单位名录', { title: directoryTitle(db), columns: DIRECTORY_COLUMNS, rows });
  return wb;
}
