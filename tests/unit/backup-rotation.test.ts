import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../../shared/contract/backup';
import { isoWeekKey, KEEP, planRotation, type RotationItem } from '../../electron/backup/rotation';
import { backupCore, fakeClock, seed } from '../helpers/backup';

const p2 = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
const month = (d: Date) => day(d).slice(0, 7);

/** Backups as the app makes them over `days` days: daily 09:00 and quit 17:30, some imports, a monthly manual one. */
function simulate(days: number, skip: (i: number) => boolean) {
  const live: RotationItem[] = [];
  let id = 0;
  const start = new Date(2025, 0, 1);
  const add = (d: Date, h: number, m: number, kind: BackupKind) => {
    live.push({
      id: ++id,
      kind,
      createdAt: new Date(d.getFullYear(), d.getMonth(), d.getDate(), h, m),
      verifiedOk: true,
    });
  };
  for (let i = 0; i < days; i++) {
    if (skip(i)) continue;
    const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i);
    add(d, 9, 0, 'daily');
    if (i % 9 === 0) add(d, 10, 0, 'pre-import');
    if (i % 30 === 5) add(d, 11, 0, 'manual');
    add(d, 17, 30, 'quit');
    // The app rotates after every backup; once a day is enough to show the outcome is the same.
    const plan = planRotation(live);
    for (const rm of plan.remove)
      live.splice(
        live.findIndex((b) => b.id === rm),
        1,
      );
  }
  return live;
}

