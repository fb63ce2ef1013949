import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import { NEED_EXPORT_COLUMNS } from '../electron/needs/files';
import { addTableSheet } from '../electron/files/xlsx-write';
import { rng } from './generator';
import * as V from './vocabulary';

/**
 * A 需求清单 sheet of `rows` new needs laid out as the app exports it (so the importer reads it as a clerk's
 * file), for the import benchmark. `batch` makes each sheet's titles distinct, so every run adds its rows.
 */
export async function needsImportSheet(db: Database, rows: number, batch: number): Promise<Buffer> {
  const r = rng(10_000 + batch);
  const communities = db.prepare('SELECT name FROM communities ORDER BY id').pluck().all() as string[];
  const cats = Object.keys(V.NEED_TOPICS);
  const data = Array.from({ length: rows }, (_, i) => {
    const cat = r.pick(cats);
    const person = r.pick(V.SURNAMES) + r.pick(V.GIVEN) + r.pick(V.GIVEN);
    return [
      i + 1,
      r.pick(communities),
      `第${r.int(1, 4)}网格`,
      `${r.pick(V.NEED_TOPICS[cat]!)}（第${batch}批${i + 1}号）`,
      r.pick(V.NEED_DETAILS).replace('{n}', String(r.int(3, 90))),
      cat,
      '网格员走访',
      `2025-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      r.pick(['一般', '较急', '紧急']),
      person,
      `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      '待对接',
      '',
    ];
  });
  const wb = new ExcelJS.Workbook();
  addTableSheet(wb, '需求清单', { title: '群众需求清单', columns: NEED_EXPORT_COLUMNS, rows: data });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
