import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { forwardingDb } from '../../electron/core/db-handle';
import { cachedStatement } from '../../electron/db/sql';

describe('cachedStatement', () => {
  test('prepares once per connection, and again on the new connection after a restore swaps it', () => {
    const first = new Database(':memory:');
    first.exec(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('旧')`);
    const holder = { current: first };
    const db = forwardingDb(holder);
    const st = cachedStatement(db, 'SELECT v FROM t');
    expect(cachedStatement(db, 'SELECT v FROM t')).toBe(st);
    expect(st.pluck().get()).toBe('旧');

    const second = new Database(':memory:');
    second.exec(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('新')`);
    holder.current = second;
    first.close();
    expect(cachedStatement(db, 'SELECT v FROM t').pluck().get()).toBe('新');
  });
});