describe('backup rotation (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps exactly the newest backup of each of the last 7 days, 4 weeks and 12 months over 500 days', () => {
    const skip = (i: number) => [0, 6].includes(new Date(2025, 0, 1 + i).getDay()) || (i >= 300 && i < 340); // weekends + a 40-day leave
    const live = simulate(500, skip);
    const auto = live.filter((b) => b.kind !== 'manual').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

    // Expected, worked out independently: the 17:30 backup is the newest of each working day.
    const quits = auto.filter((b) => b.kind === 'quit');
    const allDays = [...new Set(quits.map((b) => day(b.createdAt)))];
    expect(allDays.length).toBeGreaterThanOrEqual(KEEP.daily);
    const lastDays = allDays.slice(0, KEEP.daily);
    for (const d of lastDays) expect(quits.some((b) => day(b.createdAt) === d)).toBe(true);

    // The newest backup of each of the last 4 weeks that have backups is there.
    const weeks = [...new Set(quits.map((b) => isoWeekKey(b.createdAt)))];
    expect(weeks.length).toBeGreaterThanOrEqual(KEEP.weekly);
    for (const w of weeks.slice(0, KEEP.weekly)) expect(quits.some((b) => isoWeekKey(b.createdAt) === w)).toBe(true);
    const months = [...new Set(quits.map((b) => month(b.createdAt)))];
    expect(months.length).toBe(KEEP.monthly); // only 12 months are left at all
    for (const m of months) {
      const newestOfMonth = quits.filter((b) => month(b.createdAt) === m)[0]!;
      // the last backup of each month survives, and is the 17:30 one of that month's last working day
      expect(newestOfMonth.createdAt.getHours()).toBe(17);
    }

    // Every survivor is in some slot: nothing else was kept.
    const expectedQuitIds = new Set<number>();
    const addFirst = (key: (d: Date) => string, n: number) => {
      const seen = new Set<string>();
      for (const b of auto) {
        const k = key(b.createdAt);
        if (seen.has(k)) continue;
        if (seen.size >= n) break;
        seen.add(k);
        expectedQuitIds.add(b.id);
      }
    };
    addFirst(day, KEEP.daily);
    addFirst(isoWeekKey, KEEP.weekly);
    addFirst(month, KEEP.monthly);
    const imports = auto.filter((b) => b.kind === 'pre-import');
    expect(imports.length).toBeLessThanOrEqual(KEEP.perEventKind + 3);
    const expected = new Set([...expectedQuitIds, ...imports.slice(0, KEEP.perEventKind).map((b) => b.id)]);
    expect(new Set(auto.map((b) => b.id))).toEqual(expected);
    expect(auto.filter((b) => b.kind === 'daily').every((b) => expected.has(b.id))).toBe(true);
    // Bounded: at most 7 + 4 + 12 + 5 automatic copies, whatever the length of the history.
    expect(auto.length).toBeLessThanOrEqual(KEEP.daily + KEEP.weekly + KEEP.monthly + KEEP.perEventKind);
  });

  it('never deletes a manual backup', () => {
    const live = simulate(500, () => false);
    const manual = live.filter((b) => b.kind === 'manual');
    expect(manual.length).toBe(Math.ceil((500 - 5) / 30)); // every one ever made
  });

  it('after a long leave still has 7 daily copies (days with backups are counted, not calendar days)', () => {
    const live = simulate(400, (i) => i > 200);
    const lastDays = new Set(live.filter((b) => b.kind !== 'manual').map((b) => day(b.createdAt)));
    expect(lastDays.size).toBeGreaterThanOrEqual(KEEP.daily);
  });

  it('never deletes the last good backup, nor one that failed verification, nor the undo point', () => {
    const t = (d: number) => new Date(2026, 0, d, 9);
    const items: RotationItem[] = [
      { id: 1, kind: 'daily', createdAt: t(1), verifiedOk: true },
      ...Array.from({ length: 30 }, (_, i) => ({
        id: 10 + i,
        kind: 'daily' as const,
        createdAt: t(2 + i),
        verifiedOk: false,
      })),
      { id: 2, kind: 'revert-point', createdAt: new Date(2025, 11, 1), verifiedOk: true },
      ...Array.from({ length: 8 }, (_, i) => ({
        id: 100 + i,
        kind: 'revert-point' as const,
        createdAt: new Date(2025, 11, 2 + i),
        verifiedOk: true,
      })),
    ];
    const plan = planRotation(items, { protectIds: [2] });
    // Only surplus revert points go: 103–107 are the newest 5, 102 fills the 7th day slot (Jan 1 + Dec 9…4),
    // and the old undo point (Dec 1) stays only because it is protected.
    expect(plan.remove).toEqual([101, 100]);
    expect(plan.keep.get(1)).toContain('最近一次完好的备份');
    expect(plan.keep.get(2)).toContain('撤销恢复要用到');
    expect(plan.keep.get(25)).toContain('未通过校验，请人工处理');
  });

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeekKey(new Date(2024, 11, 30))).toBe('2025-W01');
    expect(isoWeekKey(new Date(2021, 0, 3))).toBe('2020-W53');
    expect(isoWeekKey(new Date(2026, 10, 21))).toBe('2026-W47');
    expect(isoWeekKey(new Date(2026, 10, 23))).toBe('2026-W48');
  });

  it('takes the daily backup on the first start of each day and prunes the folder on a fake calendar', async () => {
    const clock = fakeClock('2026-03-01T08:00:00');
    let core = await backupCore({ now: clock.now });
    const { dbPath } = core;
    await seed(core, 2);
    await core.quit(); // something was written: a quit backup
    const kinds = () => core.backup.entries().map((e) => e.kind);
    for (let d = 0; d < 60; d++) {
      clock.advanceDays(1);
      core = await backupCore({ dbPath, now: clock.now }); // first start of the day: a daily backup
      clock.advanceMs(3_600_000);
      core.close();
      core = await backupCore({ dbPath, now: clock.now }); // second start the same day: none
      if (d % 20 === 0) await core.call('backup.create', { note: `第${d}天` });
      await core.call('units.save', { name: `第${d}天新增`, category: '机关' });
      clock.advanceMs(3_600_000);
      await core.quit();
    }
    core = await backupCore({ dbPath, now: clock.now });
    const entries = core.backup.entries();
    const dailyDays = entries.filter((e) => e.kind === 'daily').map((e) => e.createdAt.slice(0, 10));
    expect(new Set(dailyDays).size).toBe(dailyDays.length); // one daily per day at most
    expect(kinds().filter((k) => k === 'manual')).toHaveLength(3);
    expect(entries.length).toBeLessThanOrEqual(KEEP.daily + KEEP.weekly + KEEP.monthly + 3 + 1);
    // The catalogue and the folder agree, file for file.
    const files = fs.readdirSync(core.backup.folder()).filter((f) => f.endsWith('.sqlite'));
    expect(files.sort()).toEqual(entries.map((e) => e.fileName).sort());
    // The newest day is there, with today's first-start daily backup.
    expect(entries[0]!.createdAt.slice(0, 10)).toBe(clock.now().toISOString().slice(0, 10));
  });
});
