import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core';
import { docxParts, docxText } from '../helpers/docx-read';
import { addMembers, seedDirectory } from '../helpers/members-fixtures';

describe('在职党员与服务记实', () => {
  it('registers members, refuses the same name twice in one unit, masks nothing in the stored record', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    const m = await core.call('members.save', {
      name: '张三',
      unitId: d.a.id,
      communityId: d.east.id,
      phone: '138 1234 5678',
      post: '政策宣讲',
    });
    expect(m).toMatchObject({
      unitName: '区人社局',
      communityName: '东风社区',
      phone: '13812345678',
      status: 'active',
      hours: 0,
    });
    const dup = await core.raw('members.save', { name: '张三', unitId: d.a.id, communityId: d.west.id });
    expect(dup).toMatchObject({ ok: false, code: 'CONFLICT' });
    // The same name in another unit is another person.
    await core.call('members.save', { name: '张三', unitId: d.b.id, communityId: d.east.id });
    const bad = await core.raw('members.save', {
      name: '李四',
      unitId: d.a.id,
      communityId: d.east.id,
      phone: '12345',
    });
    expect(bad.ok).toBe(false);
  });

  it('records a volunteer day for 30 members in one form and totals hours per member and per unit', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    const a = await addMembers(core, 20, d.a.id, d.east.id, '甲');
    const b = await addMembers(core, 10, d.b.id, d.east.id, '乙');
    const day = await core.call('service.record', {
      servedOn: '2025-05-10',
      title: '社区环境整治志愿服务日',
      communityId: d.east.id,
      members: [...a, ...b].map((memberId) => ({ memberId, hours: 3 })),
    });
    expect(day).toMatchObject({ records: 30, hours: 90 });
    const projectId = Number(
      core.db.prepare(`INSERT INTO projects (year, name, name_key) VALUES (2025, '政策进社区', '政策进社区')`).run()
        .lastInsertRowid,
    );
    const { id: needId } = await core.call('needs.save', {
      communityId: d.west.id,
      title: '政策咨询',
      category: '法律咨询',
      raisedOn: '2025-05-01',
    });
    await core.call('service.record', {
      servedOn: '2025-06-01',
      title: '政策宣讲',
      communityId: d.west.id,
      projectId,
      needId,
      members: [{ memberId: a[0]!, hours: 1.5 }],
    });
    const activities = await core.call('service.activities', { year: 2025 });
    expect(activities.rows.find((x) => x.title === '政策宣讲')?.linkedTo).toBe('项目：政策进社区；需求：政策咨询');
    // Last year's record does not count in 2025.
    await core.call('service.record', {
      servedOn: '2024-12-31',
      title: '旧活动',
      communityId: d.east.id,
      members: [{ memberId: a[0]!, hours: 5 }],
    });

    const first = await core.call('members.get', { id: a[0]!, year: 2025 });
    expect(first).toMatchObject({ hours: 4.5, activities: 2, lastServedOn: '2025-06-01' });
    const units = await core.call('service.unitHours', { year: 2025 });
    expect(units.find((u) => u.unitId === d.a.id)).toMatchObject({
      members: 20,
      hours: 61.5,
      activities: 2,
      lastServedOn: '2025-06-01',
    });
    expect(units.find((u) => u.unitId === d.b.id)).toMatchObject({ members: 10, hours: 30, activities: 1 });
    expect(units.find((u) => u.unitId === d.c.id)).toBeUndefined();
    // The 共建单位 dialog asks for its own unit only.
    expect(await core.call('service.unitHours', { year: 2025, unitId: d.b.id })).toEqual([
      units.find((u) => u.unitId === d.b.id),
    ]);
    expect(await core.call('service.unitHours', { year: 2025, unitId: d.c.id })).toEqual([]);

    const list = await core.call('members.list', { year: 2025, sortBy: 'hours', sortDir: 'desc', pageSize: 5 });
    expect(list.total).toBe(30);
    expect(list.rows[0]).toMatchObject({ name: '甲1', hours: 4.5 });
    const records = await core.call('service.list', { year: 2025, unitId: d.b.id });
    expect(records.total).toBe(10);
    const mine = await core.call('service.list', { memberId: a[0]! });
    expect(
      mine.rows.map((r) => `${r.servedOn}|${r.title}|${r.communityName}|${r.hours}|${r.projectName ?? ''}`),
    ).toEqual([
      '2025-06-01|政策宣讲|西湖社区|1.5|政策进社区',
      '2025-05-10|社区环境整治志愿服务日|东风社区|3|',
      '2024-12-31|旧活动|东风社区|5|',
    ]);

    // A member who changes unit keeps past hours with the unit served for at the time.
    await core.call('members.save', { id: b[0]!, name: '乙1', unitId: d.c.id, communityId: d.east.id });
    const after = await core.call('service.unitHours', { year: 2025 });
    expect(after.find((u) => u.unitId === d.b.id)?.hours).toBe(30);
  });

  it('refuses bad bulk entries: nobody chosen, a member twice, a transferred member', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    const [x, y] = await addMembers(core, 2, d.a.id, d.east.id, '丙');
    const base = { servedOn: '2025-05-10', title: '活动', communityId: d.east.id };
    expect((await core.raw('service.record', { ...base, members: [] })).ok).toBe(false);
    expect(
      await core.raw('service.record', {
        ...base,
        members: [
          { memberId: x, hours: 2 },
          { memberId: x, hours: 2 },
        ],
      }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('选了两次') });
    expect((await core.raw('service.record', { ...base, members: [{ memberId: x, hours: 0 }] })).ok).toBe(false);
    await core.call('members.save', {
      id: y!,
      name: '丙2',
      unitId: d.a.id,
      communityId: d.east.id,
      status: 'transferred',
    });
    const r = await core.raw('service.record', {
      ...base,
      members: [
        { memberId: x, hours: 2 },
        { memberId: y, hours: 2 },
      ],
    });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('已转出') });
    // All or nothing: the valid member was not recorded either.
    expect((await core.call('service.list', {})).total).toBe(0);
  });

  it('deletes through 回收站: a member with records is refused, an activity comes back with its records', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    const ids = await addMembers(core, 3, d.a.id, d.east.id, '丁');
    const day = await core.call('service.record', {
      servedOn: '2025-05-10',
      title: '义诊',
      communityId: d.east.id,
      members: ids.map((memberId) => ({ memberId, hours: 2 })),
    });
    expect(await core.raw('members.delete', { id: ids[0] })).toMatchObject({
      ok: false,
      message: expect.stringContaining('转出'),
    });
    await core.call('service.deleteActivity', { id: day.activityId });
    expect((await core.call('service.list', {})).total).toBe(0);
    const bin = await core.call('recycle.list', {});
    const item = bin.rows.find((r) => r.title.includes('义诊'))!;
    await core.call('recycle.restore', { id: item.id });
    expect((await core.call('service.list', {})).total).toBe(3);
    const log = await core.call('oplog.list', {});
    expect(log.rows.some((r) => r.summary.includes('3人，共6小时'))).toBe(true);
  });

  it('exports the roster with phones masked unless asked, and a 工作记实 .docx per member', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    const [x] = await addMembers(core, 1, d.a.id, d.east.id, '王');
    await core.call('service.record', {
      servedOn: '2025-05-10',
      title: '文明劝导',
      communityId: d.east.id,
      members: [{ memberId: x!, hours: 2.5 }],
    });
    const saved = await core.call('members.exportRoster', { year: 2025 });
    if (!saved.saved) throw new Error('not saved');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved.path);
    const ws = wb.getWorksheet('在职党员名册')!;
    expect(ws.getRow(2).getCell(7).value).toBe('联系电话');
    expect(ws.getRow(3).getCell(7).value).toBe('138****1001');
    expect(ws.getRow(3).getCell(10).value).toBe(2.5);
    expect(wb.getWorksheet('服务记实')!.getRow(3).getCell(5).value).toBe('文明劝导');
    const full = await core.call('members.exportRoster', { year: 2025, fullPhones: true });
    if (!full.saved) throw new Error('not saved');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(full.path);
    expect(wb2.getWorksheet('在职党员名册')!.getRow(3).getCell(7).value).toBe('13812341001');

    const doc = await core.call('members.exportRecordDocx', { memberId: x!, year: 2025 });
    if (!doc.saved) throw new Error('not saved');
    const text = docxText((await docxParts(fs.readFileSync(doc.path)))['word/document.xml']!);
    expect(text).toContain('工作记实');
    expect(text).toContain('文明劝导');
    expect(text).toContain('累计服务2.5小时');
    expect(text).toContain('138****1001');
    expect(text).not.toContain('13812341001');
    expect(path.dirname(doc.path)).toBe(core.exportDir);
  });
});

