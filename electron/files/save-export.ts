import type ExcelJS from 'exceljs';
import path from 'node:path';
import type { z } from 'zod';
import type { SavedFile } from '../../shared/contract/common';
import type { HandlerContext } from '../core/context';
import { AppError } from '../core/errors';
import { sanitizeFileName, writeNewFile } from './safe-filename';

export type Saved = z.infer<typeof SavedFile>;

const XLSX_FILTERS = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

/** The usual reasons a save fails on an office PC, in words the clerk can act on. */
function saveErrorMessage(e: unknown, fileName: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? '没有写入该文件夹的权限，请换一个文件夹（如“文档”或桌面）'
      : code === 'ENOSPC'
        ? '磁盘空间不足'
        : code === 'EROFS'
          ? '该位置是只读的（如光盘或写保护的U盘）'
          : code === 'ENOENT'
            ? '文件夹不存在或U盘已拔出'
            : code === 'EEXIST'
              ? '该文件夹中同名文件过多，请换一个文件名'
              : ((e as Error)?.message ?? String(e));
  return `“${fileName}”没有保存：${why}。`;
}

/**
 * Asks where to save (the suggested name is sanitised first), then writes the bytes without replacing any
 * existing file: if the name is taken the file becomes "名称 (2).xlsx". Returns where it went, or
 * { saved: false } when the clerk cancelled.
 */
export async function saveBuffer(
  ctx: HandlerContext,
  suggestedName: string,
  data: Buffer,
  filters = XLSX_FILTERS,
): Promise<Saved> {
  const name = sanitizeFileName(suggestedName);
  const chosen = await ctx.files.chooseSavePath(name, filters);
  if (chosen === null) return { saved: false };
  const wantedExt = path.extname(name).toLowerCase();
  // A clerk who types a name without the extension still gets a file Excel opens with a double-click.
  const target = wantedExt && path.extname(chosen).toLowerCase() !== wantedExt ? chosen + wantedExt : chosen;
  try {
    const written = writeNewFile(target, data);
    return { saved: true, path: written, fileName: path.basename(written) };
  } catch (e) {
    throw new AppError('FILE_ERROR', saveErrorMessage(e, path.basename(target)));
  }
}

export async function saveWorkbook(ctx: HandlerContext, suggestedName: string, wb: ExcelJS.Workbook): Promise<Saved> {
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return saveBuffer(ctx, suggestedName, data);
}
