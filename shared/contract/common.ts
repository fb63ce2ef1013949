import { z } from 'zod';
import { ISO_DATE, isRealDate } from '../domain/dates';
import { cleanText } from '../domain/text';
import { labelled } from './labels';

export const Id = z.number().int().positive();
export const IdInput = z.object({ id: Id });

/** A single-line text field: cleaned of stray white space, length-capped, control characters refused. */
export const line = (label: string, max: number) =>
  labelled(z.string(), label)
    .transform(cleanText)
    .pipe(
      z
        .string()
        .max(max, `${label}不能超过${max}个字`)
        .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), `${label}含有不可见的控制字符`),
    );

export const requiredLine = (label: string, max: number) => line(label, max).pipe(z.string().min(1, `请填写${label}`));

/** Multi-line notes keep their line breaks but lose other control characters' risk the same way. */
export const notes = (label: string, max: number) =>
  labelled(z.string(), label)
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, `${label}不能超过${max}个字`)
        .refine((s) => !/[\u0000-\u0009\u000B-\u001F\u007F]/.test(s), `${label}含有不可见的控制字符`),
    );

export const isoDate = (label: string) =>
  labelled(
    z
      .string()
      .regex(ISO_DATE, `${label}应为“年-月-日”格式`)
      .refine(
        (s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))),
        `${label}不是真实的日期`,
      ),
    label,
  );

export const PageInput = z.object({
  page: z.number().int().min(0).default(0),
  /** The free data grid shows at most 100 rows a page; paging is done in SQLite. */
  pageSize: z.number().int().min(1).max(100).default(50),
});

export const SortDir = z.enum(['asc', 'desc']);

export const pageOf = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int() });

/** What a file-writing channel returns: where the file went, or that the clerk cancelled the dialog. */
export const SavedFile = z.union([
  z.object({ saved: z.literal(true), path: z.string(), fileName: z.string() }),
  z.object({ saved: z.literal(false) }),
]);

/** A file handed to the main side by the renderer (chosen with the system's open dialog). */
export const UploadedFile = z.object({
  fileName: z.string().min(1).max(255),
  /** base64; 20 MB cap after decoding is checked by the importer before anything is parsed. */
  dataBase64: z.string().max(28_000_000, '文件过大（超过20MB），请拆分后再导入'),
});
