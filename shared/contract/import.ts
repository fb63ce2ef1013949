import { z } from 'zod';

/**
 * What every import preview has in common (directory, three lists, ledger, members): the sheet that was
 * read, how its headers were understood, and per-action counts. Each area adds its own row shape.
 */
export const IMPORT_ACTIONS = ['add', 'update', 'unchanged', 'skip', 'error'] as const;

export const ImportCounts = z.object({
  add: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  skip: z.number().int(),
  error: z.number().int(),
});

export const ImportSheetInfo = z.object({
  previewId: z.string(),
  fileName: z.string(),
  sheetName: z.string(),
  headerRow: z.number().int(),
  /** Which header text was read as which field, e.g. 联系方式 → 联系电话; field '' = not imported. */
  columns: z.array(z.object({ header: z.string(), field: z.string() })),
});
