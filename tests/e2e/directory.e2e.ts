import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2E } from './harness';

const SAMPLE = path.resolve('tests/fixtures/samples/共建单位分配表-示例.xlsx');

describe('共建单位名录 in the real UI', () => {
  const e2e = useE2E();

  it('first run, add a community and a unit, import the 分配表, search, edit, export and check the file', async () => {
    const { page, host } = e2e;
    await page.goto(host.url);

    // First run: the app asks for the street and committee names instead of showing empty tables.
    await page.getByLabel('街道名称').fill('城东街道');
    await expect.poll(() => page.getByLabel('大工委名称').inputValue()).toBe('城东街道大工委');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '手动添加' }).click();

    // The new-unit dialog opens straight away; close it and add a community first.
    const newUnit = page.getByRole('dialog', { name: '新增共建单位' });
    await newUnit.waitFor();
    await newUnit.getByRole('button', { name: '取消' }).click();
    await page.getByRole('link', { name: '社区与网格' }).click();
    await page.getByRole('heading', { name: '社区与网格' }).waitFor();
    await page.getByRole('button', { name: '新增社区' }).first().click();
    const communityDialog = page.getByRole('dialog', { name: '新增社区' });
    await communityDialog.getByLabel('社区名称').fill('幸福里社区');
    await communityDialog.getByLabel('网格').fill('第一网格');
    await communityDialog.getByLabel('网格').press('Enter');
    await communityDialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '幸福里社区', exact: true }).count()).toBe(1);

    // A unit by hand, with a phone written the way clerks do.
    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByRole('heading', { name: '共建单位' }).waitFor();
    await page.getByRole('button', { name: '新增单位' }).click();
    await newUnit.getByLabel('单位名称').fill('区档案馆');
    await newUnit.getByLabel('单位类别').click();
    await page.getByRole('option', { name: '事业单位' }).click();
    await newUnit.getByLabel('联系电话').fill('0571 8888 6666');
    await newUnit.getByRole('button', { name: '保存' }).click();
    await newUnit.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('gridcell', { name: '0571-88886666', exact: true }).count()).toBe(1);

    // Import the street's existing 分配表: preview first, nothing written until confirmed.
    await page.getByRole('button', { name: '导入分配表' }).first().click();
    const importDialog = page.getByRole('dialog', { name: '导入分配表' });
    await importDialog.getByLabel('选择要导入的分配表文件').setInputFiles(SAMPLE);
    await importDialog.getByText('新增 29').waitFor();
    expect(e2e.core.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 1 });
    await importDialog.getByRole('button', { name: '确认导入' }).click();
    await importDialog.getByRole('list', { name: '导入结果' }).waitFor();
    await importDialog.getByRole('button', { name: '完成' }).click();
    expect(e2e.core.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 30 });

    // Find a unit by search and edit it.
    await page.getByRole('textbox', { name: '搜索共建单位' }).fill('司法');
    const cell = page.getByRole('gridcell', { name: '区司法所', exact: true });
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // header + 1
    await cell.dblclick();
    const edit = page.getByRole('dialog', { name: '编辑共建单位' });
    await edit.getByLabel('联络员').fill('王小红');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('gridcell', { name: '王小红', exact: true }).count()).toBe(1);

    // Export the directory and read the file back.
    await page.getByRole('textbox', { name: '搜索共建单位' }).fill('');
    await page.getByRole('button', { name: '导出名录' }).click();
    await page.getByText(/^已导出：/).waitFor();
    const files = fs.readdirSync(e2e.exportDir);
    expect(files).toEqual([expect.stringMatching(/^共建单位名录-\d{8}\.xlsx$/)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(e2e.exportDir, files[0]!));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('城东街道共建单位名录');
    const names = ws.getColumn(2).values.slice(3);
    expect(names).toHaveLength(30);
    const row = ws.getColumn(2).values.indexOf('区司法所');
    expect(ws.getRow(row).getCell(6).value).toBe('王小红');
    await e2e.screenshot('名录-导出后');
  });

  it('shows HTML and script text typed by a clerk as text: nothing runs, nothing navigates', async () => {
    const { page, host, core } = e2e;
    await core.dispatch('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    const payloads = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script>',
      '"><svg onload="window.__xss=3">',
      'javascript:window.__xss=4',
    ];
    for (const [i, name] of payloads.entries()) {
      const res = await core.dispatch('units.save', {
        name,
        category: '其他',
        notes: payloads[(i + 1) % payloads.length],
      });
      expect(res.ok).toBe(true);
    }
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    // '/' opens 工作台; the directory is one click away.
    await page.goto(host.url);
    await page.getByRole('link', { name: '共建单位' }).click();
    await page.getByRole('heading', { name: '共建单位' }).waitFor();
    for (const p of payloads) await page.getByRole('gridcell', { name: p }).waitFor();
    await page.getByRole('gridcell', { name: payloads[0] }).dblclick();
    await page.getByRole('dialog', { name: '编辑共建单位' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(new URL(page.url()).origin).toBe(new URL(host.url).origin);
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    await e2e.screenshot('XSS-显示为文本');
    // A script injected anyway (as an attacker would) is stopped by the CSP, not just by React's escaping.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__xss = 99';
      document.body.appendChild(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);
  });
});
