import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ParsedSheet } from './read-sheet';

/**
 * Parsed sheets waiting for the clerk to press 确认导入. Kept per database (a preview made against one data
 * file cannot be committed into another), at most a few at a time, each for a limited time.
 */

export const PREVIEW_TTL_MS = 30 * 60 * 1000;
export const MAX_PREVIEWS = 5;

interface Entry {
  sheet: ParsedSheet;
  createdAt: number;
}

const stores = new WeakMap<Database, Map<string, Entry>>();

function storeOf(db: Database): Map<string, Entry> {
  let s = stores.get(db);
  if (!s) stores.set(db, (s = new Map()));
  return s;
}

function prune(store: Map<string, Entry>, now: number): void {
  for (const [id, e] of store) if (now - e.createdAt > PREVIEW_TTL_MS) store.delete(id);
  // Map iteration is insertion order, so the first keys are the oldest.
  while (store.size > MAX_PREVIEWS) store.delete(store.keys().next().value!);
}

export function keepPreview(db: Database, sheet: ParsedSheet, now = Date.now()): string {
  const store = storeOf(db);
  const id = randomUUID();
  store.set(id, { sheet, createdAt: now });
  prune(store, now);
  return id;
}

/** The parsed sheet of a preview, or undefined when it is unknown, expired or already committed. */
export function findPreview(db: Database, id: string, now = Date.now()): ParsedSheet | undefined {
  const store = storeOf(db);
  prune(store, now);
  return store.get(id)?.sheet;
}

export function dropPreview(db: Database, id: string): void {
  storeOf(db).delete(id);
}
