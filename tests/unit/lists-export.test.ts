import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { testCore, type TestCore } from '../helpers/core';
import { NEEDS_SAMPLE, PROJECTS_SAMPLE, RESOURCES_SAMPLE, importSample, seedDirectory } from '../fixtures/lists';
import { upload } from '../fixtures/unit-sheets';
import { insertNeedsInBulk } from '../../electron/needs/repo';

/** A community's place in the directory's name order (name_key), which the exported list follows. */
const nameOrder = (core: TestCore, name: string) =>
  (
    core.db
      .prepare(
        'SELECT count(*) AS n FROM communities WHERE name_key < (SELECT name_key FROM communities WHERE name = ?)',
      )
      .get(name) as { n: number }
  ).n;

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

async function saved(core: TestCore, res: { saved: boolean; path?: string }) {
  expect(res.saved).toBe(true);
  const file = (res as { path: string }).path;
  return { file, wb: await read(file), buf: fs.readFileSync(file) };
}

async function loaded() {
  const core = await testCore();
  await seedDirectory(core);
  await importSample(core, 'needs', NEEDS_SAMPLE);
  await importSample(core, 'resources', RESOURCES_SAMPLE);
  await importSample(core, 'projects', PROJECTS_SAMPLE);
  return core;
}

describe('exports and templates', () => {
  test('需求清单: title row, frozen header, residents’ contacts masked unless asked (and that is logged); it imports back unchanged', async () => {
    const core = await loaded();
    const { wb, buf } = await saved(core, await core.call('needs.export', {}));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toContain('群众需求清单');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const header = (ws.getRow(2).values as string[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['序号', '社区', '网格', '需求名称']);
    const phones = Array.from({ length: 40 }, (_, i) => String(ws.getCell(3 + i, 11).value));
    expect(phones.every((p) => /^\d{3}\*{4}\d{4}$/.test(p))).toBe(true);
    const again = await core.call('needs.importPreview', upload('回导.xlsx', buf));
    expect(again.counts).toMatchObject({ unchanged: 40, add: 0, update: 0, error: 0 });

    const full = await saved(core, await core.call('needs.export', { fullContacts: true }));
    expect(String(full.wb.worksheets[0]!.getCell(3, 11).value)).toMatch(/^1\d{10}$/);
    const log = (await core.call('oplog.list', {})).rows.filter((r) => r.action === 'export');
    expect(log.map((r) => r.summary).join('\n')).toContain('含完整的居民联系方式');
  });

  test('a long 需求清单 export leaves the app answering meanwhile, and lists every need by community and date', async () => {
    const core = await loaded();
    const communities = core.db.prepare('SELECT id, name FROM communities ORDER BY id').all() as {
      id: number;
      name: string;
    }[];
    // 3,000 more needs spread over the communities, as one import would write them.
    core.db
      .transaction(() =>
        insertNeedsInBulk(
          core.db,
          Array.from({ length: 3000 }, (_, i) => ({
            record: {
              communityId: communities[i % communities.length]!.id,
              grid: '',
              title: `助餐服务第${i}号`,
              titleKey: `助餐服务第${i}号`,
              description: '',
              category: '养老',
              source: '',
              raisedOn: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
              urgency: '一般' as const,
              contactName: '',
              contactPhone: '',
            },
            status: 'open' as const,
            rejectReason: '',
          })),
          { reason: '测试', operator: '测试' },
        ),
      )
      .immediate();
    let done = false;
    const exporting = core.call('needs.export', {}).finally(() => (done = true));
    // Meanwhile the clerk keeps working: lists are read and needs saved while the file is written.
    let saves = 0;
    while (!done) {
      await new Promise((r) => setImmediate(r));
      if (done) break;
      await core.call('needs.list', { pageSize: 10 });
      await core.call('needs.save', {
        communityId: communities[0]!.id,
        title: `导出期间登记的需求${++saves}`,
        category: '养老',
        raisedOn: '2025-09-01',
      });
    }
    expect(saves).toBeGreaterThan(0);
    expect((await core.call('needs.list', { pageSize: 10 })).total).toBe(3040 + saves);
    const ws = (await saved(core, await exporting)).wb.worksheets[0]!;
    const exported = ws.rowCount - 2; // the file holds the needs as they were while it was read
    expect(exported).toBeGreaterThanOrEqual(3040);
    const rows = Array.from({ length: exported }, (_, i) => ws.getRow(3 + i));
    const keys = rows.map((r) => [String(r.getCell(2).value), (r.getCell(8).value as Date).toISOString()]);
    const order = communities.map((c) => c.name).sort((a, b) => nameOrder(core, a) - nameOrder(core, b));
    const sorted = [...keys].sort((a, b) => order.indexOf(a[0]!) - order.indexOf(b[0]!) || a[1]!.localeCompare(b[1]!));
    expect(keys).toEqual(sorted);
  });

  test('资源清单 and 责任分解表 export and import back unchanged; formulas are neutralised', async () => {
    const core = await loaded();
    const r = await core.call('resources.list', { search: '防汛物资' });
    await core.call('resources.save', { ...r.rows[0]!, content: '=HYPERLINK("http://x")', id: r.rows[0]!.id });
    const res = await saved(core, await core.call('resources.export', {}));
    const cells = res.wb.worksheets[0]!.getColumn(5).values.map(String);
    expect(cells.some((v) => v.startsWith("'=HYPERLINK"))).toBe(true);
    expect((await core.call('resources.importPreview', upload('r.xlsx', res.buf))).counts).toMatchObject({
      unchanged: 29,
      error: 0,
    });

    const br = await saved(core, await core.call('projects.exportBreakdown', { year: 2025 }));
    const ws = br.wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('2025年度共建单位合作项目责任分解表');
    expect(path.basename(br.file)).toMatch(/^2025项目责任分解表-\d{8}\.xlsx$/);
    expect((await core.call('projects.importPreview', upload('b.xlsx', br.buf))).counts).toMatchObject({
      unchanged: 10,
      add: 0,
      update: 0,
      error: 0,
    });
  });

  test('进度台账: a summary per project and every entry', async () => {
    const core = await loaded();
    const { wb } = await saved(core, await core.call('projects.exportProgress', { year: 2025 }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['进度汇总', '进度记录']);
    const entries = wb.getWorksheet('进度记录')!;
    expect(entries.rowCount).toBe(2 + 6);
    const summary = wb.getWorksheet('进度汇总')!;
    const workshop = summary.getColumn(2).values.findIndex((v) => v === '共富工坊');
    expect(summary.getCell(workshop, 5).value).toBe(60);
  });

  test('fill-in templates carry dropdowns and import without edits once filled', async () => {
    const core = await testCore();
    await seedDirectory(core);
    const needsT = await saved(core, await core.call('needs.importTemplate', {}));
    const ws = needsT.wb.worksheets[0]!;
    const header = (ws.getRow(2).values as string[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    expect(ws.getCell(3, col('类别')).dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell(3, col('紧急程度')).dataValidation.formulae[0]).toBe('"一般,较急,紧急"');
    // A community fills two rows and sends it back.
    const values: Record<string, string> = {
      社区: '东风社区',
      网格: '第1网格',
      需求名称: '楼道灯维修',
      类别: '物业',
      来源: '敲门行动',
      提出日期: '2025-09-01',
      紧急程度: '较急',
      联系人: '赵六',
      联系电话: '13900001111',
      状态: '待对接',
    };
    for (const [h, v] of Object.entries(values)) ws.getCell(3, col(h)).value = v;
    const filled = Buffer.from(await needsT.wb.xlsx.writeBuffer());
    const p = await core.call('needs.importPreview', upload('社区填报.xlsx', filled));
    expect(p.counts).toMatchObject({ add: 1, error: 0 });

    const resT = await saved(core, await core.call('resources.importTemplate', {}));
    expect(resT.wb.worksheets[0]!.getCell(3, 3).dataValidation).toMatchObject({ type: 'list' });
    const projT = await saved(core, await core.call('projects.importTemplate', {}));
    const pws = projT.wb.worksheets[0]!;
    const ph = (pws.getRow(2).values as string[]).slice(1);
    pws.getCell(3, ph.indexOf('项目名称') + 1).value = '共富工坊';
    pws.getCell(3, ph.indexOf('责任单位') + 1).value = '区人社局';
    pws.getCell(3, ph.indexOf('完成时限') + 1).value = '10月底前';
    const pp = await core.call(
      'projects.importPreview',
      upload('p.xlsx', Buffer.from(await projT.wb.xlsx.writeBuffer())),
    );
    expect(pp.counts).toMatchObject({ add: 1, error: 0 });
  });
});
