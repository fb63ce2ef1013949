import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { testCore } from '../helpers/core';
import { seedDirectory, unitId } from '../fixtures/lists';
import { toBuffer, upload } from '../fixtures/unit-sheets';

/** A sheet the way offices really keep them: title rows, merged cells, blank rows, footers, odd headers. */
async function messyProjects(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '本表由党建办汇总';
  const ws = wb.addWorksheet('2025责任分解');
  ws.getCell('A1').value = '２０２５年度 共建单位合作项目责任分解表';
  ws.mergeCells('A1:H1');
  ws.getCell('A2').value = '制表单位：党建办';
  ws.addRow([]);
  ws.getRow(4).values = ['序 号', '项目\n名称', '目标', '牵头单位', '协办单位', '时间节点', '进展情况', '备注'];
  const rows: ExcelJS.CellValue[][] = [
    ['１', ' 助老 食堂 ', '建成1处', '区税务局（第二分局）', '区人社局、滨河社区', '9月底前', '完成６０％', ''],
    ['2', '四点半课堂', '服务100人', '区 司法所', '区图书馆，新华社区；区文化馆', '2025.10', '未启动', ''],
    ['3', '文明创建', '', '区税务局第二分局', '', '长期坚持', '', ''],
    [null, null, null, null, null, null, null, null],
    ['4', '楼道改造', '', '不存在的单位', '', '2025年11月', '', ''],
    ['5', '错误时限', '', '区司法所', '', '尽快', '', ''],
    ['6', '四点半课堂', '服务100人', '区司法所', '', '2025.10', '', ''],
    ['', '合计', '共6项', '', '', '', '', ''],
    ['制表人：张三', '', '', '', '', '', '', ''],
  ];
  rows.forEach((r, i) => (ws.getRow(5 + i).values = r));
  // 牵头单位 merged down over two projects.
  ws.mergeCells('D6:D7');
  return toBuffer(wb);
}

