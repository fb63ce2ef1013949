import path from 'node:path';
import type { RestorePreview, RestoreResult } from '../../shared/contract/backup';
import { AppError } from '../core/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { recordOp } from '../oplog/service';
import { inspectBackupFile, type BackupFileInfo } from './inspect';
import { tableCounts } from './labels';
import * as repo from './repo';
import type { BackupService } from './service';
import { copyInto, releaseForSwap } from './swap';

/** Why a backup cannot replace the data, or null. Checked in the preview and again before restoring. */
export function restoreProblem(info: BackupFileInfo): string | null {
  if (info.integrity !== null && info.integrity !== 'ok') return '该备份文件已损坏（完整性检查未通过），不能用于恢复。';
  if (!info.looksLikeOurs) return '该文件不是大工委工作台的数据备份，不能用于恢复。';
  if (info.schemaVersion > LATEST_SCHEMA_VERSION) {
    return `该备份由更新版本的大工委工作台生成（数据版本 ${info.schemaVersion}，本程序支持到 ${LATEST_SCHEMA_VERSION}），本程序不能恢复它。请先安装新版本。`;
  }
  return null;
}

export function buildPreview(
  svc: BackupService,
  file: string,
  source: string,
  createdAt: string | null,
  previewId: string | null,
): RestorePreview {
  const info = inspectBackupFile(file, { integrity: true, nativeBinding: svc.nativeBinding });
  const problem = restoreProblem(info);
  return {
    source,
    previewId,
    createdAt,
    streetName: info.streetName,
    committeeName: info.committeeName,
    schemaVersion: info.schemaVersion,
    currentSchemaVersion: LATEST_SCHEMA_VERSION,
    needsUpgrade: info.schemaVersion < LATEST_SCHEMA_VERSION,
    counts: tableCounts(info.counts),
    currentCounts: tableCounts(repo.countRecords(svc.db)),
    canRestore: problem === null,
    problem,
  };
}

/**
 * Replaces the live data with a backup file. Runs inside the exclusive gate (no other call in flight):
 *  1. the source is checked again (integrity, ours, not from a newer version) — a refusal changes nothing;
 *  2. a verified copy of the current data is taken (`safetyKind`); if that fails, nothing changes;
 *  3. the live connection is released and the backup copied into the live path (transactional);
 *  4. the file is reopened with openDatabase, so an older backup is migrated (after its own backup);
 *  5. the backup catalogue of the data just replaced is written back (the folder did not change) and the
 *     restore is written to 操作日志, in one transaction.
 * If 3 fails the old data is still in place and is reopened; if 4 fails the safety copy is put back.
 */
export async function restoreFromFile(
  svc: BackupService,
  source: string,
  label: string,
  safetyKind: 'revert-point' | 'pre-restore',
): Promise<RestoreResult> {
  const info = inspectBackupFile(source, { integrity: true, nativeBinding: svc.nativeBinding });
  const problem = restoreProblem(info);
  if (problem)
    throw new AppError(
      info.schemaVersion > LATEST_SCHEMA_VERSION ? 'CONFLICT' : 'FILE_ERROR',
      `${problem}现有数据未被改动。`,
    );

  const safety = await svc.create(safetyKind);
  const catalogue = repo.listBackupRows(svc.db);
  const previousUndo = svc.config().lastRestore;
  // Recorded before the swap: if the power goes midway, undo then finds the copy of the data as it was
  // (at worst it puts back what is already there); after an undo there is nothing left to undo.
  svc.saveConfig({
    lastRestore:
      safetyKind === 'revert-point'
        ? {
            revertPointFolder: safety.folder,
            revertPointFile: safety.fileName,
            restoredFrom: label,
            restoredAt: svc.now().toISOString(),
          }
        : null,
  });
  try {
    releaseForSwap(svc.db);
  } catch (e) {
    svc.saveConfig({ lastRestore: previousUndo });
    throw e;
  }
  try {
    await copyInto(source, svc.dbPath, svc.nativeBinding);
  } catch (e) {
    svc.saveConfig({ lastRestore: previousUndo });
    svc.holder.current = (await svc.reopen()).db;
    throw new AppError('FILE_ERROR', `恢复没有完成（${(e as Error).message}），现有数据未被改动。`);
  }
  let opened;
  try {
    opened = await svc.reopen();
  } catch (e) {
    await copyInto(path.join(safety.folder, safety.fileName), svc.dbPath, svc.nativeBinding).catch(() => {});
    svc.saveConfig({ lastRestore: previousUndo });
    svc.holder.current = (await svc.reopen()).db;
    throw new AppError('FILE_ERROR', `恢复后的数据无法打开（${(e as Error).message}），已放回恢复前的数据。`);
  }
  svc.holder.current = opened.db;
  const db = opened.db;
  db.transaction(() => {
    repo.replaceBackupRows(db, catalogue);
    recordOp(db, {
      action: 'backup',
      entity: 'database',
      entityId: null,
      title: safetyKind === 'revert-point' ? '从备份恢复' : '撤销恢复',
      summary: `${label}；恢复前的数据已保存为 ${safety.fileName}`,
    });
  }).immediate();
  svc.reconcile(); // records the upgrade copy openDatabase made of an older backup
  svc.markOpened();
  return {
    restoredFrom: label,
    revertPoint: svc.entry(safety.id),
    schemaVersion: LATEST_SCHEMA_VERSION,
    upgradedFrom: info.schemaVersion < LATEST_SCHEMA_VERSION ? info.schemaVersion : null,
    counts: tableCounts(repo.countRecords(db)),
  };
}

export function previewBackup(svc: BackupService, id: number): RestorePreview {
  const { row, file } = svc.fileOf(id);
  return buildPreview(svc, file, `备份 ${row.file_name}`, row.created_at, null);
}

export function restoreBackup(svc: BackupService, id: number): Promise<RestoreResult> {
  return svc.gate.exclusive(async () => {
    const { row, file } = svc.fileOf(id);
    return restoreFromFile(svc, file, `备份 ${row.file_name}`, 'revert-point');
  });
}

/** Puts back the data as it was before the last restore; what the undo discards is kept as a 撤销前 backup. */
export function undoRestore(svc: BackupService): Promise<RestoreResult> {
  return svc.gate.exclusive(async () => {
    const last = svc.config().lastRestore;
    if (!last) throw new AppError('NOT_FOUND', '没有可以撤销的恢复操作');
    let file: string;
    try {
      file = svc.fileOf(svc.undoPointId() ?? -1).file;
    } catch {
      throw new AppError(
        'NOT_FOUND',
        `找不到恢复前保存的数据（${last.revertPointFile}），无法撤销。现有数据未被改动。`,
      );
    }
    return restoreFromFile(svc, file, `撤销恢复（回到 ${last.revertPointFile}）`, 'pre-restore');
  });
}
