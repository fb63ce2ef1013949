import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelName, Input, Output } from '../../shared/contract';
import { useE2E } from './harness';

describe('在职党员、考核评价与数据看板 in the real UI', () => {
  const e2e = useE2E();

  it('records a volunteer day for 30 members, sees the hours, computes and exports the evaluation and the report', async () => {
    const { page, host } = e2e;
    const call = async <C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const r = await e2e.core.dispatch(channel, input);
      if (!r.ok) throw new Error(r.message);
      return r.value as Output<C>;
    };
    const year = new Date().getFullYear();
    await call('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    const east = await call('communities.save', { name: '东风社区' });
    const west = await call('communities.save', { name: '西湖社区' });
    const units = [];
    for (const [name, category] of [
      ['区人社局', '机关'],
      ['市第一医院', '事业单位'],
      ['城建集团', '国有企业'],
    ] as const)
      units.push(await call('units.save', { name, category }));
    for (let i = 1; i <= 30; i++)
      await call('members.save', {
        name: `党员${String(i).padStart(2, '0')}`,
        unitId: units[i % 3]!.id,
        communityId: east.id,
        phone: `139000000${String(i).padStart(2, '0')}`,
      });
    // Some needs for the dashboard's charts (other areas' tables, seeded directly).
    const ins = e2e.core.db.prepare(
      `INSERT INTO needs (community_id, title, title_key, category, raised_on, status) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const statuses = ['open', 'matched', 'in_progress', 'done', 'done', 'rejected'];
    const categories = ['养老', '托育', '环境整治', '就业创业', '文体'];
    for (let i = 0; i < 40; i++)
      ins.run(
        i % 3 ? east.id : west.id,
        `需求${i}`,
        `需求${i}`,
        categories[i % 5],
        `${year}-${String((i % 9) + 1).padStart(2, '0')}-10`,
        statuses[i % 6],
      );

    await page.goto(host.url);
    await page.getByRole('link', { name: '在职党员' }).click();
    await page.getByRole('heading', { name: '在职党员双报到' }).waitFor();
    await page.getByText('党员01').waitFor();
    await e2e.screenshot('在职党员名册');

    // One form for the whole volunteer day.
    await page.getByRole('button', { name: '登记服务活动' }).click();
    const dlg = page.getByRole('dialog', { name: '登记服务活动' });
    await dlg.getByLabel('服务日期').fill(`${year}-05-10`);
    await dlg.getByLabel('服务社区').click();
    await page.getByRole('option', { name: '东风社区' }).click();
    await dlg.getByLabel('每人服务时长（小时）').fill('3');
    await dlg.getByLabel('服务内容').fill('社区环境整治志愿服务日');
    await dlg.getByRole('button', { name: '加入该社区报到的全部党员' }).click();
    await dlg.getByText('已选 30 人，合计 90 小时').waitFor();
    await dlg.getByRole('button', { name: '登记（30人）' }).click();
    await dlg.waitFor({ state: 'hidden' });
    expect(e2e.core.db.prepare('SELECT count(*) AS n, sum(hours) AS h FROM service_records').get()).toEqual({
      n: 30,
      h: 90,
    });

    // The unit's hours: 10 members × 3 hours each.
    await page.getByRole('tab', { name: '按单位统计' }).click();
    const table = page.getByRole('table', { name: '各单位服务时长' });
    await expect.poll(() => table.getByRole('row', { name: /区人社局/ }).textContent()).toContain('30');
    await e2e.screenshot('按单位统计');
    await page.getByRole('tab', { name: '服务记实' }).click();
    await page.getByRole('gridcell', { name: '社区环境整治志愿服务日', exact: true }).waitFor();
    await e2e.screenshot('服务记实');

    // The unit's own dialog shows what its members did this year.
    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByRole('heading', { name: '共建单位' }).waitFor();
    await page.getByRole('gridcell', { name: '区人社局' }).dblclick();
    const unitDlg = page.getByRole('dialog', { name: '编辑共建单位' });
    const service = unitDlg.getByRole('region', { name: '在职党员服务（本年度）' });
    await service.getByText('30小时').waitFor();
    await service.getByText('10人').waitFor();
    await service.getByText(`${year}年5月10日`).waitFor();
    await service.scrollIntoViewIfNeeded();
    await e2e.screenshot('共建单位-在职党员服务');
    await unitDlg.getByRole('button', { name: '取消' }).click();
    await unitDlg.waitFor({ state: 'hidden' });

    // The dashboard shows the hours; clicking a category bar opens the filtered need list.
    await page.getByRole('link', { name: '数据看板' }).click();
    await page.getByRole('heading', { name: '数据看板' }).waitFor();
    await page.getByRole('button', { name: /在职党员服务90/ }).waitFor();
    await page.locator('section[aria-label$="在职党员服务时长（按单位）"] .recharts-bar-rectangle').first().waitFor();
    const shot = await e2e.screenshot('数据看板');
    expect(fs.existsSync(shot)).toBe(true);
    await page.getByRole('button', { name: `保存“${year}年需求类别”图片` }).click();
    await expect.poll(() => fs.existsSync(path.join(e2e.exportDir, `${year}年需求类别.png`))).toBe(true);
    // Kept beside the screenshots so the chart image itself can be looked at.
    const png = fs.readFileSync(path.join(e2e.exportDir, `${year}年需求类别.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    fs.writeFileSync(path.resolve('test-results/screenshots/图表-需求类别.png'), png);
    await page.getByRole('button', { name: '导出年度工作总结材料' }).click();
    await expect.poll(() => fs.existsSync(path.join(e2e.exportDir, `${year}年度工作总结数据材料.docx`))).toBe(true);
    await page.locator(`section[aria-label="${year}年需求类别"] .recharts-bar-rectangle path`).first().click();
    await page.getByRole('heading', { name: '需求清单' }).waitFor();
    expect(page.url()).toContain('category=');
    expect(page.url()).toContain(`year=${year}`);
    await page.getByText(/符合条件的需求 \d+ 条/).waitFor();
    // A unit's hours bar opens the roster filtered to that unit.
    await page.getByRole('link', { name: '数据看板' }).click();
    await page
      .locator('section[aria-label$="在职党员服务时长（按单位）"] .recharts-bar-rectangle path')
      .first()
      .click();
    await page.getByRole('heading', { name: '在职党员双报到' }).waitFor();
    expect(page.url()).toMatch(/unit=\d+/);
    await expect.poll(() => page.getByRole('combobox', { name: '工作单位' }).inputValue()).not.toBe('');
    const roster = page.getByRole('grid', { name: '在职党员名册' });
    await expect.poll(() => roster.getAttribute('aria-rowcount')).toBe('11'); // header + the unit's 10 members
    await e2e.screenshot('在职党员名册-按单位');
    // 全局搜索's link to a member (/members?id=) opens that member's dialog.
    const m05 = e2e.core.db.prepare(`SELECT id FROM party_members WHERE name = '党员05'`).get() as { id: number };
    await page.evaluate((id) => (window.location.hash = `#/members?id=${id}`), m05.id);
    const memberDlg = page.getByRole('dialog', { name: '修改在职党员：党员05' });
    await memberDlg.waitFor();
    await page.keyboard.press('Escape');
    await memberDlg.waitFor({ state: 'hidden' });
    // The attendance chart opens the year's 联席会议.
    await page.getByRole('link', { name: '数据看板' }).click();
    await page.locator(`section[aria-label="${year}年联席会议出勤率"] .recharts-surface`).first().click();
    await expect.poll(() => page.url()).toContain(`/meetings?year=${year}`);

    // 考核评价 for the year: enter scores, look at a unit's sheet, lock, export.
    await page.getByRole('link', { name: '考核评价' }).click();
    await page.getByRole('heading', { name: '考核评价' }).waitFor();
    await page.getByLabel('年度').click();
    await page.getByRole('option', { name: `${year}年` }).click();
    await page.getByRole('button', { name: '录入评分' }).click();
    const scores = page.getByRole('dialog', { name: `录入${year}年度考评与群众评议得分` });
    await scores.getByLabel('区人社局年度考评').fill('92');
    await scores.getByLabel('区人社局群众评议').fill('95');
    await scores.getByRole('button', { name: '保存' }).click();
    await scores.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: '区人社局计分表' }).click();
    const sheet = page.getByRole('dialog', { name: `区人社局 ${year}年度考核计分表` });
    await sheet.getByText('30 小时（满分 200 小时）').waitFor();
    await sheet.getByText(/社区环境整治志愿服务日 — 10人，30小时/).waitFor();
    await e2e.screenshot('考核计分表');
    await sheet.getByRole('button', { name: '关闭' }).click();
    await page.getByRole('button', { name: '锁定结果' }).click();
    await page
      .getByRole('dialog', { name: `锁定${year}年考核结果？` })
      .getByRole('button', { name: '锁定' })
      .click();
    await page.getByText('本年度结果已锁定').waitFor();
    await page.getByRole('button', { name: '导出排名表' }).click();
    await page.getByRole('button', { name: '导出通报' }).click();
    await expect.poll(() => fs.readdirSync(e2e.exportDir).filter((f) => f.includes('考核评价结果')).length).toBe(2);
    const xlsx = fs.readdirSync(e2e.exportDir).find((f) => f.endsWith('.xlsx') && f.includes('考核评价结果'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(e2e.exportDir, xlsx));
    expect(wb.getWorksheet('考核排名')!.getRow(3).getCell(2).value).toBe('区人社局');
    await e2e.screenshot('考核评价');
    // Unlocking asks for the reason and goes back to live results.
    await page.getByRole('button', { name: '解除锁定' }).click();
    const reason = page.getByRole('dialog', { name: `解除${year}年考核结果的锁定` });
    await reason.getByRole('textbox').fill('补录了服务记实');
    await reason.getByRole('button', { name: '解除锁定' }).click();
    await page.getByRole('button', { name: '锁定结果' }).waitFor();
    expect(e2e.core.db.prepare('SELECT count(*) AS n FROM evaluation_locks').get()).toEqual({ n: 0 });
  });
});
