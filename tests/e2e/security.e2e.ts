import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { useE2E } from './harness';

describe('启动密码与锁定 in the real UI', () => {
  const e2e = useE2E();

  it('set a password in 设置, lock with Ctrl+L over an open dialog, wrong then right password, typing kept', async () => {
    const { page, host, core } = e2e;
    await core.dispatch('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    await page.goto(host.url);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    // No password yet: no 锁定 button.
    await page.getByRole('button', { name: /^操作员：/ }).waitFor();
    expect(await page.getByRole('button', { name: '锁定' }).count()).toBe(0);

    // The operator named in the app bar, changed from there.
    await page.getByRole('button', { name: /^操作员：/ }).click();
    const who = page.getByRole('dialog', { name: '更换操作员' });
    await who.getByLabel('操作员姓名').fill('张敏');
    await who.getByLabel('操作员姓名').press('Enter');
    await who.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '操作员：张敏（点击更换）' }).waitFor();

    // 设置 → 安全: a password that is too short is refused before anything is sent.
    await page.getByRole('link', { name: '设置' }).click();
    const security = page.getByRole('region', { name: '安全' });
    await security.getByLabel('启动密码', { exact: true }).fill('abc');
    await security.getByRole('button', { name: '设置密码' }).click();
    await security.getByText('密码至少6个字符').waitFor();
    await security.getByLabel('启动密码', { exact: true }).fill('chengdong2026');
    await security.getByLabel('再次输入密码').fill('chengdong2026');
    await security.getByRole('button', { name: '设置密码' }).click();
    await page.getByRole('button', { name: '锁定' }).waitFor();
    await security.getByLabel('当前密码').waitFor();
    await security.scrollIntoViewIfNeeded();
    await e2e.screenshot('security-settings-card');

    // Start typing a new unit, then lock with Ctrl+L while the dialog is open.
    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByRole('button', { name: '手动添加' }).click();
    const dlg = page.getByRole('dialog', { name: '新增共建单位' });
    await dlg.getByLabel('单位名称').fill('区档案馆（未保存）');
    await page.keyboard.press('Control+l');

    const lock = page.getByRole('dialog', { name: '工作台已锁定' });
    await page.getByText('工作台已锁定，请输入启动密码解锁').waitFor();
    await expect.poll(() => page.locator('#lock-title').textContent()).toBe('城东街道大工委');
    // The main side refuses everything else while locked, whatever the page does.
    const refused = await core.dispatch('units.list', { page: 0, pageSize: 10 });
    expect(refused.ok ? 'ok' : refused.code).toBe('LOCKED');
    // The password field has the focus, and Tab cannot leave the lock screen for the dialog below.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[aria-label="工作台已锁定"]'))).toBe(true);
    await page.waitForTimeout(400); // let the focus animation of the field settle for the screenshot
    await e2e.screenshot('security-lock-screen');

    // A wrong password: the main side's message as is.
    await lock.getByLabel('密码').fill('wrong-password');
    await lock.getByLabel('密码').press('Enter');
    await lock.getByText('密码不正确，还可以再试 4 次').waitFor();

    // The right one: the lock screen goes and the dialog is as it was.
    await lock.getByLabel('密码').fill('chengdong2026');
    await lock.getByLabel('密码').press('Enter');
    await page.locator('#lock-title').waitFor({ state: 'detached' });
    await expect.poll(() => dlg.getByLabel('单位名称').inputValue()).toBe('区档案馆（未保存）');
    await dlg.getByLabel('单位类别').click();
    await page.getByRole('option', { name: '事业单位' }).click();
    await dlg.getByRole('button', { name: '保存' }).click();
    await dlg.waitFor({ state: 'hidden' });
    await page.getByRole('gridcell', { name: '区档案馆（未保存）' }).waitFor();

    // The lock button in the app bar locks too, and the log names the operator for the unit just saved.
    await page.getByRole('button', { name: '锁定' }).click();
    await page.locator('#lock-title').waitFor();
    await lock.getByLabel('密码').fill('chengdong2026');
    await lock.getByRole('button', { name: '解锁' }).click();
    await page.locator('#lock-title').waitFor({ state: 'detached' });
    const log = await core.dispatch('oplog.list', { page: 0, pageSize: 50, search: '区档案馆' });
    expect(log.ok && (log.value as Output<'oplog.list'>).rows.map((r) => r.operator)).toEqual(['张敏']);
  });

  it('shows the lock screen at start when a password is set, with the street name', async () => {
    const { page, host, core } = e2e;
    await core.dispatch('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    await core.dispatch('auth.setPassword', { currentPassword: '', newPassword: 'chengdong2026', idleMinutes: 15 });
    await core.dispatch('auth.lock', {});
    await page.goto(host.url);
    await page.getByText('工作台已锁定，请输入启动密码解锁').waitFor();
    await page.getByText('城东街道', { exact: true }).first().waitFor();
    await page.getByLabel('密码').fill('chengdong2026');
    await page.getByLabel('密码').press('Enter');
    await page.locator('#lock-title').waitFor({ state: 'detached' });
    // What failed while locked (the 待办 panel) is loaded again after unlocking.
    await page.getByRole('list', { name: '待办' }).or(page.getByLabel('待办')).first().waitFor();
    expect(await page.getByText('工作台已锁定').count()).toBe(0);

    // Locked on the main side (its own idle timeout): the next refused call brings the lock screen at once.
    await core.dispatch('auth.lock', {});
    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByText('工作台已锁定，请输入启动密码解锁').waitFor({ timeout: 5_000 });
    await page.getByLabel('密码').fill('chengdong2026');
    await page.getByLabel('密码').press('Enter');
    // What was refused while locked loads after unlocking.
    await page.getByText('还没有共建单位。可以导入现有的分配表，或手动添加。').waitFor();
  });

  it('locks by itself after the idle minutes without mouse or keyboard activity', async () => {
    const { page, host, core } = e2e;
    await core.dispatch('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    await core.dispatch('auth.setPassword', { currentPassword: '', newPassword: 'chengdong2026', idleMinutes: 5 });
    await page.clock.install();
    await page.goto(host.url);
    await page.getByRole('button', { name: '锁定' }).waitFor();
    // Four idle minutes: still open; past five: the lock screen covers the app.
    await page.clock.fastForward('04:00');
    expect(await page.getByText('工作台已锁定，请输入启动密码解锁').count()).toBe(0);
    await page.clock.fastForward('01:30');
    await page.getByText('工作台已锁定，请输入启动密码解锁').waitFor();
    const status = await core.dispatch('auth.status', {});
    expect(status.ok && (status.value as Output<'auth.status'>).locked).toBe(true);
  });
});
