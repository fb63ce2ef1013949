import fs from 'node:fs';
import path from 'node:path';
import type { BackupStatus } from '../../shared/contract/backup';
import { AppError } from '../core/errors';
import { recordOp } from '../oplog/service';
import { assertWritableFolder, folderErrorMessage, sameDisk } from './folder';
import type { BackupService } from './service';

/** What the 数据备份 screen shows and the two settings it changes. */

const DAY_MS = 86_400_000;

export function backupStatus(svc: BackupService): BackupStatus {
  const config = svc.config();
  const entries = svc.entries();
  const folder = svc.folder();
  let folderProblem: string | null = null;
  try {
    assertWritableFolder(folder);
  } catch (e) {
    folderProblem = e instanceof AppError ? e.message : folderErrorMessage(folder, e);
  }
  const lastGood = entries.find((e) => e.verifiedOk) ?? null;
  const days = lastGood ? Math.floor((svc.now().getTime() - Date.parse(lastGood.createdAt)) / DAY_MS) : null;
  const undoId = svc.undoPointId();
  const undoEntry = entries.find((e) => e.id === undoId);
  let warning: string | null = null;
  // While a backup is being made (the day's first, after a long pause), "no recent backup" is about to be untrue.
  if (svc.running) warning = null;
  else if (!lastGood) warning = '还没有任何完好的备份，建议立即点击“立即备份”。';
  else if (days! >= config.warnAfterDays) {
    warning = `最近一次完好的备份是 ${days} 天前（${lastGood.createdAt.slice(0, 10)}），建议立即备份，并检查备份文件夹是否可用。`;
  }
  if (folderProblem) warning = `${folderProblem}。自动备份会改存到默认文件夹“${svc.defaultFolder}”。${warning ?? ''}`;
  return {
    folder,
    defaultFolder: svc.defaultFolder,
    isDefaultFolder: folder === svc.defaultFolder,
    folderProblem,
    sameDiskAsData: sameDisk(fs.existsSync(folder) ? folder : path.dirname(folder), path.dirname(svc.dbPath)),
    warnAfterDays: config.warnAfterDays,
    lastGood,
    daysSinceLastGood: days,
    warning,
    running: svc.running,
    lastFailure: svc.lastFailure,
    undo:
      config.lastRestore && undoEntry
        ? {
            restoredAt: config.lastRestore.restoredAt,
            restoredFrom: config.lastRestore.restoredFrom,
            revertPoint: undoEntry,
          }
        : null,
    count: entries.length,
    totalSize: entries.reduce((n, e) => n + e.size, 0),
  };
}

/** Changes the backup folder after proving it writable, then takes a backup there at once. */
export async function setBackupFolder(svc: BackupService, folder: string | null): Promise<BackupStatus> {
  const target = folder === null ? svc.defaultFolder : path.resolve(folder);
  if (target !== svc.defaultFolder) {
    if (target === path.resolve(path.dirname(svc.dbPath))) {
      throw new AppError(
        'INVALID_INPUT',
        '备份文件夹不能就是数据文件所在的文件夹，请另选一个（最好在另一块磁盘或U盘上）',
      );
    }
    assertWritableFolder(folder!, fs.statSync(svc.dbPath).size * 2);
  }
  svc.saveConfig({ folder: target === svc.defaultFolder ? null : target });
  svc.db
    .transaction(() =>
      recordOp(svc.db, {
        action: 'settings',
        entity: 'settings',
        entityId: null,
        title: '备份文件夹',
        summary: target,
      }),
    )
    .immediate();
  svc.reconcile();
  await svc.create('daily');
  return backupStatus(svc);
}

export function setWarnDays(svc: BackupService, days: number): BackupStatus {
  svc.saveConfig({ warnAfterDays: days });
  return backupStatus(svc);
}
