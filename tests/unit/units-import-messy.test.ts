import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { testCore } from '../helpers/core';
import { sampleBuffer, simpleSheet, snapshot, tableCounts, toBuffer, upload } from '../fixtures/unit-sheets';

/**
 * A 分配表 the way a street office really keeps it: a cover sheet first, a merged title and a 制表单位 line,
 * headers worded differently and in another order, 社区 merged over its block, blank rows, every date style,
 * phones as numbers and with dashes, stray spaces, a duplicate row, a unit on two communities, 合计 and 制表人.
 */
async function messyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('封面');
  cover.getCell('A1').value = '××街道2025年区域化党建工作资料';
  cover.getCell('A3').value = '党建办 编';

  const ws = wb.addWorksheet('2025年分配表');
  ws.getCell('A1').value = '××街道区域化党建融合共建部门单位分配表（2025年）';
  ws.mergeCells('A1:K1');
  ws.getCell('A2').value = '制表单位：××街道党建办        日期：2025年8月1日';
  ws.mergeCells('A2:K2');
  ws.getRow(3).values = [
    '所属社区',
    '序号',
    ' *单位名称 ',
    '类别',
    '书 记',
    '联系人',
    '联系\n方式',
    '协议签订时间',
    '共建期限',
    '单位地址（选填）',
    '备注',
  ];
  const rows: ExcelJS.CellValue[][] = [
    // r4..r7: 东风社区, merged down; r6 is blank inside the block
    [
      '东风社区',
      1,
      '区税务局 第二分局',
      '机关',
      '胡  娜',
      '吴娜',
      13800138000,
      '2025年7月28日',
      '3年',
      '幸福路1号',
      '牵头单位',
    ],
    [null, 2, '区疾控中心', '事业', '刘洋', '李杰', '0571-8888 6666', '2025.7.28', 3, null, null],
    [],
    [
      null,
      { formula: 'ROW()-4', result: 3 },
      '  职业技术学院 ',
      '学校',
      null,
      null,
      '138-0013-8001',
      new Date(Date.UTC(2025, 6, 28)),
      '３年',
      null,
      null,
    ],
    // r8..r10: 新华社区; the tax office again (a second pairing), then an exact duplicate row
    ['新华社区', 4, '区税务局第二分局', '机关', '胡娜', '吴娜', 13800138000, 45866, null, null, null],
    [null, 5, '区市场监管所', '机关', '罗涛', '朱勇', '13992702066', '２０２５年７月２８日', null, null, null],
    [null, 6, '区市场监管所', '机关', '罗涛', '朱勇', '13992702066', '２０２５年７月２８日', null, null, null],
    [],
    // r12: 光明社区; a landline typed into a number cell has lost its 0; a rich-text name
    [
      '光明社区',
      7,
      { richText: [{ text: '宏达' }, { text: '物业公司', font: { bold: true } }] },
      '非公企业',
      '胡静',
      '朱杰',
      57188886666,
      '2025/07/28',
      null,
      null,
      null,
    ],
    ['合计', null, '共6家单位', null, null, null, null, null, null, null, null],
    ['制表人：张三        审核人：李四'],
    ['注：本表由各社区核对后报送。'],
  ];
  rows.forEach((values, i) => {
    ws.getRow(4 + i).values = values;
  });
  ws.mergeCells('A4:A7');
  ws.mergeCells('A8:A10');
  ws.mergeCells('A14:K14');
  return toBuffer(wb);
}

