import type { Database } from 'better-sqlite3';
import { cachedStatement } from './sql';

/**
 * "Has anything been written since?" for the app's connection, cheaply: a token that changes with every row
 * this connection writes (total_changes) and every commit by another connection (data_version), and differs
 * between connections (a restore swaps it). Writes the app makes only to keep its own books (the backup
 * catalogue) are left out, so a backup finishing does not make an import's preview look stale.
 */

interface ConnectionInfo {
  id: number;
  bookkeeping: number;
}

// Kept on the connection object itself (through the forwarding handle too), so it follows the connection.
const INFO = Symbol('dataState');
let nextId = 1;

function infoOf(db: Database): ConnectionInfo {
  const slot = db as unknown as Record<symbol, ConnectionInfo | undefined>;
  return (slot[INFO] ??= { id: nextId++, bookkeeping: 0 });
}

const totalChanges = (db: Database) => (cachedStatement(db, 'SELECT total_changes() AS n').get() as { n: number }).n;

export function dataState(db: Database): string {
  const info = infoOf(db);
  return `${info.id}:${totalChanges(db) - info.bookkeeping}:${String(db.pragma('data_version', { simple: true }))}`;
}

/** Runs a write that only keeps the app's own books (the backup catalogue): it does not change dataState. */
export function asBookkeeping<T>(db: Database, write: () => T): T {
  const before = totalChanges(db);
  try {
    return write();
  } finally {
    infoOf(db).bookkeeping += totalChanges(db) - before;
  }
}
