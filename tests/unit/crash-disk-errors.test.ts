import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { systemError } from '../../electron/core/system-errors';
import { backupCore, seed } from '../helpers/backup';

describe('disk and file failures reach the clerk in plain Chinese, with the data untouched', () => {
  it('database full (SQLITE_FULL): "磁盘空间已满…数据未被改动", and the earlier data is still there', async () => {
    const core = await backupCore();
    await seed(core, 5);
    // SQLite's own page limit produces the same SQLITE_FULL a full disk does.
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    let res;
    for (
      let i = 0;
      i < 200 && (res = await core.raw('units.save', { name: `填满${i}`.repeat(20), category: '机关' })).ok;
      i++
    );
    expect(res).toMatchObject({ ok: false, code: 'FILE_ERROR' });
    if (res && !res.ok) expect(res.message).toMatch(/^磁盘空间已满.*已保存的数据未被改动/);
    core.db.pragma('max_page_count = 1073741823');
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await core.call('units.list', { search: '单位' })).total).toBe(5);
  });

  it('read-only database (SQLITE_READONLY): says so, nothing saved', async () => {
    const core = await backupCore();
    await seed(core, 1);
    core.db.pragma('query_only = 1');
    const res = await core.raw('units.save', { name: '只读时写入', category: '机关' });
    expect(res).toMatchObject({ ok: false, code: 'FILE_ERROR' });
    if (!res.ok) expect(res.message).toMatch(/只读.*没有保存.*未被改动/);
    core.db.pragma('query_only = 0');
    expect((await core.call('units.list', {})).total).toBe(1);
  });

  it('file locked by another program (SQLITE_BUSY): says who might hold it, nothing saved', async () => {
    const core = await backupCore();
    await seed(core, 1);
    const other = new Database(core.dbPath);
    other.prepare('BEGIN IMMEDIATE').run();
    core.db.pragma('busy_timeout = 50');
    const res = await core.raw('units.save', { name: '被锁时写入', category: '机关' });
    other.prepare('ROLLBACK').run();
    other.close();
    expect(res).toMatchObject({ ok: false, code: 'FILE_ERROR' });
    if (!res.ok) expect(res.message).toMatch(/正被其他程序占用.*未被改动/);
    expect((await core.call('units.list', {})).total).toBe(1);
  });

  it.each([
    ['ENOSPC', '磁盘空间已满'],
    ['EDQUOT', '磁盘空间已满'],
    ['EROFS', '只读'],
    ['EACCES', '没有写入权限'],
    ['EBUSY', '正被其他程序占用'],
    ['SQLITE_IOERR_WRITE', '磁盘空间可能已满'],
    ['SQLITE_CORRUPT', '已损坏'],
  ])('maps %s', (code, text) => {
    expect(systemError(Object.assign(new Error(code), { code }))?.message).toContain(text);
  });

  it('leaves program errors alone (they stay INTERNAL and are logged)', () => {
    expect(systemError(new TypeError('x is undefined'))).toBeNull();
    expect(systemError(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeNull();
  });
});
