import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { testCore } from '../helpers/core';
import { readWorkbook, sampleBuffer, SAMPLE, snapshot, tableCounts, toBuffer, upload } from '../fixtures/unit-sheets';
import { findPreview, keepPreview, PREVIEW_TTL_MS } from '../../electron/units/import/preview-store';

/** Communities named in the sample's 结对社区 column, counted from the file itself. */
async function sampleCommunities(): Promise<Set<string>> {
  const ws = (await readWorkbook(SAMPLE)).worksheets[0]!;
  const names = new Set<string>();
  for (let r = 3; r <= ws.rowCount; r++) names.add(String(ws.getCell(r, 7).value));
  return names;
}

describe('importing the street sample 分配表', () => {
  test('preview then commit gives 29 units, 8 communities and 29 pairings signed 2025-07-28', async () => {
    const core = await testCore();
    const communities = await sampleCommunities();
    expect(communities.size).toBe(8);

    const preview = await core.call('units.importPreview', upload('共建单位分配表-示例.xlsx', sampleBuffer()));
    expect(preview.sheetName).toBe('分配表');
    expect(preview.headerRow).toBe(2);
    expect(preview.columns.find((c) => c.header === '联系电话')?.field).toBe('联系电话');
    expect(preview.counts).toMatchObject({ add: 29, update: 0, unchanged: 0, skip: 0, error: 0 });
    expect(new Set(preview.counts.newCommunities)).toEqual(communities);
    expect(preview.rows[0]).toMatchObject({
      row: 3,
      action: 'add',
      unitName: '区税务局第二分局',
      communityName: '东风社区',
    });
    // The preview writes nothing.
    expect(tableCounts(core.db)).toEqual({ units: 0, communities: 0, pairings: 0 });

    const result = await core.call('units.importCommit', { previewId: preview.previewId });
    expect(result).toEqual({
      unitsAdded: 29,
      unitsUpdated: 0,
      communitiesAdded: 8,
      pairingsAdded: 29,
      pairingsUpdated: 0,
    });
    expect(tableCounts(core.db)).toEqual({ units: 29, communities: 8, pairings: 29 });

    const detail = await core.call('units.list', { search: '区税务局第二分局' });
    expect(detail.rows[0]).toMatchObject({
      category: '机关',
      secretary: '胡娜',
      liaison: '吴娜',
      phone: '15800798380',
      status: 'active',
    });
    const signed = core.db.prepare('SELECT DISTINCT signed_on FROM pairings').all();
    expect(signed).toEqual([{ signed_on: '2025-07-28' }]);
  });

  test('a commit leaves one 操作日志 entry; a commit that changes nothing leaves none', async () => {
    const core = await testCore();
    const logged = async () => (await core.call('oplog.list', {})).rows.filter((r) => r.action === 'import');
    const first = await core.call('units.importPreview', upload('分配表.xlsx', sampleBuffer()));
    await core.call('units.importCommit', { previewId: first.previewId });
    expect(await logged()).toEqual([
      expect.objectContaining({
        entity: 'unit',
        title: '分配表.xlsx',
        summary: '新增共建单位29个，修改0个；新建社区8个；新增结对29个，修改结对0个',
      }),
    ]);
    const again = await core.call('units.importPreview', upload('分配表.xlsx', sampleBuffer()));
    await core.call('units.importCommit', { previewId: again.previewId });
    expect(await logged()).toHaveLength(1);
  });

  test('importing the same file again shows every row unchanged and writes nothing', async () => {
    const core = await testCore();
    const first = await core.call('units.importPreview', upload('a.xlsx', sampleBuffer()));
    await core.call('units.importCommit', { previewId: first.previewId });
    const before = snapshot(core.db);
    const stamps = core.db.prepare('SELECT updated_at FROM units ORDER BY id').all();

    const again = await core.call('units.importPreview', upload('a.xlsx', sampleBuffer()));
    expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 29, skip: 0, error: 0, newCommunities: [] });
    expect(again.rows.every((r) => r.messages.length === 0)).toBe(true);
    const result = await core.call('units.importCommit', { previewId: again.previewId });
    expect(result).toEqual({
      unitsAdded: 0,
      unitsUpdated: 0,
      communitiesAdded: 0,
      pairingsAdded: 0,
      pairingsUpdated: 0,
    });
    expect(snapshot(core.db)).toEqual(before);
    expect(core.db.prepare('SELECT updated_at FROM units ORDER BY id').all()).toEqual(stamps);
  });

  test('a changed file lists each change as 字段：旧 → 新 and blank cells keep stored values', async () => {
    const core = await testCore();
    const first = await core.call('units.importPreview', upload('a.xlsx', sampleBuffer()));
    await core.call('units.importCommit', { previewId: first.previewId });

    const wb = await readWorkbook(SAMPLE);
    const ws = wb.worksheets[0]!;
    ws.getCell('F3').value = '139-0000-0000'; // 区税务局第二分局's phone changes
    ws.getCell('E4').value = null; // 区疾控中心's liaison left blank: kept
    ws.getCell('C5').value = null; // 职业技术学院's category left blank: kept (an existing unit)
    ws.getCell('G6').value = '新华社区'; // 阳光社工服务中心 also paired with 新华社区 (东风社区 stays)
    ws.getCell('H7').value = '2025年8月1日'; // 区市场监管所's pairing with 新华社区 re-dated
    const preview = await core.call('units.importPreview', upload('b.xlsx', await toBuffer(wb)));

    const row = (n: number) => preview.rows.find((r) => r.row === n)!;
    expect(row(3)).toMatchObject({ action: 'update', messages: ['联系电话：15800798380 → 13900000000'] });
    expect(row(4).action).toBe('unchanged');
    expect(row(5).action).toBe('unchanged');
    expect(row(6)).toMatchObject({ action: 'update', messages: ['新增结对社区：新华社区'] });
    expect(row(7)).toMatchObject({
      action: 'update',
      messages: ['签约日期（新华社区）：2025年7月28日 → 2025年8月1日'],
    });
    expect(preview.counts).toMatchObject({ add: 0, update: 3, unchanged: 26, error: 0 });

    const result = await core.call('units.importCommit', { previewId: preview.previewId });
    expect(result).toEqual({
      unitsAdded: 0,
      unitsUpdated: 1,
      communitiesAdded: 0,
      pairingsAdded: 1,
      pairingsUpdated: 1,
    });
    const unit = (name: string) =>
      core.db.prepare('SELECT * FROM units WHERE name = ?').get(name) as Record<string, unknown>;
    expect(unit('区税务局第二分局').phone).toBe('13900000000');
    expect(unit('区疾控中心').liaison).toBe('李杰');
    expect(unit('职业技术学院').category).toBe('学校');
    expect(tableCounts(core.db)).toEqual({ units: 29, communities: 8, pairings: 30 });
  });

  test('commit recomputes against the database as it is at commit time', async () => {
    const core = await testCore();
    const preview = await core.call('units.importPreview', upload('a.xlsx', sampleBuffer()));
    // Meanwhile a clerk adds one of the units by hand, with another phone.
    await core.call('units.save', { name: '区疾控中心', category: '事业单位', phone: '13700000000' });
    const result = await core.call('units.importCommit', { previewId: preview.previewId });
    expect(result).toMatchObject({ unitsAdded: 28, unitsUpdated: 1, pairingsAdded: 29 });
    expect(tableCounts(core.db)).toEqual({ units: 29, communities: 8, pairings: 29 });
  });

  test('commit is all-or-nothing', async () => {
    const core = await testCore();
    const preview = await core.call('units.importPreview', upload('a.xlsx', sampleBuffer()));
    // Make the 20th pairing insert fail half-way through the write.
    core.db.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON pairings
      WHEN (SELECT count(*) FROM pairings) >= 19 BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const res = await core.raw('units.importCommit', { previewId: preview.previewId });
    expect(res.ok).toBe(false);
    expect(tableCounts(core.db)).toEqual({ units: 0, communities: 0, pairings: 0 });
    core.db.exec('DROP TRIGGER fail_late');
    // The preview is still there, so the clerk can try again.
    await core.call('units.importCommit', { previewId: preview.previewId });
    expect(tableCounts(core.db)).toEqual({ units: 29, communities: 8, pairings: 29 });
  });

  test('an unknown, used or expired previewId is refused with a Chinese message', async () => {
    const core = await testCore();
    const unknown = await core.raw('units.importCommit', { previewId: 'no-such-preview' });
    expect(unknown).toMatchObject({ ok: false, code: 'IMPORT_FAILED' });
    expect(!unknown.ok && unknown.message).toMatch(/预览已过期.*重新选择文件/);

    const preview = await core.call('units.importPreview', upload('a.xlsx', sampleBuffer()));
    await core.call('units.importCommit', { previewId: preview.previewId });
    const used = await core.raw('units.importCommit', { previewId: preview.previewId });
    expect(used).toMatchObject({ ok: false, code: 'IMPORT_FAILED' });

    const sheet = { fileName: 'x', sheetName: 'x', headerRow: 1, columns: [], headers: {}, rows: [] };
    const old = keepPreview(core.db, sheet, Date.now() - PREVIEW_TTL_MS - 1000);
    expect(findPreview(core.db, old)).toBeUndefined();
    const fresh = keepPreview(core.db, sheet);
    expect(findPreview(core.db, fresh)).toBe(sheet);
  });

  test('the preview store keeps only a few previews', async () => {
    const core = await testCore();
    const sheet = { fileName: 'x', sheetName: 'x', headerRow: 1, columns: [], headers: {}, rows: [] };
    const ids = Array.from({ length: 8 }, () => keepPreview(core.db, sheet));
    expect(findPreview(core.db, ids[0]!)).toBeUndefined();
    expect(findPreview(core.db, ids[7]!)).toBe(sheet);
  });

  test('a sheet whose dates are plain serial numbers (General format) reads the same days', async () => {
    const core = await testCore();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['共建单位', '单位类别', '结对社区', '签约日期']);
    ws.addRow(['区司法所', '机关', '建设社区', 45866]);
    const preview = await core.call('units.importPreview', upload('serial.xlsx', await toBuffer(wb)));
    await core.call('units.importCommit', { previewId: preview.previewId });
    expect(core.db.prepare('SELECT signed_on FROM pairings').get()).toEqual({ signed_on: '2025-07-28' });
  });
});
