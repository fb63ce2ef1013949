import type { HandlerContext } from '../core/context';
import { AppError } from '../core/errors';
import type { Handlers } from '../core/registry';
import type { BackupKind } from '../../shared/domain/backup';
import { exportPackage, importPackage, previewPackage } from './packages';
import { previewBackup, restoreBackup, undoRestore } from './restore';
import { backupStatus, setBackupFolder, setWarnDays } from './status';

type BackupChannel =
  | 'backup.status'
  | 'backup.list'
  | 'backup.create'
  | 'backup.setFolder'
  | 'backup.setWarnDays'
  | 'backup.previewRestore'
  | 'backup.restore'
  | 'backup.undoRestore'
  | 'backup.exportPackage'
  | 'backup.previewPackage'
  | 'backup.importPackage'
  | 'backup.chooseFolder';

export const backupHandlers: Pick<Handlers, BackupChannel> = {
  'backup.status': (_i, { backup }) => backupStatus(backup),
  'backup.list': (_i, { backup }) => backup.entries(),
  'backup.create': ({ note }, { backup }) => backup.create('manual', note),
  'backup.setFolder': ({ folder }, { backup }) => setBackupFolder(backup, folder),
  'backup.setWarnDays': ({ days }, { backup }) => setWarnDays(backup, days),
  'backup.previewRestore': ({ id }, { backup }) => previewBackup(backup, id),
  'backup.restore': ({ id }, { backup }) => restoreBackup(backup, id),
  'backup.undoRestore': (_i, { backup }) => undoRestore(backup),
  'backup.exportPackage': ({ password }, { backup, files }) => exportPackage(backup, files, password),
  'backup.previewPackage': (input, { backup }) => previewPackage(backup, input),
  'backup.importPackage': ({ previewId }, { backup }) => importPackage(backup, previewId),
  'backup.chooseFolder': async (_i, { files }) => {
    if (!files.chooseFolder) return { chosen: false as const, reason: '网页方式下请直接填写文件夹路径' };
    const folder = await files.chooseFolder('选择备份文件夹');
    return folder ? { chosen: true as const, folder } : { chosen: false as const, reason: null };
  },
};

/**
 * Wraps a handler that changes data in bulk (an import) so a verified backup is taken first. If the backup
 * cannot be made, the handler does not run: an import that cannot be undone is not started. A backup
 * started when the preview opened (withBackupAhead) is used if nothing was written since.
 */
export function withBackupFirst<I, O>(kind: BackupKind, handler: (input: I, ctx: HandlerContext) => O | Promise<O>) {
  return async (input: I, ctx: HandlerContext): Promise<O> => {
    try {
      await ctx.backup.backupBefore(kind);
    } catch (e) {
      const why = e instanceof AppError ? e.message : String(e);
      throw new AppError('FILE_ERROR', `操作前的备份没有完成，为保证数据安全，本次没有执行。${why}`);
    }
    return handler(input, ctx);
  };
}

/**
 * Wraps an import's preview: once the file has been read, the backup its commit needs starts on the backup
 * thread, so it is usually done by the time the clerk has read the preview and presses 确认导入. (Started
 * after the reading, not alongside it: on two cores the copy slowed the preview by a quarter.) A file that
 * cannot be read starts no backup.
 */
export function withBackupAhead<I, O>(kind: BackupKind, handler: (input: I, ctx: HandlerContext) => O | Promise<O>) {
  return async (input: I, ctx: HandlerContext): Promise<O> => {
    const preview = await handler(input, ctx);
    ctx.backup.startAhead(kind);
    return preview;
  };
}
