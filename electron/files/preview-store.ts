import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/**
 * Parsed files waiting for the clerk to press 确认导入. Kept per database (a preview made against one data
 * file cannot be committed into another), at most a few at a time, each for a limited time. Every importer
 * owns one store of its own parsed type, so a units preview id can never be committed as a needs import.
 */

export const PREVIEW_TTL_MS = 30 * 60 * 1000;
export const MAX_PREVIEWS = 5;

interface Entry<T> {
  value: T;
  createdAt: number;
}

export class PreviewStore<T> {
  private readonly stores = new WeakMap<Database, Map<string, Entry<T>>>();

  private storeOf(db: Database): Map<string, Entry<T>> {
    let s = this.stores.get(db);
    if (!s) this.stores.set(db, (s = new Map()));
    return s;
  }

  private prune(store: Map<string, Entry<T>>, now: number): void {
    for (const [id, e] of store) if (now - e.createdAt > PREVIEW_TTL_MS) store.delete(id);
    // Map iteration is insertion order, so the first keys are the oldest.
    while (store.size > MAX_PREVIEWS) store.delete(store.keys().next().value!);
  }

  keep(db: Database, value: T, now = Date.now()): string {
    const store = this.storeOf(db);
    const id = randomUUID();
    store.set(id, { value, createdAt: now });
    this.prune(store, now);
    return id;
  }

  /** The kept value of a preview, or undefined when it is unknown, expired or already committed. */
  find(db: Database, id: string, now = Date.now()): T | undefined {
    const store = this.storeOf(db);
    this.prune(store, now);
    return store.get(id)?.value;
  }

  drop(db: Database, id: string): void {
    this.storeOf(db).delete(id);
  }
}

/** The message every commit channel gives for a preview id it no longer has. */
export const PREVIEW_GONE = '这次导入的预览已过期（超过30分钟）或已经导入过，请重新选择文件导入';
