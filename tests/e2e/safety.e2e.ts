import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelName, Input, Output } from '../../shared/contract';
import { useE2E } from './harness';

describe('回收站、操作日志与数据备份 in the real UI', () => {
  const e2e = useE2E();
  const call = async <C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const r = await e2e.core.dispatch(channel, input);
    if (!r.ok) throw new Error(r.message);
    return r.value as Output<C>;
  };
  const unitCount = () => (e2e.core.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;

  it('delete a unit, restore it from 回收站, see both in 操作日志 with the operator, purge another', async () => {
    const { page, host } = e2e;
    await call('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    await call('auth.setOperator', { operatorName: '李娜' });
    await call('units.save', { name: '区档案馆', category: '事业单位' });
    await call('units.save', { name: '区司法所', category: '机关' });
    await page.goto(host.url);

    // Delete 区档案馆 from its dialog.
    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByRole('gridcell', { name: '区档案馆', exact: true }).dblclick();
    const edit = page.getByRole('dialog', { name: '编辑共建单位' });
    await edit.getByRole('button', { name: '删除单位' }).click();
    await page.getByRole('dialog', { name: '删除共建单位' }).getByRole('button', { name: '删除', exact: true }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('gridcell', { name: '区档案馆', exact: true }).count()).toBe(0);

    // 回收站 shows it; 恢复 puts it back and says so.
    await page.getByRole('link', { name: '回收站' }).click();
    await page.getByRole('heading', { name: '回收站' }).waitFor();
    await page.getByRole('gridcell', { name: '李娜' }).waitFor();
    await page.getByRole('gridcell', { name: '共建单位' }).waitFor();
    await e2e.screenshot('safety-recycle-bin');
    await page.getByRole('button', { name: '恢复“区档案馆”' }).click();
    await page.getByRole('alert').filter({ hasText: '“区档案馆”：已恢复单位及 0 条结对' }).waitFor();
    await page.getByText('回收站是空的。删除的记录会先放在这里，可以恢复。').waitFor();
    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByRole('gridcell', { name: '区档案馆', exact: true }).waitFor();

    // 操作日志: the deletion and the restore, by 李娜.
    await page.getByRole('link', { name: '操作日志' }).click();
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    await page.getByRole('gridcell', { name: '删除（移入回收站）' }).waitFor();
    await page.getByRole('gridcell', { name: '从回收站恢复' }).waitFor();
    expect(await page.getByRole('gridcell', { name: '李娜', exact: true }).count()).toBeGreaterThanOrEqual(2);
    // Filtering by 对象类别 and search narrows the list (server side).
    await page.getByLabel('搜索操作日志').fill('司法所');
    await expect.poll(() => page.getByRole('gridcell', { name: '从回收站恢复' }).count()).toBe(0);
    await page.getByLabel('搜索操作日志').fill('');
    await page.getByRole('gridcell', { name: '从回收站恢复' }).waitFor();
    // A date range far in the past shows nothing; cleared, everything is back.
    await page.getByLabel('结束日期').fill('2020-01-01');
    await page.getByText('没有符合条件的记录').waitFor();
    await page.getByRole('button', { name: '清除条件' }).click();
    await page.getByRole('gridcell', { name: '从回收站恢复' }).waitFor();
    await e2e.screenshot('safety-oplog');
    // The log is read-only: no edit or delete anywhere on the screen.
    expect(await page.getByRole('button', { name: /删除|编辑|修改/ }).count()).toBe(0);
    await page.getByRole('button', { name: '导出' }).click();
    await page.getByText(/^已导出：.*操作日志-\d{8}\.xlsx$/).waitFor();

    // A restore that would clash with a record added since is refused with the main side's message.
    const dangan = (await call('units.list', { page: 0, pageSize: 10, search: '区档案馆' })).rows[0]!;
    await call('units.delete', { id: dangan.id });
    await call('units.save', { name: '区档案馆', category: '机关' });
    await page.getByRole('link', { name: '回收站' }).click();
    await page.getByRole('button', { name: '恢复“区档案馆”' }).click();
    await page.getByRole('alert').filter({ hasText: '已有同名共建单位“区档案馆”，无法恢复' }).waitFor();
    await page.getByRole('button', { name: '彻底删除“区档案馆”' }).click();
    await page.getByRole('dialog', { name: '彻底删除' }).getByRole('button', { name: '彻底删除' }).click();
    await page.getByText('回收站是空的。删除的记录会先放在这里，可以恢复。').waitFor();

    // 彻底删除 asks first, naming the item, with 取消 focused.
    const sifa = (await call('units.list', { page: 0, pageSize: 10, search: '司法所' })).rows[0]!;
    await call('units.delete', { id: sifa.id });
    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByRole('link', { name: '回收站' }).click();
    await page.getByRole('button', { name: '彻底删除“区司法所”' }).click();
    const ask = page.getByRole('dialog', { name: '彻底删除' });
    await ask.getByText('彻底删除后无法恢复').waitFor();
    await ask.getByText('区司法所').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await ask.getByRole('button', { name: '彻底删除' }).click();
    await page.getByText('回收站是空的。删除的记录会先放在这里，可以恢复。').waitFor();
    expect((await call('recycle.list', { page: 0, pageSize: 10 })).total).toBe(0);
  });

  it('立即备份, add a unit, restore the backup (preview shows counts), the unit is gone, 撤销恢复 brings it back', async () => {
    const { page, host } = e2e;
    await call('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    await call('units.save', { name: '区档案馆', category: '事业单位' });
    await page.goto(host.url);

    await page.getByRole('link', { name: '数据备份', exact: true }).click();
    await page.getByRole('heading', { name: '数据备份' }).waitFor();
    await page.getByRole('button', { name: '立即备份' }).click();
    const now = page.getByRole('dialog', { name: '立即备份' });
    await now.getByLabel('备注（可不填）').fill('加单位之前');
    await now.getByLabel('备注（可不填）').press('Enter');
    await now.waitFor({ state: 'hidden' });
    const manualRow = page.getByRole('row').filter({ hasText: '加单位之前' });
    await manualRow.getByText('手动').waitFor();
    await manualRow.getByText('共建单位 1').waitFor();
    // 选择文件夹… has no picker in the browser: it says to type the path, which then takes effect.
    await page.getByRole('button', { name: '选择文件夹…' }).click();
    await page.getByText('网页方式下请直接填写文件夹路径').waitFor();
    const usb = path.join(e2e.dir, 'U盘备份');
    await page.getByLabel('备份文件夹').fill(usb);
    await page.getByRole('button', { name: '使用此文件夹' }).click();
    await page.getByText(`备份文件夹已改为：${usb}`).waitFor();
    await expect.poll(async () => (await call('backup.status', {})).folder).toBe(usb);
    await e2e.screenshot('safety-backup');

    // A unit added after the backup.
    await call('units.save', { name: '新来的单位', category: '非公企业' });
    expect(unitCount()).toBe(2);

    await manualRow.getByRole('button', { name: /^恢复/ }).click();
    const restore = page.getByRole('dialog', { name: '恢复备份' });
    const unitsRow = restore.getByRole('row').filter({ hasText: '共建单位' });
    await expect.poll(() => unitsRow.locator('td').allTextContents()).toEqual(['共建单位', '1', '2']);
    await page.waitForTimeout(400); // let the dialog finish fading in for the screenshot
    await e2e.screenshot('safety-restore-preview');
    await restore.getByRole('button', { name: '恢复…' }).click();
    const sure = page.getByRole('dialog', { name: '确认恢复' });
    await sure.getByText(/恢复后当前数据会先保存为撤销点/).waitFor();
    await sure.getByRole('button', { name: '确认恢复' }).click();
    await restore.getByText(/^已恢复：/).waitFor();
    await restore.getByRole('button', { name: '完成' }).click();
    expect(unitCount()).toBe(1);

    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByRole('gridcell', { name: '区档案馆', exact: true }).waitFor();
    expect(await page.getByRole('gridcell', { name: '新来的单位' }).count()).toBe(0);

    // 撤销恢复 on the 数据备份 screen.
    await page.getByRole('link', { name: '数据备份', exact: true }).click();
    await page.getByRole('button', { name: '撤销恢复' }).click();
    await page.getByRole('dialog', { name: '撤销恢复' }).getByRole('button', { name: '撤销恢复' }).click();
    await page.getByText('已撤销恢复，数据已回到恢复之前').waitFor();
    expect(unitCount()).toBe(2);
    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByRole('gridcell', { name: '新来的单位', exact: true }).waitFor();
  });

  it('导出加密备份包 then 导入备份包: preview, restore, the data of the package is back', async () => {
    const { page, host } = e2e;
    await call('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    await call('units.save', { name: '区档案馆', category: '事业单位' });
    await page.goto(host.url);
    await page.getByRole('link', { name: '数据备份', exact: true }).click();

    await page.getByRole('button', { name: '导出加密备份包' }).click();
    const exp = page.getByRole('dialog', { name: '导出加密备份包' });
    await exp.getByText('换电脑时用：在新电脑上用“导入备份包”恢复。请牢记密码，忘记密码无法恢复。').waitFor();
    await exp.getByLabel('备份包密码').fill('short');
    await exp.getByRole('button', { name: '导出' }).click();
    await exp.getByText('密码至少8个字符').waitFor();
    await exp.getByLabel('备份包密码').fill('chengdong-2026');
    await exp.getByLabel('再次输入密码').fill('chengdong-2026');
    await exp.getByRole('button', { name: '导出' }).click();
    await page.getByText(/^已导出：.*\.dgwbak$/).waitFor();
    const pkg = fs.readdirSync(e2e.exportDir).find((f) => f.endsWith('.dgwbak'))!;

    // Data changes after the package was made; importing it brings back the package's data.
    await call('units.save', { name: '新来的单位', category: '非公企业' });
    await page.getByRole('button', { name: '导入备份包' }).click();
    const imp = page.getByRole('dialog', { name: '导入备份包' });
    await imp.getByLabel('选择备份包文件').setInputFiles(path.join(e2e.exportDir, pkg));
    await imp.getByLabel('备份包密码').fill('wrong-password');
    await imp.getByRole('button', { name: '检查备份包' }).click();
    await imp.getByRole('alert').waitFor();
    await imp.getByLabel('备份包密码').fill('chengdong-2026');
    await imp.getByRole('button', { name: '检查备份包' }).click();
    const preview = page.getByRole('dialog', { name: '导入备份包' }).filter({ hasText: '备份中' });
    await expect
      .poll(() => preview.getByRole('row').filter({ hasText: '共建单位' }).locator('td').allTextContents())
      .toEqual(['共建单位', '1', '2']);
    await preview.getByRole('button', { name: '导入并恢复…' }).click();
    await page.getByRole('dialog', { name: '确认恢复' }).getByRole('button', { name: '确认恢复' }).click();
    const done = page.getByRole('dialog', { name: '导入备份包' });
    await done.getByText(/^已恢复：/).waitFor();
    await done.getByRole('button', { name: '完成' }).click();
    expect(unitCount()).toBe(1);
    await page.getByRole('button', { name: '撤销恢复' }).waitFor();
  });

  it('the home page warns when there is no good backup and links to 数据备份', async () => {
    const { page, host } = e2e;
    await call('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    await page.goto(host.url);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const status = await call('backup.status', {});
    if (status.warning) {
      await page.getByText(status.warning).waitFor();
      await e2e.screenshot('safety-home-warning');
      await page.getByRole('link', { name: '去数据备份' }).click();
      await page.getByRole('heading', { name: '数据备份' }).waitFor();
    } else {
      expect(await page.getByRole('link', { name: '去数据备份' }).count()).toBe(0);
    }
    const folder = await call('backup.chooseFolder', {});
    expect(folder).toEqual({ chosen: false, reason: '网页方式下请直接填写文件夹路径' });
  });
});
