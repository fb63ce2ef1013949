import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core';
import { seedDirectory } from '../helpers/members-fixtures';

async function xlsx(rows: (string | number | Date | null)[][], title?: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (title) ws.addRow([title]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('在职党员名册、服务记实、群众评议的导入', () => {
  it('imports a roster in any column order with synonyms; the same file twice adds nothing', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const data = await xlsx(
      [
        ['序号', '党员姓名', '手机', '所在单位', '社区', '报到时间', '服务岗位'],
        [1, '张三', '13812345678', '区人社局', '东风社区', new Date(Date.UTC(2025, 2, 1)), '政策宣讲'],
        [2, '李四', '', '市第一医院', '西湖社区', '2025年4月2日', '医疗义诊'],
        [3, '张三', '13812345678', '区人社局', '东风社区', '', ''],
        ['', '', '', '', '', '', ''],
        ['合计', '', '', '', '', '', ''],
      ],
      '2025年在职党员双报到名册',
    );
    const p = await core.call('members.importPreview', { fileName: '名册.xlsx', dataBase64: data });
    expect(p.counts).toMatchObject({ add: 2, skip: 2, error: 0 });
    expect(p.rows.find((r) => r.row === 5)!.messages[0]).toContain('与第3行是同一名党员');
    const r = await core.call('members.importCommit', { previewId: p.previewId });
    expect(r).toMatchObject({ added: 2, updated: 0 });
    const list = await core.call('members.list', { year: 2025 });
    expect(list.rows.map((m) => `${m.name}|${m.unitName}|${m.communityName}|${m.reportedOn}|${m.post}`).sort()).toEqual(
      ['张三|区人社局|东风社区|2025-03-01|政策宣讲', '李四|市第一医院|西湖社区|2025-04-02|医疗义诊'],
    );
    const again = await core.call('members.importPreview', { fileName: '名册.xlsx', dataBase64: data });
    expect(again.counts).toMatchObject({ add: 0, update: 0, unchanged: 2 });

    // An exported (masked) roster coming back keeps the stored phone; a changed post is an update.
    const masked = await xlsx([
      ['姓名', '工作单位', '报到社区', '认领岗位', '联系电话', '状态'],
      ['张三', '区人社局', '东风社区', '文明劝导', '138****5678', '转出'],
    ]);
    const m = await core.call('members.importPreview', { fileName: '导出的名册.xlsx', dataBase64: masked });
    expect(m.rows[0]).toMatchObject({
      action: 'update',
      messages: expect.arrayContaining(['认领岗位：政策宣讲 → 文明劝导', '状态：在册 → 转出']),
    });
    expect(m.rows[0]!.messages.join()).not.toContain('联系电话');
    await core.call('members.importCommit', { previewId: m.previewId });
    const zhang = (await core.call('members.list', { year: 2025, search: '张三' })).rows[0]!;
    expect(zhang).toMatchObject({ phone: '13812345678', status: 'transferred' });
  });

  it('names the row and column of every problem in a broken roster and writes nothing from error rows', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const data = await xlsx([
      ['姓名', '工作单位', '报到社区', '报到日期', '联系电话', '状态'],
      ['王五', '不存在的单位', '东风社区', '2025-01-01', '', ''],
      ['赵六', '区人社局', '火星社区', '2025-01-01', '', ''],
      ['钱七', '区人社局', '东风社区', '2025-13-45', '123', '休假'],
      ['孙八', '区人社局', '东风社区', '', '', ''],
    ]);
    const p = await core.call('members.importPreview', { fileName: '坏名册.xlsx', dataBase64: data });
    expect(p.counts).toMatchObject({ add: 1, error: 3 });
    const msgs = p.rows.flatMap((r) => r.messages);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^第2行「工作单位」列：“不存在的单位”不在共建单位名录中/),
        expect.stringMatching(/^第3行「报到社区」列：“火星社区”不在社区名录中/),
        expect.stringMatching(/^第4行「报到日期」列/),
        expect.stringMatching(/^第4行「状态」列/),
        expect.stringMatching(/^第4行「联系电话」列/),
      ]),
    );
    const r = await core.call('members.importCommit', { previewId: p.previewId });
    expect(r).toMatchObject({ added: 1, leftOut: 3 });
    const notXlsx = await core.raw('members.importPreview', {
      fileName: '名册.xlsx',
      dataBase64: Buffer.from('hello').toString('base64'),
    });
    expect(notXlsx).toMatchObject({ ok: false, code: 'IMPORT_FAILED' });
    const noHeader = await core.raw('members.importPreview', {
      fileName: '空表.xlsx',
      dataBase64: await xlsx([['随便', '写写']]),
    });
    expect(noHeader).toMatchObject({ ok: false, message: expect.stringContaining('表头') });
  });

  it('imports a record sheet: one activity per day and content, the same sheet twice adds nothing', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    for (const name of ['张三', '李四'])
      await core.call('members.save', { name, unitId: d.a.id, communityId: d.east.id });
    const data = await xlsx([
      ['服务日期', '姓名', '工作单位', '服务内容', '服务时长（小时）', '服务社区'],
      ['2025-05-10', '张三', '区人社局', '志愿服务日', 3, '东风社区'],
      ['2025-05-10', '李四', '区人社局', '志愿服务日', '2.5小时', '东风社区'],
      ['2025-06-01', '张三', '区人社局', '政策宣讲', 1, '西湖社区'],
      ['2025-06-01', '王五', '区人社局', '政策宣讲', 1, '西湖社区'],
      ['2025-06-02', '李四', '区人社局', '巡逻', 30, '东风社区'],
    ]);
    const p = await core.call('service.importPreview', { fileName: '记实.xlsx', dataBase64: data });
    expect(p.counts).toMatchObject({ add: 3, error: 2 });
    expect(p.rows.find((r) => r.row === 5)!.messages[0]).toContain('名册中没有“区人社局”的在职党员“王五”');
    expect(p.rows.find((r) => r.row === 6)!.messages[0]).toMatch(/^第6行「服务时长（小时）」列/);
    await core.call('service.importCommit', { previewId: p.previewId });
    const acts = await core.call('service.activities', { year: 2025 });
    expect(acts.rows.map((a) => `${a.title}:${a.memberCount}:${a.hours}`)).toEqual([
      '政策宣讲:1:1',
      '志愿服务日:2:5.5',
    ]);
    const again = await core.call('service.importPreview', { fileName: '记实.xlsx', dataBase64: data });
    expect(again.counts).toMatchObject({ add: 0, unchanged: 3 });
  });

  it('imports 群众评议 from a survey sheet (scores or 满意 counts) into the chosen year', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    const data = await xlsx([
      ['单位名称', '满意', '基本满意', '不满意'],
      ['区人社局', 8, 2, 0],
      ['市第一医院', 5, 0, 5],
      ['不存在单位', 1, 1, 1],
    ]);
    const p = await core.call('evaluation.importPublicPreview', {
      year: 2025,
      fileName: '评议.xlsx',
      dataBase64: data,
    });
    expect(p.counts).toMatchObject({ add: 2, error: 1 });
    await core.call('evaluation.importPublicCommit', { previewId: p.previewId });
    const y = await core.call('evaluation.compute', { year: 2025 });
    expect(y.units.find((u) => u.unitId === d.a.id)!.public).toBe(92); // (8×100 + 2×60) / 10
    expect(y.units.find((u) => u.unitId === d.b.id)!.public).toBe(50);
    expect((await core.call('evaluation.compute', { year: 2024 })).units.every((u) => u.public === null)).toBe(true);
    const scores = await xlsx([
      ['单位名称', '群众评议得分'],
      ['区人社局', 92],
      ['城建集团', 101],
    ]);
    const again = await core.call('evaluation.importPublicPreview', {
      year: 2025,
      fileName: '评议2.xlsx',
      dataBase64: scores,
    });
    expect(again.rows.map((r) => r.action)).toEqual(['unchanged', 'error']);
  });
});

