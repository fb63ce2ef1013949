import type { Database } from 'better-sqlite3';
import { PreviewStore } from '../../files/preview-store';
import type { ParsedSheet } from './read-sheet';

export { MAX_PREVIEWS, PREVIEW_TTL_MS } from '../../files/preview-store';

/** The 共建单位 importer's parsed sheets waiting for 确认导入 (see files/preview-store.ts). */
const store = new PreviewStore<ParsedSheet>();

export const keepPreview = (db: Database, sheet: ParsedSheet, now = Date.now()): string => store.keep(db, sheet, now);
export const findPreview = (db: Database, id: string, now = Date.now()): ParsedSheet | undefined =>
  store.find(db, id, now);
export const dropPreview = (db: Database, id: string): void => store.drop(db, id);
