import type { Database } from 'better-sqlite3';
import { readSettings } from '../settings/repo';
import { insertOplog, type NewOplogEntry } from './repo';

/** Who the log names when no operator has been set in 设置. */
export const UNNAMED_OPERATOR = '未署名';

export function currentOperator(db: Database): string {
  return readSettings(db).get('operatorName') || UNNAMED_OPERATOR;
}

/**
 * Appends one entry to 操作日志. Call it inside the transaction of the write it describes, so the log and
 * the data can never disagree (both commit, or neither).
 */
export function recordOp(db: Database, entry: Omit<NewOplogEntry, 'operator'>): void {
  if (!db.inTransaction) throw new Error('recordOp must run inside the write transaction it describes');
  insertOplog(db, { ...entry, operator: currentOperator(db) });
}

/** "联系电话：138… → 139…；备注：（空）→ 新内容" for the fields that differ. */
export function describeChanges<T extends Record<string, unknown>>(
  before: T,
  after: T,
  labels: Partial<Record<keyof T, string>>,
): string {
  const show = (v: unknown) => (v === '' || v === null || v === undefined ? '（空）' : String(v));
  return (Object.keys(labels) as (keyof T)[])
    .filter((k) => show(before[k]) !== show(after[k]))
    .map((k) => `${labels[k]}：${show(before[k])} → ${show(after[k])}`)
    .join('；');
}