describe('a unit deleted and restored from 回收站', () => {
  it('comes back with its members, their service records and its evaluation scores', async () => {
    const core = await testCore();
    const d = await seedDirectory(core);
    const [zhang, li] = await addMembers(core, 2, d.a.id, d.east.id, '党员');
    await core.call('service.record', {
      servedOn: '2025-05-10',
      title: '垃圾分类宣传',
      communityId: d.east.id,
      members: [
        { memberId: zhang!, hours: 2 },
        { memberId: li!, hours: 3 },
      ],
    });
    await core.call('evaluation.saveScores', { year: 2025, scores: [{ unitId: d.a.id, annual: 92, public: 88 }] });
    const unitHours = async () =>
      (await core.call('service.unitHours', { year: 2025 })).find((u) => u.unitId === d.a.id)?.hours ?? 0;
    expect(await unitHours()).toBe(5);

    await core.call('units.delete', { id: d.a.id });
    const bin = await core.call('recycle.list', {});
    await core.call('recycle.restore', { id: bin.rows.find((r) => r.entity === 'unit')!.id });

    const members = await core.call('members.list', { year: 2025, unitId: d.a.id });
    expect(members.rows.map((m) => m.name).sort()).toEqual(['党员1', '党员2']);
    expect(await unitHours()).toBe(5);
    expect(await core.call('evaluation.unit', { year: 2025, unitId: d.a.id })).toMatchObject({
      annual: 92,
      public: 88,
    });
  });
});
