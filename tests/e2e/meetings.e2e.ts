import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelName, Input, Output } from '../../shared/contract';
import { todayIso } from '../../shared/domain/dates';
import { docxParts, docxText } from '../helpers/docx-read';
import { dayOffset, seedDirectory } from '../fixtures/meetings';
import { useE2E } from './harness';

describe('联席会议 in the real UI', () => {
  const e2e = useE2E();

  it('create from the directory, attendance and minutes by keyboard, reload mid-typing, finalise, export, feedback to 办结', async () => {
    const { page, host } = e2e;
    const call = async <C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const r = await e2e.core.dispatch(channel, input);
      if (!r.ok) throw new Error(r.message);
      return r.value as Output<C>;
    };
    await seedDirectory(call);
    await page.goto(host.url);

    // The app opens on 工作台 with the 待办 panel.
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByRole('link', { name: '联席会议' }).click();
    await page.getByRole('heading', { name: '联席会议' }).waitFor();
    await page.getByRole('button', { name: '新建会议' }).first().click();

    const dlg = page.getByRole('dialog', { name: '新建会议' });
    await dlg.getByLabel('会议类型').click();
    await page.getByRole('option', { name: '大工委联席会议' }).click();
    await dlg.getByLabel('会议地点').fill('街道三楼会议室');
    await dlg.getByLabel('主持人').fill('张书记');
    await dlg.getByLabel('记录人').fill('刘敏');
    for (const name of ['区人民医院', '第二实验小学', '东门社区']) {
      await dlg.getByLabel('参会单位').fill(name);
      await page.getByRole('option', { name, exact: true }).click();
    }
    await dlg.getByLabel('区人民医院参会人').fill('王强');
    await dlg.getByRole('button', { name: '创建会议' }).click();
    const title = `${todayIso().slice(0, 4)}年第一次大工委联席会议`;
    await page.getByRole('heading', { name: title }).waitFor();

    // Attendance without the mouse: focus a row, 1 = 出席, 2 = 请假 (then the reason and Enter), 3 = 缺席.
    await page.getByRole('row', { name: '区人民医院' }).focus();
    await page.keyboard.press('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('2');
    await page.getByLabel('请假事由').waitFor();
    await page.keyboard.type('外出学习');
    await page.keyboard.press('Enter');
    await page.getByRole('row', { name: '东门社区' }).focus();
    await page.keyboard.press('3');
    const attendance = () =>
      e2e.core.db
        .prepare('SELECT name, attendance, attendee, leave_reason AS r FROM meeting_invitees ORDER BY sort')
        .all();
    await expect.poll(attendance).toEqual([
      { name: '区人民医院', attendance: 'present', attendee: '王强', r: '' },
      { name: '第二实验小学', attendance: 'leave', attendee: '', r: '外出学习' },
      { name: '东门社区', attendance: 'absent', attendee: '', r: '' },
    ]);

    // Minutes: Alt+2, a new agenda item by Enter, typing goes straight into its discussion record.
    await page.keyboard.press('Alt+2');
    await page.getByLabel('新增议题').fill('老旧小区加装电梯');
    await page.getByLabel('新增议题').press('Enter');
    const discussion = page.getByLabel('讨论记录');
    await expect.poll(() => discussion.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('会议听取了东门社区的汇报。');
    // Typing right after Ctrl+Enter, without waiting, lands whole in the new decision's field.
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('由区人民医院牵头开展义诊');
    const content = page.getByLabel('议定事项1内容');
    await expect.poll(() => content.inputValue()).toBe('由区人民医院牵头开展义诊');
    const decision = page.getByRole('group', { name: '议定事项1' });
    await decision.getByLabel('责任单位').fill('区人民医院');
    await page.getByRole('option', { name: '区人民医院', exact: true }).click();
    await decision.getByLabel('完成时限').fill(dayOffset(3));
    await decision.getByLabel('目标').fill('服务居民200人次');
    await decision.getByLabel('目标').press('Tab');
    await expect
      .poll(() => e2e.core.db.prepare('SELECT content, lead_unit_name AS lead, deadline, target FROM decisions').all())
      .toEqual([
        { content: '由区人民医院牵头开展义诊', lead: '区人民医院', deadline: dayOffset(3), target: '服务居民200人次' },
      ]);

    // Reload in the middle of typing: the text is there afterwards.
    await discussion.click();
    await page.keyboard.press('End');
    await page.keyboard.type('与会单位就资金筹措进行了讨论');
    await page.reload();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.keyboard.press('Alt+2');
    await expect
      .poll(() => page.getByLabel('讨论记录').inputValue())
      .toBe('会议听取了东门社区的汇报。与会单位就资金筹措进行了讨论');
    await expect
      .poll(() => e2e.core.db.prepare('SELECT discussion FROM agenda_items').get())
      .toEqual({ discussion: '会议听取了东门社区的汇报。与会单位就资金筹措进行了讨论' });
    await e2e.screenshot('联席会议-会议记录');

    // A decision's text typed just before the window closes is there afterwards too.
    await page.getByLabel('议定事项1内容').click();
    await page.keyboard.press('End');
    await page.keyboard.type('，每月一次');
    await page.reload();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByLabel('议定事项1内容').inputValue()).toBe('由区人民医院牵头开展义诊，每月一次');
    await expect
      .poll(() => e2e.core.db.prepare('SELECT content FROM decisions').get())
      .toEqual({ content: '由区人民医院牵头开展义诊，每月一次' });

    // The agenda is arranged on the same screen: a second item, edited, moved up from the keyboard.
    await page.getByLabel('新增议题').fill('停车难');
    await page.getByLabel('新增议题').press('Enter');
    await page.getByRole('heading', { name: '议题2：停车难' }).waitFor();
    await page.getByRole('button', { name: '编辑议题' }).click();
    const itemDlg = page.getByRole('dialog', { name: '编辑议题' });
    await itemDlg.getByLabel('议题').fill('小区夜间停车难');
    await itemDlg.getByLabel('汇报人').fill('东门社区');
    await itemDlg.getByLabel('汇报人').press('Enter');
    await page.getByRole('heading', { name: '议题2：小区夜间停车难' }).waitFor();
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await page.getByRole('heading', { name: '议题1：小区夜间停车难' }).waitFor();
    expect(e2e.core.db.prepare('SELECT title, presenter FROM agenda_items ORDER BY sort').all()).toEqual([
      { title: '小区夜间停车难', presenter: '东门社区' },
      { title: '老旧小区加装电梯', presenter: '' },
    ]);
    await e2e.screenshot('联席会议-调整议程');
    await page.getByRole('button', { name: '删除议题' }).click();
    await page.getByRole('dialog', { name: '删除议题？' }).getByRole('button', { name: '删除' }).click();
    await page.getByRole('heading', { name: '议题1：老旧小区加装电梯' }).waitFor();

    // 定稿 locks the minutes.
    await page.getByRole('button', { name: '定稿' }).click();
    await page.getByRole('dialog', { name: '定稿纪要？' }).getByRole('button', { name: '定稿' }).click();
    await page.getByText('纪要已定稿', { exact: true }).first().waitFor();
    expect(await page.getByLabel('讨论记录').getAttribute('readonly')).not.toBeNull();

    // Paperwork.
    await page.getByRole('button', { name: '导出' }).click();
    await page.getByRole('menuitem', { name: '会议纪要（Word）' }).click();
    await page.getByText(/已导出：.*纪要\.docx/).waitFor();
    await page.getByRole('button', { name: '导出' }).click();
    await page.getByRole('menuitem', { name: '签到表（Excel）' }).click();
    await page.getByText(/已导出：.*签到表\.xlsx/).waitFor();
    const minutes = fs.readFileSync(path.join(e2e.exportDir, `${title}纪要.docx`));
    const text = docxText((await docxParts(minutes))['word/document.xml']!);
    expect(text).toContain('会议听取了东门社区的汇报。与会单位就资金筹措进行了讨论');
    expect(text).toContain('由区人民医院牵头开展义诊，每月一次（责任单位：区人民医院');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(e2e.exportDir, `${title}签到表.xlsx`));
    expect(wb.getWorksheet('签到表')!.getCell('B3').value).toBe('区人民医院');

    // 工作台 counts the item as due this week (3 days ahead may cross into next week: then it is only open).
    await page.getByRole('link', { name: '工作台' }).click();
    await page.getByRole('link', { name: /^未办结1项$/ }).waitFor();
    await e2e.screenshot('工作台');

    // 督办: feedback, check, 办结.
    await page.getByRole('link', { name: '督办事项' }).click();
    await page.getByRole('gridcell', { name: '由区人民医院牵头开展义诊' }).click();
    const sup = page.getByRole('dialog', { name: '督办事项' });
    await sup.getByLabel('反馈内容').fill('已开展义诊，服务居民210人次。');
    await sup.getByRole('button', { name: '提交反馈' }).click();
    await sup.getByRole('button', { name: '审核通过' }).click();
    await sup.getByText('已办结').first().waitFor();
    expect(e2e.core.db.prepare('SELECT closed_on FROM decisions').get()).toEqual({ closed_on: todayIso() });
    await e2e.screenshot('联席会议-督办事项');

    // 出席统计: per unit this year; a unit opens the meetings it was invited to; the table exports.
    await page.keyboard.press('Escape');
    await sup.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: '联席会议' }).click();
    await page.getByRole('tab', { name: '出席统计' }).click();
    const stats = page.getByRole('table', { name: '出席统计' });
    await stats.getByRole('row', { name: '区人民医院 1 1 0 0 100.0%' }).waitFor();
    await stats.getByRole('row', { name: '第二实验小学 1 0 1 0 0.0%' }).waitFor();
    await e2e.screenshot('联席会议-出席统计');
    await page.getByRole('button', { name: '导出Excel' }).click();
    await page.getByText(/已导出：.*出席统计.*\.xlsx/).waitFor();
    await stats.getByRole('row', { name: /^东门社区/ }).click();
    await page.getByRole('button', { name: '只看东门社区参加的会议' }).waitFor();
    await page.getByRole('gridcell', { name: title }).waitFor();
  });
});