describe('填报模板', () => {
  it('a filled-in roster template and record template import as they are', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const t = await core.call('members.importTemplate', {});
    if (!t.saved) throw new Error('not saved');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(t.path);
    const ws = wb.getWorksheet('在职党员名册')!;
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '序号',
      '姓名',
      '工作单位',
      '报到社区',
      '报到日期',
      '认领岗位',
      '联系电话',
      '状态',
      '备注',
    ]);
    ws.getRow(3).values = [1, '周九', '区人社局', '东风社区', '2025-02-01', '助老帮困', '13800001111', '在册', ''];
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await core.call('members.importPreview', { fileName: '模板.xlsx', dataBase64: data });
    expect(p.counts).toMatchObject({ add: 1, error: 0 });
    await core.call('members.importCommit', { previewId: p.previewId });

    const r = await core.call('service.importTemplate', {});
    if (!r.saved) throw new Error('not saved');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(r.path);
    const ws2 = wb2.getWorksheet('服务记实')!;
    ws2.getRow(3).values = [1, '2025-06-01', '周九', '区人社局', '助老服务', 2, '东风社区'];
    const p2 = await core.call('service.importPreview', {
      fileName: '记实模板.xlsx',
      dataBase64: Buffer.from(await wb2.xlsx.writeBuffer()).toString('base64'),
    });
    expect(p2.counts).toMatchObject({ add: 1, error: 0 });
  });
});
