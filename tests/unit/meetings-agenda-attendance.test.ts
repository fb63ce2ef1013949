import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { testCore, type TestCore } from '../helpers/core';
import { seedDirectory } from '../fixtures/meetings';

async function meeting(core: TestCore, heldOn = '2025-07-28') {
  const dir = await seedDirectory(core.call);
  const m = await core.call('meetings.create', {
    kind: '大工委联席会议',
    heldOn,
    invitees: [{ unitId: dir.hospital.id }, { unitId: dir.school.id }, { communityId: dir.community.id }],
  });
  return { dir, m };
}

const meetingLog = (core: TestCore) =>
  (
    core.db.prepare("SELECT summary FROM oplog WHERE entity = 'meeting' ORDER BY id").all() as { summary: string }[]
  ).map((r) => r.summary);

describe('议程: edit, move, delete', () => {
  test('an item is edited and moved; each change is logged; finalised minutes refuse both', async () => {
    const core = await testCore();
    const { m } = await meeting(core);
    for (const title of ['加装电梯', '停车难', '助餐点'])
      await core.call('meetings.saveAgendaItem', { meetingId: m.id, title });
    let d = await core.call('meetings.get', { id: m.id });
    const [lift, parking, meals] = d.agenda.map((a) => a.id) as [number, number, number];

    d = await core.call('meetings.saveAgendaItem', {
      id: parking,
      meetingId: m.id,
      title: '小区停车难',
      presenter: '东门社区',
      notes: '居民反映夜间停车难',
    });
    expect(d.agenda[1]).toMatchObject({ title: '小区停车难', presenter: '东门社区', notes: '居民反映夜间停车难' });

    d = await core.call('meetings.moveAgendaItem', { id: meals, direction: 'up' });
    expect(d.agenda.map((a) => a.id)).toEqual([lift, meals, parking]);
    d = await core.call('meetings.moveAgendaItem', { id: lift, direction: 'up' }); // already first: nothing changes
    expect(d.agenda.map((a) => a.id)).toEqual([lift, meals, parking]);
    d = await core.call('meetings.moveAgendaItem', { id: lift, direction: 'down' });
    expect(d.agenda.map((a) => a.id)).toEqual([meals, lift, parking]);

    const log = meetingLog(core);
    expect(log).toContain('议题：停车难 → 小区停车难；汇报人：（空） → 东门社区；说明：（空） → 居民反映夜间停车难');
    expect(log).toContain('议题“助餐点”上移，现为第2项');
    expect(log).toContain('议题“加装电梯”下移，现为第2项');
    expect(log.filter((s) => s.includes('移'))).toHaveLength(2);

    await core.call('meetings.saveDraft', { agendaItemId: meals, discussion: '同意设立助餐点' });
    await core.call('meetings.finalize', { id: m.id });
    expect(await core.raw('meetings.moveAgendaItem', { id: lift, direction: 'up' })).toMatchObject({
      ok: false,
      code: 'LOCKED',
    });
    expect(await core.raw('meetings.saveAgendaItem', { id: lift, meetingId: m.id, title: '改名' })).toMatchObject({
      ok: false,
      code: 'LOCKED',
    });
    expect(await core.raw('meetings.deleteAgendaItem', { id: parking })).toMatchObject({ ok: false, code: 'LOCKED' });
  });

  test('only an item without discussion or decisions can be deleted, and the deletion is logged', async () => {
    const core = await testCore();
    const { m } = await meeting(core);
    await core.call('meetings.saveAgendaItem', { meetingId: m.id, title: '加装电梯' });
    const d = await core.call('meetings.saveAgendaItem', { meetingId: m.id, title: '临时议题' });
    const [lift, extra] = d.agenda.map((a) => a.id) as [number, number];
    await core.call('meetings.saveDecision', { agendaItemId: lift, content: '先行试点' });
    const refused = await core.raw('meetings.deleteAgendaItem', { id: lift });
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(JSON.stringify(refused)).toContain('请先清空后再删除');
    const after = await core.call('meetings.deleteAgendaItem', { id: extra });
    expect(after.agenda.map((a) => a.title)).toEqual(['加装电梯']);
    expect(meetingLog(core)).toContain('删除议题：临时议题');
  });
});

describe('出席统计', () => {
  test('a unit row opens its meetings (by unit and year); the export has one row per unit with the rate', async () => {
    const core = await testCore();
    const { dir, m } = await meeting(core, '2025-07-28');
    const m2 = await core.call('meetings.create', {
      kind: '推进会',
      heldOn: '2026-03-02',
      invitees: [{ unitId: dir.hospital.id }],
    });
    await core.call('meetings.markAttendance', { inviteeId: m.invitees[0]!.id, attendance: 'present' });
    await core.call('meetings.markAttendance', { inviteeId: m.invitees[1]!.id, attendance: 'absent' });
    await core.call('meetings.markAttendance', {
      inviteeId: m.invitees[2]!.id,
      attendance: 'leave',
      leaveReason: '值班',
    });
    await core.call('meetings.markAttendance', { inviteeId: m2.invitees[0]!.id, attendance: 'present' });

    const titles = async (q: object) => (await core.call('meetings.list', q)).rows.map((r) => r.title);
    expect(await titles({ unitId: dir.hospital.id })).toEqual([m2.title, m.title]);
    expect(await titles({ unitId: dir.hospital.id, year: 2025 })).toEqual([m.title]);
    expect(await titles({ unitId: dir.school.id, year: 2026 })).toEqual([]);
    expect(await titles({ communityId: dir.community.id })).toEqual([m.title]);

    const saved = await core.call('meetings.exportAttendance', { year: 2025 });
    if (!saved.saved) throw new Error('not saved');
    expect(saved.fileName).toBe('联席会议出席统计2025年.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved.path);
    const ws = wb.getWorksheet('出席统计')!;
    expect(String(ws.getCell('A1').value)).toContain('出席统计（2025年）');
    const body = [3, 4, 5].map((r) => [2, 3, 4, 5, 6, 7].map((c) => ws.getRow(r).getCell(c).value));
    expect(body).toEqual(
      expect.arrayContaining([
        ['区人民医院', 1, 1, 0, 0, 1],
        ['第二实验小学', 1, 0, 0, 1, 0],
        ['东门社区', 1, 0, 1, 0, 0],
      ]),
    );
    expect(ws.getRow(3).getCell(7).numFmt).toBe('0.0%');
    const log = core.db.prepare("SELECT title FROM oplog WHERE action = 'export'").all();
    expect(log).toEqual([{ title: '联席会议出席统计2025年.xlsx' }]);
  });
});
