import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RestorePreview, RestoreResult } from '../../shared/contract/backup';
import type { FilePorts } from '../core/context';
import { AppError } from '../core/errors';
import { fileStamp, fsyncDir, verifiedBackup } from '../db/backup';
import { recordOp } from '../oplog/service';
import { inspectBackupFile } from './inspect';
import { decryptPackage, encryptPackage, PACKAGE_EXTENSION } from './package-crypto';
import { buildPreview, restoreFromFile } from './restore';
import type { BackupService } from './service';

/** A decrypted package waiting for the clerk to confirm the import; forgotten after this long. */
const PREVIEW_TTL_MS = 30 * 60_000;
const previews = new WeakMap<BackupService, Map<string, { file: string; label: string; expires: number }>>();

function pending(svc: BackupService) {
  let map = previews.get(svc);
  if (!map) previews.set(svc, (map = new Map()));
  for (const [id, p] of map) {
    if (p.expires < Date.now()) {
      fs.rmSync(p.file, { force: true });
      map.delete(id);
    }
  }
  return map;
}

/** Written beside the target, flushed, then renamed over it: a full USB stick leaves no half package behind. */
function writeDurably(dest: string, data: Buffer): void {
  const part = `${dest}.part`;
  try {
    const fd = fs.openSync(part, 'w');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(part, dest);
    fsyncDir(path.dirname(dest));
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  }
}

/**
 * Writes an encrypted package of a verified backup copy to where the clerk chooses, then reads the written
 * file back and decrypts it, so a package that says "saved" is known to open on the other PC.
 */
export async function exportPackage(svc: BackupService, files: FilePorts, password: string) {
  const dest = await files.chooseSavePath(`大工委工作台备份包-${fileStamp(svc.now())}.${PACKAGE_EXTENSION}`, [
    { name: '大工委工作台加密备份包', extensions: [PACKAGE_EXTENSION] },
  ]);
  if (!dest) return { saved: false as const };
  fs.mkdirSync(svc.stagingDir, { recursive: true });
  const copy = path.join(svc.stagingDir, `export-${crypto.randomUUID()}.sqlite`);
  try {
    await verifiedBackup(svc.db, copy, svc.nativeBinding);
    const info = inspectBackupFile(copy, { integrity: false, nativeBinding: svc.nativeBinding });
    const sqlite = fs.readFileSync(copy);
    const meta = {
      createdAt: svc.now().toISOString(),
      appVersion: svc.appVersion,
      schemaVersion: info.schemaVersion,
      counts: info.counts,
    };
    const pkg = await encryptPackage(meta, sqlite, password);
    try {
      writeDurably(dest, pkg);
    } catch (e) {
      throw new AppError(
        'FILE_ERROR',
        `备份包没有写成（${(e as Error).message}），请换一个位置或检查U盘。数据未被改动。`,
      );
    }
    const back = await decryptPackage(fs.readFileSync(dest), password).catch(() => null);
    if (!back || !back.sqlite.equals(sqlite)) {
      fs.rmSync(dest, { force: true });
      throw new AppError(
        'FILE_ERROR',
        '写入的备份包读回校验不一致（U盘或磁盘可能有问题），已删除该文件，请换一个位置重试。',
      );
    }
  } finally {
    fs.rmSync(copy, { force: true });
  }
  svc.db
    .transaction(() =>
      recordOp(svc.db, {
        action: 'export',
        entity: 'database',
        entityId: null,
        title: '导出加密备份包',
        summary: dest,
      }),
    )
    .immediate();
  return { saved: true as const, path: dest, fileName: path.basename(dest) };
}

/** Decrypts and checks an uploaded package; nothing changes until importPackage confirms it. */
export async function previewPackage(
  svc: BackupService,
  upload: { fileName: string; dataBase64: string; password: string },
): Promise<RestorePreview> {
  const { meta, sqlite } = await decryptPackage(Buffer.from(upload.dataBase64, 'base64'), upload.password);
  fs.mkdirSync(svc.stagingDir, { recursive: true });
  const previewId = crypto.randomUUID();
  const file = path.join(svc.stagingDir, `import-${previewId}.sqlite`);
  writeDurably(file, sqlite);
  try {
    const preview = buildPreview(svc, file, `备份包 ${upload.fileName}`, meta.createdAt, previewId);
    pending(svc).set(previewId, { file, label: `备份包 ${upload.fileName}`, expires: Date.now() + PREVIEW_TTL_MS });
    return preview;
  } catch (e) {
    fs.rmSync(file, { force: true });
    throw e;
  }
}

/** Restores from a previewed package: same revert point and undo as a restore from the folder. */
export function importPackage(svc: BackupService, previewId: string): Promise<RestoreResult> {
  return svc.gate.exclusive(async () => {
    const p = pending(svc).get(previewId);
    if (!p || !fs.existsSync(p.file)) throw new AppError('NOT_FOUND', '备份包预览已过期，请重新选择备份包');
    try {
      return await restoreFromFile(svc, p.file, p.label, 'revert-point');
    } finally {
      pending(svc).delete(previewId);
      fs.rmSync(p.file, { force: true });
    }
  });
}

/** Called on close: decrypted copies never outlive the session. */
export function discardPackagePreviews(svc: BackupService): void {
  previews.delete(svc);
  fs.rmSync(svc.stagingDir, { recursive: true, force: true });
}
