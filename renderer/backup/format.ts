import type { TableCount } from '../../shared/contract/backup';

/** 12.3 MB / 850 KB, the way Windows Explorer shows sizes. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "今天" / "昨天" / "3 天前" for a whole number of days. */
export function daysAgo(days: number): string {
  if (days <= 0) return '今天';
  if (days === 1) return '昨天';
  return `${days} 天前`;
}

/** "共建单位 30 · 社区 5 · …": the non-empty tables, in the order the main side lists them. */
export function countsSummary(counts: TableCount[]): string {
  const shown = counts.filter((c) => c.count > 0);
  return shown.length ? shown.map((c) => `${c.label} ${c.count}`).join(' · ') : '（无数据）';
}
