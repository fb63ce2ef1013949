import { describe, expect, it } from 'vitest';
import { AuthGate, LOCKOUT_MINUTES, MAX_FAILURES } from '../../electron/auth/gate';
import { testCore } from '../helpers/core';

describe('startup password and idle lock', () => {
  it('without a password nothing is ever locked', async () => {
    const core = await testCore();
    expect(await core.call('auth.status', {})).toMatchObject({ passwordSet: false, locked: false });
    expect((await core.raw('units.list', {})).ok).toBe(true);
  });

  it('after a restart the app starts locked and refuses data channels until unlocked', async () => {
    const first = await testCore();
    await first.call('units.save', { name: '区司法所', category: '机关' });
    await first.call('auth.setPassword', { newPassword: '党建2025', idleMinutes: 10 });
    const stored = first.db.prepare("SELECT value FROM settings WHERE key = 'passwordHash'").get() as { value: string };
    expect(stored.value).toMatch(/^scrypt\$/);
    expect(stored.value).not.toContain('党建2025');
    first.close();

    const core = await testCore(first.dbPath);
    expect(await core.call('auth.status', {})).toMatchObject({ passwordSet: true, locked: true });
    expect(await core.raw('units.list', {})).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(await core.raw('units.save', { name: '偷偷写入', category: '机关' })).toMatchObject({
      ok: false,
      code: 'LOCKED',
    });
    expect((await core.raw('settings.get', {})).ok).toBe(true);

    const wrong = await core.raw('auth.unlock', { password: '错误' });
    expect(wrong).toMatchObject({ ok: false, code: 'LOCKED' });
    if (!wrong.ok) expect(wrong.message).toContain(`还可以再试 ${MAX_FAILURES - 1} 次`);
    expect(await core.call('auth.unlock', { password: '党建2025' })).toMatchObject({ locked: false });
    expect((await core.call('units.list', {})).total).toBe(1);
  });

  it('locks after the idle time and keeps the lockout across restarts after repeated failures', async () => {
    const core = await testCore();
    let now = Date.parse('2026-11-21T09:00:00+08:00');
    const gate = new AuthGate(core.db, () => now);
    gate.setPassword('', 'secret1', 10);
    gate.unlock('secret1');
    expect(gate.check('units.list')).toBeNull();
    now += 9 * 60_000;
    expect(gate.check('units.list')).toBeNull();
    now += 10 * 60_000 + 1;
    expect(gate.check('units.list')).toMatchObject({ code: 'LOCKED' });

    for (let i = 1; i < MAX_FAILURES; i++) expect(() => gate.unlock('nope')).toThrow('密码不正确');
    expect(() => gate.unlock('nope')).toThrow(`${LOCKOUT_MINUTES}分钟内不能再解锁`);
    // Even the right password is refused during the lockout, also by a fresh gate (an app restart).
    const restarted = new AuthGate(core.db, () => now);
    expect(() => restarted.unlock('secret1')).toThrow('已暂停解锁');
    now += LOCKOUT_MINUTES * 60_000 + 1;
    expect(restarted.unlock('secret1').locked).toBe(false);
  });

  it('setting a password after the app has been open longer than the idle limit does not lock at the next click', async () => {
    const core = await testCore();
    let now = Date.parse('2026-11-21T09:00:00+08:00');
    const gate = new AuthGate(core.db, () => now);
    // Used all morning without a password, a click every few minutes.
    for (let i = 0; i < 40; i++) {
      now += 3 * 60_000;
      expect(gate.check('units.list')).toBeNull();
    }
    // The dispatcher asks the gate before the channel runs, then the handler sets the password.
    expect(gate.check('auth.setPassword')).toBeNull();
    gate.setPassword('', 'secret1', 10);
    now += 60_000;
    expect(gate.check('units.list')).toBeNull();
    expect(gate.status().locked).toBe(false);
    // And the idle limit still counts from the last click.
    now += 10 * 60_000 + 1;
    expect(gate.check('units.list')).toMatchObject({ code: 'LOCKED' });
  });

  it('records the operator name in the log and refuses a password change without the current one', async () => {
    const core = await testCore();
    await core.call('auth.setOperator', { operatorName: '王敏' });
    await core.call('units.save', { name: '区图书馆', category: '事业单位' });
    expect((await core.call('oplog.list', {})).rows[0]).toMatchObject({ operator: '王敏', action: 'create' });
    await core.call('auth.setPassword', { newPassword: 'first-pass' });
    const res = await core.raw('auth.setPassword', { currentPassword: 'wrong', newPassword: 'second-pass' });
    expect(res).toMatchObject({ ok: false });
    if (!res.ok) expect(res.message).toContain('当前密码不正确');
    expect((await core.raw('auth.setPassword', { newPassword: '123' })).ok).toBe(false);
  });
});