describe('importing messy and broken files', () => {
  test('a messy 责任分解表: synonyms, spaced and full-width text, deadlines in words, footers, duplicates', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const preview = await core.call('projects.importPreview', upload('责任分解表.xlsx', await messyProjects()));
    expect(preview.sheetName).toBe('2025责任分解');
    expect(preview.headerRow).toBe(4);
    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    // 区税务局（第二分局） is not the directory's 区税务局第二分局 by exact or normalised name: the clerk is asked.
    expect(byRow.get(5)).toMatchObject({ action: 'error', label: '助老食堂' });
    expect(byRow.get(6)!.action).toBe('add');
    expect(byRow.get(7)!.action).toBe('add');
    expect(byRow.get(9)!.action).toBe('error');
    expect(byRow.get(9)!.messages[0]).toBe(
      '第9行「牵头单位」列：“不存在的单位”不在共建单位名录中：请在下方选择它对应的单位，或先在名录中添加',
    );
    expect(byRow.get(10)!.messages[0]).toContain('第10行「时间节点」列：“尽快”看不出完成时限');
    expect(byRow.get(11)).toMatchObject({ action: 'skip' });
    expect(byRow.get(12)!.messages).toEqual(['合计行，不导入']);
    expect(byRow.get(13)!.messages).toEqual(['表尾的制表人、审核人等信息，不导入']);
    expect(preview.unmatched.map((u) => [u.name, u.rows])).toEqual([
      ['区税务局（第二分局）', [5]],
      ['不存在的单位', [9]],
    ]);
    expect(preview.unmatched[0]!.suggestions[0]!.name).toBe('区税务局第二分局');

    // The clerk says which unit "不存在的单位" means; the row becomes an add.
    const replanned = await core.call('projects.importReplan', {
      previewId: preview.previewId,
      choices: [
        { name: '区税务局（第二分局）', unitId: unitId(core, '区税务局第二分局') },
        { name: '不存在的单位', unitId: unitId(core, '区司法所') },
      ],
    });
    expect(replanned.rows.find((r) => r.row === 5)!.action).toBe('add');
    expect(replanned.rows.find((r) => r.row === 9)!.action).toBe('add');
    expect(replanned.unmatched).toEqual([]);
    const result = await core.call('projects.importCommit', { previewId: preview.previewId });
    expect(result).toMatchObject({ added: 4, leftOut: 4 });

    const list = await core.call('projects.list', { year: 2025, sortBy: 'name', pageSize: 100 });
    const meal = list.rows.find((p) => p.name === '助老食堂')!;
    expect(meal).toMatchObject({ deadlineOn: '2025-09-30', deadlineText: '9月底前', progressPercent: 60 });
    expect(meal.leadUnits.map((u) => u.name)).toEqual(['区税务局第二分局']);
    expect(meal.supportUnits.map((u) => u.name)).toEqual(['区人社局']);
    expect(meal.communities.map((c) => c.name)).toEqual(['滨河社区']);
    const kids = list.rows.find((p) => p.name === '四点半课堂')!;
    expect(kids).toMatchObject({ deadlineOn: '2025-10-31', status: 'planning' });
    expect(kids.supportUnits.map((u) => u.name)).toEqual(['区图书馆', '区文化馆']);
    const civic = list.rows.find((p) => p.name === '文明创建')!;
    expect(civic).toMatchObject({ longTerm: true, deadlineOn: null });
    expect(civic.leadUnits.map((u) => u.name)).toEqual(['区司法所']);
    // No unit was created by the import.
    expect((core.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(29);
  });

  test('needs from a community that is not in the directory, bad dates and phones are errors naming row and column', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['所属社区', '需求事项', '需求类型', '收集日期', '联系方式', '办理状态']);
    ws.addRow(['东风社区', '加装电梯', '急难愁盼', '2025年7月3日', '１３８１２３４５６７８', '对接中']);
    ws.addRow(['月亮社区', '助餐', '养老', '2025-07-03', '', '']);
    ws.addRow(['东风社区', '助学', '微心愿', '2025年13月1日', '12345', '']);
    ws.addRow(['东风社区', '义诊', '医疗', 45870, '', '搁置']);
    const preview = await core.call('needs.importPreview', upload('需求.xlsx', await toBuffer(wb)));
    const msgs = (row: number) => preview.rows.find((r) => r.row === row)!.messages;
    expect(preview.rows.find((r) => r.row === 2)!.action).toBe('add');
    expect(msgs(3)[0]).toContain('第3行「所属社区」列：“月亮社区”不在社区名录中');
    expect(msgs(4)).toEqual([
      '第4行「收集日期」列：“2025年13月1日”不是有效日期，请写成 2025年7月28日 或 2025-07-28 这样的格式',
      expect.stringContaining('第4行「联系方式」列：“12345”不是有效的电话号码'),
    ]);
    expect(msgs(5)[0]).toContain('第5行「办理状态」列：“搁置”不是可用的状态');
    const result = await core.call('needs.importCommit', { previewId: preview.previewId });
    expect(result).toEqual({ added: 1, updated: 0, unchanged: 0, leftOut: 3 });
    const saved = (await core.call('needs.list', {})).rows[0]!;
    expect(saved).toMatchObject({
      status: 'matched',
      contactPhone: '13812345678',
      category: '急难愁盼',
      raisedOn: '2025-07-03',
    });
  });

  test('files that are not a list are refused with a reason', async () => {
    const core = await testCore();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '年龄']);
    const noHeader = await core.raw('resources.importPreview', upload('x.xlsx', await toBuffer(wb)));
    expect(noHeader).toMatchObject({ ok: false, code: 'IMPORT_FAILED' });
    expect((noHeader as { message: string }).message).toContain('没有在「x.xlsx」中找到资源清单的表头');
    const notXlsx = await core.raw('needs.importPreview', upload('x.xlsx', Buffer.from('not a spreadsheet')));
    expect(notXlsx).toMatchObject({ ok: false, code: 'IMPORT_FAILED' });
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1').addRow(['社区', '需求名称', '类别']);
    const onlyHeader = await core.raw('needs.importPreview', upload('e.xlsx', await toBuffer(empty)));
    expect((onlyHeader as { message: string }).message).toContain('下面没有需求清单数据');
  });
});
