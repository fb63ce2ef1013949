import type { BackupKind } from '../../shared/domain/backup';

/**
 * Which backups to keep. The rule, in order (a backup kept by any rule stays):
 *  1. 手动 (manual) backups are never removed automatically.
 *  2. The undo point of the last restore is kept while undo is possible.
 *  3. The newest backup that passed verification is always kept ("never delete the last good backup").
 *  4. A backup that did not pass verification is never removed here either: rotation only removes what it
 *     can vouch is replaced by something good; the clerk sees it flagged in the list.
 *  5. Calendar slots over all verified automatic backups (every kind but manual), counted like restic's
 *     --keep-daily/weekly/monthly: for each of the 7 most recent local calendar days that HAVE a backup, the
 *     newest of that day; likewise the newest of each of the 4 most recent ISO weeks (Monday–Sunday) and of
 *     each of the 12 most recent months that have one. Counting days that have backups (not the last 7
 *     calendar days) means a clerk back from a month's leave still finds 7 daily copies, not none.
 *  6. Event backups (升级前, 导入前, 恢复前, 撤销前) additionally keep the newest 5 of each kind, so the state
 *     just before an import is still there even if a later backup the same day took the daily slot.
 * Everything else is removed. No rule looks at "now", so a wrong PC clock cannot empty the folder.
 */
export const KEEP = { daily: 7, weekly: 4, monthly: 12, perEventKind: 5 } as const;

const EVENT_KINDS: BackupKind[] = ['pre-migrate', 'pre-import', 'revert-point', 'pre-restore'];

export interface RotationItem {
  id: number;
  kind: BackupKind;
  createdAt: Date;
  verifiedOk: boolean;
}

export interface RotationPlan {
  /** id → the reasons it is kept (Chinese, for the list's tooltip and for tests). */
  keep: Map<number, string[]>;
  remove: number[];
}

const p2 = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}`;

/** ISO 8601 week of the local date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekKey(d: Date): string {
  // Local calendar date as a UTC midnight, so daylight-saving shifts cannot move a day across weeks.
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const weekday = t.getUTCDay() || 7; // Monday = 1 … Sunday = 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${p2(week)}`;
}

/** Newest first; ties broken by id so the plan is deterministic. */
const newestFirst = (a: RotationItem, b: RotationItem) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

export function planRotation(items: RotationItem[], opts: { protectIds?: Iterable<number> } = {}): RotationPlan {
  const keep = new Map<number, string[]>();
  const mark = (id: number, why: string) => keep.set(id, [...(keep.get(id) ?? []), why]);
  const sorted = [...items].sort(newestFirst);
  const protect = new Set(opts.protectIds ?? []);

  for (const b of sorted) {
    if (b.kind === 'manual') mark(b.id, '手动备份');
    if (protect.has(b.id)) mark(b.id, '撤销恢复要用到');
    if (!b.verifiedOk) mark(b.id, '未通过校验，请人工处理');
  }
  const good = sorted.filter((b) => b.verifiedOk);
  if (good[0]) mark(good[0].id, '最近一次完好的备份');

  const automatic = good.filter((b) => b.kind !== 'manual');
  const slots = (keyOf: (d: Date) => string, n: number, why: string) => {
    const seen = new Set<string>();
    for (const b of automatic) {
      const k = keyOf(b.createdAt);
      if (seen.has(k)) continue; // an older backup of a period already represented
      if (seen.size >= n) break;
      seen.add(k);
      mark(b.id, why);
    }
  };
  slots(dayKey, KEEP.daily, '每日保留');
  slots(isoWeekKey, KEEP.weekly, '每周保留');
  slots(monthKey, KEEP.monthly, '每月保留');

  for (const kind of EVENT_KINDS) {
    good
      .filter((b) => b.kind === kind)
      .slice(0, KEEP.perEventKind)
      .forEach((b) => mark(b.id, '近期操作前的备份'));
  }
  return { keep, remove: sorted.filter((b) => !keep.has(b.id)).map((b) => b.id) };
}
