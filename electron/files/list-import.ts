import type { Database } from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import type {
  ListImportCommit,
  ListImportPreview,
  ListImportResult,
  ListImportRow,
  UnmatchedName,
} from '../../shared/contract/lists';
import type { UploadedFile } from '../../shared/contract/common';
import { AppError } from '../core/errors';
import { dataState } from '../db/data-state';
import { recordOp } from '../oplog/service';
import { PREVIEW_GONE, PreviewStore } from './preview-store';
import { loadUpload } from './spreadsheet-read';
import { MAX_TABLE_ROWS, type ReadTable } from './table-rows';

/**
 * The three-step import every list shares (read → plan → apply), wired to its preview/replan/commit
 * channels. The plan runs for the preview and, if anything was written since, again inside the commit's
 * transaction, so what is written matches the database as it is at commit time. Error and skip rows are
 * never written.
 */

export type Choice = { name: string; unitId: number };

export interface ListPlan {
  rows: ListImportRow[];
  unmatched: UnmatchedName[];
}

export interface ListImporter<K extends string, P extends ListPlan> {
  read(wb: ExcelJS.Workbook, fileName: string): ReadTable<K>;
  plan(db: Database, table: ReadTable<K>, choices: readonly Choice[]): P;
  /** Writes the plan's add/update rows; runs inside the commit's immediate transaction. */
  apply(db: Database, table: ReadTable<K>, plan: P): ListImportResult;
}

interface Kept<K extends string, P> {
  table: ReadTable<K>;
  choices: Choice[];
  /** The plan the preview showed, and the state of the data it was made against (see dataState). */
  planned?: { plan: P; state: string };
}

export function countRows(rows: ListImportRow[]): ListImportPreview['counts'] {
  const n = (a: ListImportRow['action']) => rows.filter((r) => r.action === a).length;
  return { add: n('add'), update: n('update'), unchanged: n('unchanged'), skip: n('skip'), error: n('error') };
}

export const countOf = (rows: ListImportRow[], a: ListImportRow['action']) => rows.filter((r) => r.action === a).length;

/**
 * What an import commit reports, and its one 操作日志 entry (only when something was written), e.g.
 * 新增需求3条，修改1条，未变5条，未导入2行. Call inside the commit's transaction.
 */
export function finishListImport(
  db: Database,
  rows: ListImportRow[],
  done: { added: number; updated: number },
  log: { entity: string; noun: string; measure: string; fileName: string },
) {
  const result = {
    ...done,
    unchanged: countOf(rows, 'unchanged'),
    leftOut: countOf(rows, 'error') + countOf(rows, 'skip'),
  };
  if (done.added + done.updated > 0) {
    const m = log.measure;
    recordOp(db, {
      action: 'import',
      entity: log.entity,
      entityId: null,
      title: log.fileName,
      summary: `新增${log.noun}${done.added}${m}，修改${done.updated}${m}，未变${result.unchanged}${m}，未导入${result.leftOut}行`,
    });
  }
  return result;
}

export function skipRows<K extends string>(table: ReadTable<K>): Map<number, ListImportRow> {
  return new Map(
    table.rows
      .filter((r) => r.skip)
      .map((r) => [r.row, { row: r.row, action: 'skip' as const, label: '', messages: [r.skip!] }]),
  );
}

export function listImportHandlers<K extends string, P extends ListPlan>(importer: ListImporter<K, P>) {
  const store = new PreviewStore<Kept<K, P>>();
  const preview = (db: Database, previewId: string, kept: Kept<K, P>): ListImportPreview => {
    const plan = importer.plan(db, kept.table, kept.choices);
    kept.planned = { plan, state: dataState(db) };
    return {
      previewId,
      fileName: kept.table.fileName,
      sheetName: kept.table.sheetName,
      headerRow: kept.table.headerRow,
      columns: kept.table.columns,
      rows: plan.rows,
      counts: countRows(plan.rows),
      unmatched: plan.unmatched,
    };
  };
  const found = (db: Database, id: string) => {
    const kept = store.find(db, id);
    if (!kept) throw new AppError('IMPORT_FAILED', PREVIEW_GONE);
    return kept;
  };
  return {
    async preview(db: Database, file: z.output<typeof UploadedFile>): Promise<ListImportPreview> {
      const wb = await loadUpload(file, { maxRows: MAX_TABLE_ROWS });
      const kept: Kept<K, P> = { table: importer.read(wb, file.fileName), choices: [] };
      return preview(db, store.keep(db, kept), kept);
    },
    /** The same file planned again with the clerk's answers for unknown unit names. */
    replan(db: Database, input: z.output<typeof ListImportCommit>): ListImportPreview {
      const kept = found(db, input.previewId);
      kept.choices = input.choices;
      return preview(db, input.previewId, kept);
    },
    commit(db: Database, input: z.output<typeof ListImportCommit>): ListImportResult {
      const kept = found(db, input.previewId);
      const choices = input.choices.length ? input.choices : kept.choices;
      const result = db
        .transaction(() => {
          // Nothing written since the preview and the same answers: its plan is still exactly right.
          const unchanged =
            kept.planned?.state === dataState(db) && JSON.stringify(choices) === JSON.stringify(kept.choices);
          const plan = unchanged ? kept.planned!.plan : importer.plan(db, kept.table, choices);
          return importer.apply(db, kept.table, plan);
        })
        .immediate();
      store.drop(db, input.previewId);
      return result;
    },
  };
}

/** "第5行「联系电话」列：…" with the column named as the sheet heads it. */
export function cellMessage<K extends string>(table: ReadTable<K>, labels: Record<K, string>) {
  return (row: number, k: K, message: string) => `第${row}行「${table.headers[k] ?? labels[k]}」列：${message}`;
}
