import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelName, Input, Output } from '../../shared/contract';
import { useE2E } from './harness';

const SAMPLES = path.resolve('tests/fixtures/samples');
const sample = (name: string) => path.join(SAMPLES, name);

describe('三张清单 and 项目台账 in the real UI', () => {
  const e2e = useE2E();

  it('import needs and resources, match a need into a project, log progress, 销号, export the ledger', async () => {
    const { page, host } = e2e;
    const call = async <C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const r = await e2e.core.dispatch(channel, input);
      if (!r.ok) throw new Error(r.message);
      return r.value as Output<C>;
    };
    await call('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    const units = fs.readFileSync(sample('共建单位分配表-示例.xlsx')).toString('base64');
    const p = await call('units.importPreview', { fileName: '分配表.xlsx', dataBase64: units });
    await call('units.importCommit', { previewId: p.previewId });
    await page.goto(host.url);

    // 需求清单: import the sample, preview first.
    await page.getByRole('link', { name: '需求清单' }).click();
    await page.getByRole('heading', { name: '需求清单' }).waitFor();
    await page.getByRole('button', { name: '导入需求清单' }).first().click();
    const needsImport = page.getByRole('dialog', { name: '导入需求清单' });
    await needsImport.getByLabel('选择要导入的需求清单文件').setInputFiles(sample('需求清单-示例.xlsx'));
    await needsImport.getByText('新增 40').waitFor();
    expect(e2e.core.db.prepare('SELECT count(*) AS n FROM needs').get()).toEqual({ n: 0 });
    await needsImport.getByRole('button', { name: '确认导入' }).click();
    await needsImport.getByText(/导入完成：新增 40 行/).waitFor();
    await needsImport.getByRole('button', { name: '完成' }).click();
    await page.getByText('共 40 条需求').waitFor();
    await e2e.screenshot('需求清单');

    // 资源清单 likewise.
    await page.getByRole('link', { name: '资源清单' }).click();
    await page.getByRole('button', { name: '导入资源清单' }).first().click();
    const resImport = page.getByRole('dialog', { name: '导入资源清单' });
    await resImport.getByLabel('选择要导入的资源清单文件').setInputFiles(sample('资源清单-示例.xlsx'));
    await resImport.getByText('新增 29').waitFor();
    await resImport.getByRole('button', { name: '确认导入' }).click();
    await resImport.getByText(/导入完成：新增 29 行/).waitFor();
    await resImport.getByRole('button', { name: '完成' }).click();
    await page.getByText('共 29 项资源').waitFor();

    // 供需对接: a need (独居老人助餐, 建设社区) → ranked resources with reasons → a project.
    await page.getByRole('link', { name: '供需对接' }).click();
    await page.getByRole('textbox', { name: '搜索待对接的需求' }).fill('助餐');
    await page
      .getByRole('button', { name: /独居老人助餐 建设社区/ })
      .first()
      .click();
    const candidates = page.getByLabel('对接候选');
    await candidates
      .getByText(/对口“养老”类需求/)
      .first()
      .waitFor();
    await e2e.screenshot('供需对接');
    await candidates.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: '对接成项目' }).click();
    const create = page.getByRole('dialog', { name: '对接成项目' });
    await create.getByLabel('项目名称').fill('建设社区助老餐桌');
    await create.getByLabel('完成时限').fill('2099-12-31');
    await create.getByRole('button', { name: '形成项目' }).click();
    await page.getByRole('heading', { name: '建设社区助老餐桌' }).waitFor();
    const project = e2e.core.db.prepare('SELECT id, status FROM projects WHERE name = ?').get('建设社区助老餐桌') as {
      id: number;
      status: string;
    };
    expect(project.status).toBe('planning');
    const linked = e2e.core.db
      .prepare('SELECT n.status FROM project_needs pn JOIN needs n ON n.id = pn.need_id WHERE pn.project_id = ?')
      .all(project.id);
    expect(linked).toEqual([{ status: 'matched' }]);

    // 进度台账: one entry with a file.
    const progress = page.getByRole('region', { name: '进度台账' });
    await progress.getByLabel('进度（%）').fill('100');
    await progress.getByLabel('进展情况').fill('助老餐桌已开餐，每日供餐40份');
    await progress
      .getByLabel('进度附件')
      .setInputFiles({ name: '开餐照片.txt', mimeType: 'text/plain', buffer: Buffer.from('photo') });
    await progress.getByRole('button', { name: '登记进度' }).click();
    await page.getByLabel('进度记录').getByText('助老餐桌已开餐，每日供餐40份').waitFor();
    await page.getByLabel('项目状态').getByText('推进中').waitFor();

    // 销号: apply with evidence, the street passes it.
    const closing = page.getByRole('region', { name: '销号' });
    await closing.getByLabel('完成情况及佐证').fill('开餐照片、就餐登记表');
    await closing.getByRole('button', { name: '申请销号' }).click();
    await closing.getByRole('button', { name: '审核通过，予以销号' }).click();
    await page.getByLabel('项目状态').getByText('已销号').waitFor();
    await e2e.screenshot('项目详情-已销号');
    expect(
      e2e.core.db
        .prepare('SELECT n.status FROM project_needs pn JOIN needs n ON n.id = pn.need_id WHERE pn.project_id = ?')
        .all(project.id),
    ).toEqual([{ status: 'done' }]);

    // 项目台账: export the 进度台账 and open the file.
    await page.getByRole('button', { name: '返回项目台账' }).click();
    await page.getByRole('heading', { name: '项目台账' }).waitFor();
    await page.getByRole('tab', { name: '进度台账' }).click();
    await page.getByRole('gridcell', { name: '助老餐桌已开餐，每日供餐40份' }).waitFor();
    await e2e.screenshot('项目台账-进度台账');
    await page.getByRole('button', { name: '导出进度台账' }).click();
    await page.getByText(/^已导出：/).waitFor();
    const files = fs.readdirSync(e2e.exportDir);
    expect(files).toEqual([expect.stringMatching(/^项目进度台账-\d{8}\.xlsx$/)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(e2e.exportDir, files[0]!));
    const summary = wb.getWorksheet('进度汇总')!;
    expect(summary.getCell('B3').value).toBe('建设社区助老餐桌');
    expect(summary.getCell('E3').value).toBe(100);
    expect(String(summary.getCell('H3').value)).toBe('已销号');
    expect(wb.getWorksheet('进度记录')!.getCell('F3').value).toBe('助老餐桌已开餐，每日供餐40份');

    // 按单位: the responsible unit's 双报告 as a Word file.
    await page.getByRole('tab', { name: '按单位' }).click();
    await page.getByRole('button', { name: '导出律师协会第三党支部双报告' }).click();
    const dual = page.getByRole('dialog', { name: '导出双报告' });
    await dual.getByRole('button', { name: '导出' }).click();
    await expect.poll(() => fs.readdirSync(e2e.exportDir).filter((f) => f.endsWith('.docx')).length).toBe(1);
    const docx = fs.readdirSync(e2e.exportDir).find((f) => f.endsWith('.docx'))!;
    expect(docx).toMatch(/^律师协会第三党支部双报告（\d{8}-\d{8}）\.docx$/);
  });

  it('a 责任分解表 with a unit name not in the directory: the clerk picks the unit in the preview; overdue stands out', async () => {
    const { page, host } = e2e;
    const call = async <C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const r = await e2e.core.dispatch(channel, input);
      if (!r.ok) throw new Error(r.message);
      return r.value as Output<C>;
    };
    await call('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    const units = fs.readFileSync(sample('共建单位分配表-示例.xlsx')).toString('base64');
    const p = await call('units.importPreview', { fileName: '分配表.xlsx', dataBase64: units });
    await call('units.importCommit', { previewId: p.previewId });
    // The office wrote "公证处" for the directory's 区公证处.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample('项目责任分解表-示例.xlsx'));
    wb.worksheets[0]!.getCell('E3').value = '公证处';
    const file = path.join(e2e.dir, '责任分解表.xlsx');
    await wb.xlsx.writeFile(file);

    await page.goto(host.url);
    await page.getByRole('link', { name: '项目台账' }).click();
    await page.getByRole('button', { name: '导入责任分解表' }).first().click();
    const dlg = page.getByRole('dialog', { name: '导入项目责任分解表' });
    await dlg.getByLabel('选择要导入的责任分解表文件').setInputFiles(file);
    await dlg.getByText('有错误 1').waitFor();
    await dlg.getByText('第3行「责任单位」列：“公证处”不在共建单位名录中').waitFor();
    await dlg.getByLabel('“公证处”对应的单位').click();
    await page.getByRole('option', { name: '区公证处', exact: true }).click();
    await dlg.getByText('新增 10').waitFor();
    await e2e.screenshot('导入责任分解表-指定单位');
    await dlg.getByRole('button', { name: '确认导入' }).click();
    await dlg.getByText(/导入完成：新增 10 行/).waitFor();
    await dlg.getByRole('button', { name: '完成' }).click();
    expect(e2e.core.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 29 });

    // The sample's deadlines (2025) have passed: every unfinished project is 逾期.
    await page.getByLabel('只看逾期').check();
    await page.getByText('符合条件的项目 10 个').waitFor();
    await page.getByRole('gridcell', { name: '“红色物业”提质行动', exact: true }).waitFor();
    await e2e.screenshot('项目台账-逾期');

    // 按单位: each unit's share; a unit's name opens its projects in the 责任分解表.
    await page.getByLabel('只看逾期').uncheck();
    await page.getByRole('tab', { name: '按单位' }).click();
    await page.getByRole('button', { name: '睦邻志愿者协会', exact: true }).click();
    await page.getByText('符合条件的项目 2 个').waitFor();
    await page.getByRole('gridcell', { name: '共富工坊', exact: true }).waitFor();

    // 设置: a street's own need category and the 积压 threshold, used by the need form and list.
    await page.getByRole('link', { name: '设置' }).click();
    const categories = page.getByRole('combobox', { name: '需求类别' });
    await categories.fill('加装电梯');
    await categories.press('Enter');
    await page.getByRole('button', { name: '保存需求类别' }).click();
    await page.getByText('需求类别已保存').waitFor();
    await page.getByLabel('积压天数').fill('7');
    await page.getByRole('button', { name: '保存天数' }).click();
    await page.getByText('积压与停滞天数已保存').waitFor();
    await e2e.screenshot('设置-可选项');
    await page.getByRole('link', { name: '需求清单' }).click();
    await page.getByText('只看积压（待对接超过7天）').waitFor();
    await page.getByRole('button', { name: '登记需求' }).first().click();
    const need = page.getByRole('dialog', { name: '登记需求' });
    await need.getByLabel('类别').click();
    await page.getByRole('option', { name: '加装电梯', exact: true }).waitFor();
  });
});
