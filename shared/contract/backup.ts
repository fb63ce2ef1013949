import { z } from 'zod';
import { defineChannel } from './channel';
import { Id, SavedFile, notes } from './common';
import { BACKUP_KINDS } from '../domain/backup';

/**
 * 数据备份: automatic and manual backups, restore with preview and undo, and the encrypted package that
 * carries the data to another PC. Every message is Chinese and meant to be shown as is.
 */

export { BACKUP_KINDS, BACKUP_KIND_LABELS, type BackupKind } from '../domain/backup';

export const TableCount = z.object({ table: z.string(), label: z.string(), count: z.number().int() });
export type TableCount = z.infer<typeof TableCount>;

export const BackupEntry = z.object({
  id: Id,
  fileName: z.string(),
  folder: z.string(),
  kind: z.enum(BACKUP_KINDS),
  kindLabel: z.string(),
  /** ISO time the copy was taken. */
  createdAt: z.string(),
  size: z.number().int(),
  schemaVersion: z.number().int(),
  counts: z.array(TableCount),
  /** integrity_check said ok when the copy was made (or when the file was found in the folder). */
  verifiedOk: z.boolean(),
  verifiedAt: z.string(),
  note: z.string(),
  /** Never removed by rotation: manual backups, the undo point and the latest good backup. */
  protected: z.boolean(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupStatus = z.object({
  folder: z.string(),
  defaultFolder: z.string(),
  isDefaultFolder: z.boolean(),
  /** null when the folder can be written; else why not (the automatic backups then go to the default folder). */
  folderProblem: z.string().nullable(),
  /** The backup folder is on the same disk as the data: a disk failure would take both. */
  sameDiskAsData: z.boolean(),
  warnAfterDays: z.number().int(),
  lastGood: BackupEntry.nullable(),
  /** Whole days since the last good backup; null when there is none. */
  daysSinceLastGood: z.number().int().nullable(),
  /** A Chinese warning for the 数据备份 screen and the home page, or null when all is well. */
  warning: z.string().nullable(),
  /** A backup is being made in the background (the day's first, or one ahead of an import). */
  running: z.boolean(),
  /** The last automatic backup that failed (since the app started), or null. */
  lastFailure: z.object({ at: z.string(), kind: z.enum(BACKUP_KINDS), message: z.string() }).nullable(),
  /** Set after a restore or package import: 撤销恢复 puts back the data as it was before. */
  undo: z.object({ restoredAt: z.string(), restoredFrom: z.string(), revertPoint: BackupEntry }).nullable(),
  count: z.number().int(),
  totalSize: z.number().int(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const RestorePreview = z.object({
  /** What is being restored, in words: "备份 dagongwei-每日-….sqlite" or "备份包 ….dgwbak". */
  source: z.string(),
  /** Only for a package: pass it to backup.importPackage. */
  previewId: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** 街道 / 大工委 names found in the backup, to recognise whose data it is. */
  streetName: z.string(),
  committeeName: z.string(),
  schemaVersion: z.number().int(),
  currentSchemaVersion: z.number().int(),
  /** The backup is from an older version; it is upgraded after restoring. */
  needsUpgrade: z.boolean(),
  counts: z.array(TableCount),
  currentCounts: z.array(TableCount),
  canRestore: z.boolean(),
  /** Why it cannot be restored (e.g. written by a newer version), else null. */
  problem: z.string().nullable(),
});
export type RestorePreview = z.infer<typeof RestorePreview>;

export const RestoreResult = z.object({
  restoredFrom: z.string(),
  /** The copy of the data as it was just before; 撤销恢复 (or restoring this entry) brings it back. */
  revertPoint: BackupEntry,
  schemaVersion: z.number().int(),
  upgradedFrom: z.number().int().nullable(),
  counts: z.array(TableCount),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

const password = z.string().max(200, '密码不能超过200个字符');

export const backupChannels = {
  'backup.status': defineChannel(z.object({}).default({}), BackupStatus),
  /** Newest first; only backups whose file is still in the folder. */
  'backup.list': defineChannel(z.object({}).default({}), z.array(BackupEntry)),
  'backup.create': defineChannel(z.object({ note: notes('备注', 200).default('') }).default({ note: '' }), BackupEntry),
  /** null = back to the default folder beside the data. The folder must exist or be creatable, and be writable. */
  'backup.setFolder': defineChannel(
    z.object({ folder: z.string().trim().min(1, '请选择备份文件夹').max(1000).nullable() }),
    BackupStatus,
  ),
  'backup.setWarnDays': defineChannel(
    z.object({
      days: z.number().int().min(1, '备份提醒天数至少为1天').max(365, '备份提醒天数不能超过365天'),
    }),
    BackupStatus,
  ),
  'backup.previewRestore': defineChannel(z.object({ id: Id }), RestorePreview),
  'backup.restore': defineChannel(z.object({ id: Id }), RestoreResult),
  'backup.undoRestore': defineChannel(z.object({}).default({}), RestoreResult),
  'backup.exportPackage': defineChannel(z.object({ password: password.min(8, '备份包密码至少8个字符') }), SavedFile),
  /** Decrypts and checks a package; nothing is changed until backup.importPackage with the previewId. */
  'backup.previewPackage': defineChannel(
    z.object({
      fileName: z.string().min(1).max(255),
      dataBase64: z.string().max(28_000_000, '备份包过大（超过20MB），请在电脑上直接从备份文件夹恢复'),
      password: password.min(1, '请输入备份包密码'),
    }),
    RestorePreview,
  ),
  'backup.importPackage': defineChannel(z.object({ previewId: z.string().min(1).max(100) }), RestoreResult),
  /**
   * Opens the system's folder picker (desktop only). Nothing is changed: the renderer passes the chosen path
   * to backup.setFolder. In the web host there is no picker and `reason` says to type the path.
   */
  'backup.chooseFolder': defineChannel(
    z.object({}).default({}),
    z.union([
      z.object({ chosen: z.literal(true), folder: z.string() }),
      z.object({ chosen: z.literal(false), reason: z.string().nullable() }),
    ]),
  ),
};
