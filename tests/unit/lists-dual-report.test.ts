import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { todayIso } from '../../shared/domain/dates';
import { docxParts, docxText } from '../helpers/docx-read';
import { testCore } from '../helpers/core';
import { PROJECTS_SAMPLE, importSample, seedDirectory, unitId } from '../fixtures/lists';

describe('双报告 per unit and period', () => {
  test('what the unit took on, its progress, what was crossed off and what is late, as an official .docx', async () => {
    const core = await testCore();
    await core.call('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    await seedDirectory(core);
    await importSample(core, 'projects', PROJECTS_SAMPLE);
    const post = unitId(core, '邮政分公司营业部');
    const list = await core.call('projects.list', { unitId: post, sortBy: 'name' });
    expect(list.rows.map((p) => p.name).sort()).toEqual(['“微心愿”认领', '助老食堂']);
    const canteen = list.rows.find((p) => p.name === '助老食堂')!;
    await core.call('projects.applyClose', {
      projectId: canteen.id,
      appliedOn: todayIso(),
      applicant: '邮政分公司营业部',
      evidence: '食堂运营照片',
    });
    await core.call('projects.reviewClose', { projectId: canteen.id, pass: true, reviewedOn: todayIso() });
    const year = todayIso().slice(0, 4);

    const saved = await core.call('projects.exportDualReport', {
      unitId: post,
      from: '2025-01-01',
      to: `${year}-12-31`,
    });
    expect(saved.saved).toBe(true);
    const file = (saved as { path: string }).path;
    expect(file).toMatch(/邮政分公司营业部双报告（20250101-\d{8}）\.docx$/);
    const parts = await docxParts(fs.readFileSync(file));
    const text = docxText(parts['word/document.xml']!);
    expect(text).toContain('邮政分公司营业部共建项目双报告');
    expect(text).toContain('城东街道党工委、');
    expect(text).toMatch(/承担共建项目2个，其中牵头2个、配合0个；期间已销号1个，正在推进1个，逾期或停滞1个/);
    expect(text).toContain('一、承担的共建项目');
    expect(text).toContain('（一）“微心愿”认领');
    expect(text).toMatch(/完成60%：推进中，完成60%/);
    expect(text).toMatch(/助老食堂：\d{4}年\d+月\d+日经街道审核销号/);
    // 2025-11-30 has passed: the 微心愿 project is late.
    expect(text).toMatch(/“微心愿”认领：已逾期\d+天（完成时限2025年11月30日）/);
    // The official layout: 仿宋 body and 方正小标宋 title named in the document.
    expect(parts['word/document.xml']).toContain('方正小标宋简体');
    expect(parts['word/document.xml']).toContain('仿宋_GB2312');
    const log = (await core.call('oplog.list', {})).rows.find((r) => r.action === 'export')!;
    expect(log.summary).toContain('导出邮政分公司营业部双报告');
  });

  test('a period must run forwards', async () => {
    const core = await testCore();
    const res = await core.raw('projects.exportDualReport', { unitId: 1, from: '2025-12-31', to: '2025-01-01' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
