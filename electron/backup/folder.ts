import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

/** Why a folder cannot take backups, in words for the clerk. */
export function folderErrorMessage(folder: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `备份文件夹“${folder}”所在磁盘空间已满`;
    case 'EACCES':
    case 'EPERM':
      return `没有写入备份文件夹“${folder}”的权限`;
    case 'EROFS':
      return `备份文件夹“${folder}”是只读的（U盘可能打开了写保护开关）`;
    case 'ENOENT':
      return `找不到备份文件夹“${folder}”（U盘或移动硬盘可能没有插好）`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `“${folder}”不是文件夹`;
    case 'EBUSY':
      return `备份文件夹“${folder}”正被其他程序占用`;
    default:
      return `无法写入备份文件夹“${folder}”（${(e as Error)?.message ?? String(e)}）`;
  }
}

/**
 * mkdir -p done one level at a time. Node 20's own recursive mkdir never returns for some paths
 * (seen with /proc/…); a folder typed or picked by the clerk must give an error, not hang the app.
 */
export function makeFolder(folder: string): void {
  const missing: string[] = [];
  let at = path.resolve(folder);
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const dir of missing) fs.mkdirSync(dir);
}

/**
 * Proves a folder can take a backup: creates it if needed, then writes, flushes, reads back and removes a
 * small probe file (permissions alone do not tell about a write-protected USB stick). Throws a FILE_ERROR.
 */
export function assertWritableFolder(folder: string, needBytes = 0): void {
  if (!path.isAbsolute(folder))
    throw new AppError('INVALID_INPUT', `备份文件夹必须是完整路径（例如 D:\\大工委备份），而不是“${folder}”`);
  const probe = path.join(folder, `.dgw-write-test-${crypto.randomBytes(4).toString('hex')}`);
  try {
    makeFolder(folder);
    if (!fs.statSync(folder).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    const fd = fs.openSync(probe, 'wx');
    try {
      fs.writeSync(fd, '大工委工作台写入测试');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (fs.readFileSync(probe, 'utf8') !== '大工委工作台写入测试') throw new Error('读回的内容不一致');
  } catch (e) {
    throw new AppError('FILE_ERROR', `${folderErrorMessage(folder, e)}。请换一个文件夹，备份设置未改变。`);
  } finally {
    try {
      fs.rmSync(probe, { force: true });
    } catch {
      // the probe was never created (the "folder" is a file, or gone): nothing to tidy
    }
  }
  const free = freeBytes(folder);
  if (free !== null && free < needBytes) {
    throw new AppError(
      'FILE_ERROR',
      `备份文件夹“${folder}”所在磁盘只剩 ${(free / 1048576).toFixed(1)} MB，放不下一份备份（约 ${(needBytes / 1048576).toFixed(1)} MB）。请换一个文件夹或清理磁盘。`,
    );
  }
}

export function freeBytes(folder: string): number | null {
  try {
    const s = fs.statfsSync(folder);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** Same volume as the data (st_dev; on Windows the volume serial): one disk failure would take both. */
export function sameDisk(a: string, b: string): boolean {
  try {
    return fs.statSync(a).dev === fs.statSync(b).dev;
  } catch {
    return false;
  }
}

/** Resolves `fileName` inside `folder`, refusing anything that would land outside it (../, separators). */
export function insideFolder(folder: string, fileName: string): string {
  const root = path.resolve(folder);
  const full = path.resolve(root, fileName);
  if (path.dirname(full) !== root || path.basename(full) !== fileName) {
    throw new AppError('INVALID_INPUT', '备份文件名不正确');
  }
  return full;
}
