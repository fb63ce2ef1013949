import type { Database } from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { UploadedFile } from '../../shared/contract/common';
import { AppError } from '../core/errors';
import { decodeUpload } from '../files/xlsx-read';
import { insertAttachment } from './repo';

/** Where attached files live: `attachments/` beside the database, so a copied data folder carries them. */
export const attachmentsDir = (dbPath: string) => path.join(path.dirname(dbPath), 'attachments');

const storedPath = (dbPath: string, sha256: string) => path.join(attachmentsDir(dbPath), sha256.slice(0, 2), sha256);

/**
 * Keeps an uploaded file as an attachment of `owner`/`ownerId`. The bytes are written and fsynced before
 * the row is inserted (the caller's transaction), so a committed row never points at a missing file; a crash
 * in between leaves only an unreferenced file, never a broken reference.
 */
export function storeAttachment(
  db: Database,
  dbPath: string,
  owner: string,
  ownerId: number,
  file: z.output<typeof UploadedFile>,
): number {
  if (!db.inTransaction) throw new Error('storeAttachment must run inside the owner’s write transaction');
  const data = decodeUpload(file.fileName, file.dataBase64);
  if (data.length === 0) throw new AppError('INVALID_INPUT', `附件「${file.fileName}」是空文件`);
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  const target = storedPath(dbPath, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      const fd = fs.openSync(tmp, 'w');
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(tmp, target);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      const code = (e as NodeJS.ErrnoException).code;
      throw new AppError(
        'FILE_ERROR',
        code === 'ENOSPC'
          ? '磁盘空间已满，附件没有保存，数据未被改动'
          : `附件「${file.fileName}」没有保存：${(e as Error).message}`,
      );
    }
  }
  return insertAttachment(db, { owner, ownerId, fileName: path.basename(file.fileName), sha256, size: data.length });
}

/** The bytes of a stored attachment, checked against their hash so a damaged file is reported, not handed on. */
export function readAttachment(dbPath: string, sha256: string, fileName: string): Buffer {
  const file = storedPath(dbPath, sha256);
  if (!fs.existsSync(file))
    throw new AppError('NOT_FOUND', `附件「${fileName}」的文件不在数据文件夹中（可能被移动或删除）`);
  const data = fs.readFileSync(file);
  if (crypto.createHash('sha256').update(data).digest('hex') !== sha256) {
    throw new AppError('FILE_ERROR', `附件「${fileName}」的文件已损坏（内容与保存时不一致）`);
  }
  return data;
}