describe('importing a messy hand-made 分配表', () => {
  test('reads the right sheet, header, rows, dates and phones', async () => {
    const core = await testCore();
    const preview = await core.call('units.importPreview', upload('分配表（党建办）.xlsx', await messyWorkbook()));
    expect(preview.sheetName).toBe('2025年分配表');
    expect(preview.headerRow).toBe(3);
    const field = (h: string) => preview.columns.find((c) => c.header === h)?.field;
    expect(field('所属社区')).toBe('结对社区');
    expect(field('*单位名称')).toBe('共建单位');
    expect(field('联系 方式')).toBe('联系电话');
    expect(field('协议签订时间')).toBe('签约日期');
    expect(field('单位地址（选填）')).toBe('单位地址');
    expect(field('序号')).toBe('');

    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    expect([...byRow.keys()]).toEqual([4, 5, 7, 8, 9, 10, 12, 13, 14, 15]);
    expect(byRow.get(4)).toMatchObject({ action: 'add', unitName: '区税务局第二分局', communityName: '东风社区' });
    expect(byRow.get(8)).toMatchObject({ action: 'add', unitName: '区税务局第二分局', communityName: '新华社区' });
    expect(byRow.get(8)!.messages).toContain('与第4行为同一单位');
    expect(byRow.get(10)).toMatchObject({ action: 'skip', messages: ['与第9行重复，不重复导入'] });
    expect(byRow.get(13)).toMatchObject({ action: 'skip', messages: ['合计行，不导入'] });
    expect(byRow.get(14)).toMatchObject({ action: 'skip', messages: ['表尾的制表人、审核人等信息，不导入'] });
    expect(byRow.get(15)).toMatchObject({ action: 'skip', messages: ['表格说明文字，不导入'] });
    expect(preview.counts).toEqual({
      add: 6,
      update: 0,
      unchanged: 0,
      skip: 4,
      error: 0,
      newCommunities: ['东风社区', '新华社区', '光明社区'],
    });

    await core.call('units.importCommit', { previewId: preview.previewId });
    const { units, pairings } = snapshot(core.db);
    expect(units).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: '区税务局第二分局',
          category: '机关',
          secretary: '胡娜',
          phone: '13800138000',
          address: '幸福路1号',
          notes: '',
        }),
        expect.objectContaining({ name: '区疾控中心', category: '事业单位', phone: '0571-88886666' }),
        expect.objectContaining({ name: '职业技术学院', category: '学校', phone: '13800138001' }),
        expect.objectContaining({ name: '区市场监管所', phone: '13992702066' }),
        expect.objectContaining({ name: '宏达物业公司', category: '非公企业', phone: '0571-88886666' }),
      ]),
    );
    expect(units).toHaveLength(5);
    expect(pairings).toHaveLength(6);
    expect(new Set(pairings.map((p) => (p as { signed_on: string }).signed_on))).toEqual(new Set(['2025-07-28']));
    const tax = pairings.filter((p) => (p as { unit: string }).unit === '区税务局第二分局');
    expect(tax).toEqual([
      { unit: '区税务局第二分局', community: '东风社区', signed_on: '2025-07-28', term_years: 3, notes: '牵头单位' },
      { unit: '区税务局第二分局', community: '新华社区', signed_on: '2025-07-28', term_years: null, notes: '' },
    ]);
    expect(pairings.filter((p) => (p as { term_years: number }).term_years === 3)).toHaveLength(3);
  });

  test('bad cells become error rows naming the row and the column, and are not written', async () => {
    const core = await testCore();
    await core.call('units.save', { name: '区司法所', category: '机关', phone: '13500000000' });
    const buf = await simpleSheet(
      ['单位', '单位性质', '联系电话', '社区', '签订日期', '共建期限', '状态'],
      [
        ['好单位', '机关', '13800000001', '东风社区', '2025-7-28', '', ''],
        ['坏电话单位', '机关', '12345', '东风社区', '', '', ''],
        ['坏类别单位', '外企', '', '东风社区', '', '', ''],
        ['无类别新单位', '', '', '东风社区', '', '', ''],
        ['区司法所', '', '', '东风社区', '', '', ''], // existing unit, blank category: kept
        ['坏日期单位', '机关', '', '东风社区', '2025年2月30日', '', ''],
        ['坏期限单位', '机关', '', '东风社区', '', '30年', ''],
        ['坏状态单位', '机关', '', '东风社区', '', '', '暂停'],
        ['', '机关', '13800000009', '东风社区', '', '', ''],
        ['好单位', '学校', '', '新华社区', '', '', ''], // contradicts row 2
      ],
    );
    const preview = await core.call('units.importPreview', upload('x.xlsx', buf));
    const msg = (row: number) => preview.rows.find((r) => r.row === row)!;
    expect(msg(2).action).toBe('add');
    expect(msg(3)).toMatchObject({ action: 'error' });
    expect(msg(3).messages[0]).toMatch(/^第3行「联系电话」列：“12345”不是有效的电话号码/);
    expect(msg(4).messages[0]).toMatch(
      /^第4行「单位性质」列：“外企”不是可用的单位类别，请填写以下之一：机关、事业单位/,
    );
    expect(msg(5).messages[0]).toMatch(/^第5行「单位性质」列：新增的共建单位须填写单位类别/);
    expect(msg(6)).toMatchObject({ action: 'update', messages: ['新增结对社区：东风社区（新建社区）'] });
    expect(msg(7).messages[0]).toMatch(/^第7行「签订日期」列：“2025年2月30日”不是有效日期/);
    expect(msg(8).messages[0]).toMatch(/^第8行「共建期限」列：“30年”不是有效的共建期限/);
    expect(msg(9).messages[0]).toMatch(/^第9行「状态」列：“暂停”不是可用的状态/);
    expect(msg(10).messages[0]).toBe('第10行「单位」列：请填写单位名称');
    expect(msg(11).messages[0]).toMatch(/^第11行「单位性质」列：与第2行同一单位填写的不一致（“机关”和“学校”）/);
    expect(preview.counts).toMatchObject({ add: 1, update: 1, error: 8 });

    await core.call('units.importCommit', { previewId: preview.previewId });
    expect(tableCounts(core.db)).toEqual({ units: 2, communities: 1, pairings: 2 });
    expect(
      (core.db.prepare("SELECT category FROM units WHERE name = '区司法所'").get() as { category: string }).category,
    ).toBe('机关');
  });

  test('a directory sheet (no 社区 column) imports units only, 备注 as the unit note; several communities in one cell', async () => {
    const core = await testCore();
    const dir = await simpleSheet(
      ['序号', '共建单位名称', '类别', '党组织', '书记', '联络员', '电话', '地址', '状态', '备注'],
      [
        [
          1,
          '区图书馆',
          '事业单位',
          '区图书馆党支部',
          '徐涛',
          '周建华',
          '15004297506',
          '文化路2号',
          '已退出',
          '2024年退出\n原因：搬迁',
        ],
      ],
    );
    let p = await core.call('units.importPreview', upload('名录.xlsx', dir));
    await core.call('units.importCommit', { previewId: p.previewId });
    expect(snapshot(core.db).units).toEqual([
      {
        name: '区图书馆',
        category: '事业单位',
        party_org: '区图书馆党支部',
        secretary: '徐涛',
        liaison: '周建华',
        phone: '15004297506',
        address: '文化路2号',
        notes: '2024年退出\n原因：搬迁',
        status: 'withdrawn',
      },
    ]);
    const multi = await simpleSheet(['单位名称', '结对社区'], [['区图书馆', '东风社区、新华社区']]);
    p = await core.call('units.importPreview', upload('b.xlsx', multi));
    expect(p.rows[0]).toMatchObject({ action: 'update', communityName: '东风社区、新华社区' });
    await core.call('units.importCommit', { previewId: p.previewId });
    expect(tableCounts(core.db)).toEqual({ units: 1, communities: 2, pairings: 2 });
  });

  test('the sample and a messy file agree on the units they share', async () => {
    const core = await testCore();
    const p = await core.call('units.importPreview', upload('a.xlsx', sampleBuffer()));
    await core.call('units.importCommit', { previewId: p.previewId });
    const messy = await core.call('units.importPreview', upload('m.xlsx', await messyWorkbook()));
    const tax = messy.rows.find((r) => r.row === 4)!;
    // Same unit by name key; its phone and address differ from the sample's, shown as changes.
    expect(tax.action).toBe('update');
    expect(tax.messages).toContain('联系电话：15800798380 → 13800138000');
  });
});
