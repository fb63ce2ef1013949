/** Kinds of backup. The labels also appear in backup file names, so: no '-', and never renamed once released. */
export const BACKUP_KINDS = [
  'daily',
  'quit',
  'pre-migrate',
  'pre-import',
  'pre-restore',
  'manual',
  'revert-point',
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: '每日',
  quit: '退出时',
  'pre-migrate': '升级前',
  'pre-import': '导入前',
  /** Taken before undoing a restore: the state the undo discards. */
  'pre-restore': '撤销前',
  manual: '手动',
  /** Taken before a restore or a package import: what 撤销恢复 goes back to. */
  'revert-point': '恢复前',
};
