import { AppError } from './errors';

/**
 * Failures of the disk or of the file rather than of the program: said plainly, with what the clerk can do.
 * Every write runs in a transaction, so a failed one is rolled back and the saved data is untouched; the
 * messages say so because that is what a clerk needs to know first.
 */
const UNCHANGED = '本次操作没有保存，已保存的数据未被改动。';

export function systemError(e: unknown): AppError | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      'FILE_ERROR',
      `磁盘空间已满，${UNCHANGED}请清理磁盘（例如删除不用的大文件、清空回收站）后重试。`,
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new AppError(
      'FILE_ERROR',
      `写入磁盘失败（磁盘空间可能已满，或数据所在的U盘、移动硬盘、网络盘已断开）。${UNCHANGED}请检查磁盘后重试。`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError(
      'FILE_ERROR',
      `数据文件或其所在文件夹是只读的，或没有写入权限。${UNCHANGED}请检查文件属性、文件夹权限或U盘的写保护开关。`,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') {
    return new AppError(
      'FILE_ERROR',
      `数据文件正被其他程序占用（例如另一个大工委工作台、杀毒软件或网盘同步）。${UNCHANGED}请稍后重试。`,
    );
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppError(
      'FILE_ERROR',
      `读取数据时发现数据文件已损坏。${UNCHANGED}请不要继续录入，关闭程序后从最近的备份恢复，或联系技术人员。`,
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT') {
    return new AppError('FILE_ERROR', `打不开需要的文件（可能已被移动、删除，或所在的U盘已拔出）。${UNCHANGED}`);
  }
  return null;
}
