import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core';
import { docxParts, docxText } from '../helpers/docx-read';
import { addMembers, seedDirectory } from '../helpers/members-fixtures';

/** A 1×1 PNG, as the renderer would send a chart. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('数据看板与年度材料', () => {
  it('counts needs, projects, attendance, hours and the 30-day matching rate for a year and a community', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    const db = core.db;
    const need = (c: number, title: string, category: string, raised: string, status: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO needs (community_id, title, title_key, category, raised_on, status) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(c, title, title, category, raised, status).lastInsertRowid,
      );
    const n1 = need(d.east.id, '助餐', '养老', '2025-02-01', 'done');
    const n2 = need(d.east.id, '托管', '托育', '2025-03-01', 'matched');
    need(d.east.id, '路灯', '环境整治', '2025-04-01', 'open');
    need(d.west.id, '义诊', '医疗健康', '2025-05-01', 'rejected');
    need(d.west.id, '去年的', '养老', '2024-05-01', 'open');
    const project = (name: string, status: string, deadline: string, created: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO projects (year, name, name_key, status, deadline_on, created_at) VALUES (2025, ?, ?, ?, ?, ?)`,
          )
          .run(name, name, status, deadline, created).lastInsertRowid,
      );
    const p1 = project('助餐点', 'active', '2025-03-01', '2025-02-20T00:00:00.000Z');
    const p2 = project('托管班', 'closed', '2025-12-01', '2025-06-01T00:00:00.000Z');
    db.prepare('INSERT INTO project_needs (project_id, need_id) VALUES (?, ?), (?, ?)').run(p1, n1, p2, n2);
    db.prepare('INSERT INTO project_communities (project_id, community_id) VALUES (?, ?), (?, ?)').run(
      p1,
      d.east.id,
      p2,
      d.west.id,
    );
    const ids = await addMembers(core, 3, d.a.id, d.east.id, '甲');
    await core.call('service.record', {
      servedOn: '2025-05-10',
      title: '志愿服务日',
      communityId: d.east.id,
      members: ids.map((memberId) => ({ memberId, hours: 2 })),
    });

    const all = await core.call('dashboard.summary', { year: 2025 });
    expect(all.totals).toEqual({ needs: 4, projects: 2, members: 3, hours: 6 });
    expect(Object.fromEntries(all.needsByStatus.map((s) => [s.label, s.count]))).toMatchObject({
      待对接: 1,
      已办结: 1,
    });
    expect(all.needsByCategory.map((s) => s.key).sort()).toEqual(['医疗健康', '养老', '托育', '环境整治'].sort());
    expect(all.needsByCommunity).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: '东风社区', count: 3, communityId: d.east.id })]),
    );
    expect(all.projectsOverdue).toBe(1);
    // 3 needs count (不予受理 left out): 助餐 was in a project 19 days after, 托管 92 days after.
    expect(all.matching).toEqual({ needs: 3, matchedIn30: 1, rate: 33.3 });
    expect(all.hoursByUnit).toEqual([{ unitId: d.a.id, unitName: '区人社局', hours: 6 }]);

    const west = await core.call('dashboard.summary', { year: 2025, communityId: d.west.id });
    expect(west.totals).toMatchObject({ needs: 1, projects: 1, members: 0, hours: 0 });
    expect(west.projectsOverdue).toBe(0);
  });

  it('exports the ranking (.xlsx), the 通报 and the 年度工作总结 data pack (.docx) with a chart image', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    await core.call('evaluation.saveScores', { year: 2025, scores: [{ unitId: d.a.id, annual: 92, public: 95 }] });
    const x = await core.call('evaluation.exportRanking', { year: 2025 });
    if (!x.saved) throw new Error('not saved');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x.path);
    const ws = wb.getWorksheet('考核排名')!;
    expect(ws.getRow(3).getCell(2).value).toBe('区人社局');
    expect(ws.getRow(3).getCell(1).value).toBe(1);
    expect(wb.getWorksheet('计分说明')).toBeDefined();

    const n = await core.call('evaluation.exportNotice', { year: 2025 });
    if (!n.saved) throw new Error('not saved');
    const notice = docxText((await docxParts(fs.readFileSync(n.path)))['word/document.xml']!);
    expect(notice).toContain('关于2025年度共建单位考核评价结果的通报');
    expect(notice).toContain('区人社局');

    const r = await core.call('dashboard.exportYearReport', {
      year: 2025,
      charts: [{ title: '需求办理情况', pngBase64: PNG }],
    });
    if (!r.saved) throw new Error('not saved');
    const parts = await docxParts(fs.readFileSync(r.path));
    expect(docxText(parts['word/document.xml']!)).toContain('需求办理情况');
    expect(parts['word/document.xml']).toContain('<w:drawing>');
    expect(parts['word/document.xml']).toContain('<pic:pic');
    expect(
      await core.raw('dashboard.savePng', { title: '图', pngBase64: Buffer.from('not a png').toString('base64') }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('PNG') });
    const png = await core.call('dashboard.savePng', { title: '需求办理情况', pngBase64: PNG });
    expect(png).toMatchObject({ saved: true, fileName: '需求办理情况.png' });
  });
});
