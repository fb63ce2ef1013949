import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { daysBefore, todayIso } from '../../shared/domain/dates';
import { NEED_CATEGORIES } from '../../shared/domain/lists';
import { DEFAULT_MEETING_KINDS } from '../../shared/domain/meetings';
import { testCore, type TestCore } from '../helpers/core';
import { communityId, seedDirectory, unitId } from '../fixtures/lists';

async function setup() {
  const core = await testCore();
  await seedDirectory(core);
  return core;
}

const oplogTitles = (core: TestCore) =>
  (core.db.prepare("SELECT title FROM oplog WHERE entity = 'settings'").all() as { title: string }[]).map(
    (r) => r.title,
  );

async function sheetText(saved: { saved: true; path: string } | { saved: false }): Promise<string> {
  if (!saved.saved) throw new Error('not saved');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved.path);
  const parts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.value ?? '')))));
  // Dropdown lists live in data validations of the main sheet.
  const ws = wb.worksheets[0] as unknown as { dataValidations: { model: Record<string, { formulae?: string[] }> } };
  for (const v of Object.values(ws.dataValidations.model)) parts.push(...(v.formulae ?? []));
  return parts.join('\n');
}

describe('设置里的可选项', () => {
  test('built-in lists apply until edited; an edit is logged and used by needs.categories and the template', async () => {
    const core = await setup();
    expect((await core.call('options.get', { list: 'needCategories' })).items).toEqual([...NEED_CATEGORIES]);
    await core.call('options.save', { list: 'needCategories', items: ['养老', '加装电梯'] });
    await core.call('options.save', { list: 'needSources', items: ['网格员走访', '民情恳谈会'] });
    await core.call('options.save', { list: 'resourceTypes', items: ['场地', '共享车位'] });
    expect(await core.call('needs.categories', {})).toEqual(['养老', '加装电梯']);
    expect(oplogTitles(core)).toEqual(expect.arrayContaining(['需求类别', '需求来源', '资源类型']));

    const needs = await core.call('needs.importTemplate', {});
    const needText = await sheetText(needs);
    expect(needText).toContain('加装电梯');
    expect(needText).toContain('民情恳谈会');
    expect(needText).not.toContain('微心愿征集');
    const resources = await core.call('resources.importTemplate', {});
    expect(await sheetText(resources)).toContain('共享车位');
  });

  test('a used category stays offered after it is removed from the list', async () => {
    const core = await setup();
    await core.call('needs.save', {
      communityId: communityId(core, '东风社区'),
      title: '独居老人助餐',
      category: '托育',
      raisedOn: '2025-09-01',
    });
    await core.call('options.save', { list: 'needCategories', items: ['养老'] });
    expect(await core.call('needs.categories', {})).toEqual(['养老', '托育']);
  });

  test('empty, duplicate and blank entries are refused in Chinese', async () => {
    const core = await setup();
    expect(await core.raw('options.save', { list: 'needSources', items: [] })).toMatchObject({ ok: false });
    const dup = await core.raw('options.save', { list: 'needSources', items: ['12345', '12345'] });
    expect(JSON.stringify(dup)).toContain('选项有重复');
    expect(await core.raw('options.save', { list: 'resourceTypes', items: ['  '] })).toMatchObject({ ok: false });
  });

  test('会议类型 is the same list: meetings.kinds and options.get agree both ways', async () => {
    const core = await testCore();
    expect((await core.call('meetings.kinds', {})).kinds).toEqual([...DEFAULT_MEETING_KINDS]);
    await core.call('options.save', { list: 'meetingKinds', items: ['大工委联席会议', '院落议事会'] });
    expect((await core.call('meetings.kinds', {})).kinds).toEqual(['大工委联席会议', '院落议事会']);
    await core.call('meetings.saveKinds', { kinds: ['推进会'] });
    expect((await core.call('options.get', { list: 'meetingKinds' })).items).toEqual(['推进会']);
    expect(oplogTitles(core)).toEqual(['会议类型', '会议类型']);
  });
});

describe('积压与停滞天数', () => {
  test('default 30/30; the stalled flag, filter and per-unit count follow the saved value', async () => {
    const core = await setup();
    expect(await core.call('options.thresholds', {})).toEqual({ backlogDays: 30, stallDays: 30 });
    const p = await core.call('projects.save', {
      year: 2025,
      name: '十天未更新',
      leadUnitIds: [unitId(core, '区公证处')],
      communityIds: [communityId(core, '胜利社区')],
      startOn: daysBefore(todayIso(), 10),
      deadlineOn: '2099-12-31',
    });
    expect((await core.call('projects.get', { id: p.id })).stalled).toBe(false);
    await core.call('options.saveThresholds', { backlogDays: 7, stallDays: 10 });
    expect((await core.call('projects.get', { id: p.id })).stalled).toBe(true);
    expect((await core.call('projects.list', { stalled: true })).rows.map((r) => r.name)).toEqual(['十天未更新']);
    expect((await core.call('projects.byUnit', { year: 2025 })).find((u) => u.unitName === '区公证处')).toMatchObject({
      stalled: 1,
    });
    expect(await core.call('options.thresholds', {})).toEqual({ backlogDays: 7, stallDays: 10 });
    const log = core.db.prepare("SELECT summary FROM oplog WHERE title = '积压与停滞天数'").all() as {
      summary: string;
    }[];
    expect(log.map((r) => r.summary)).toEqual(['积压天数：30 → 7；停滞天数：30 → 10']);
    expect(await core.raw('options.saveThresholds', { backlogDays: 0, stallDays: 10 })).toMatchObject({ ok: false });
  });
});
