import type { ChipProps } from '@mui/material/Chip';
import type { ImportRow } from '../../shared/contract/units';

type Action = ImportRow['action'];

export const IMPORT_ACTION_LABELS: Record<Action, string> = {
  add: '新增',
  update: '更新',
  unchanged: '无变化',
  skip: '跳过',
  error: '有错误',
};

export const IMPORT_ACTION_COLORS: Record<Action, ChipProps['color']> = {
  add: 'success',
  update: 'info',
  unchanged: 'default',
  skip: 'warning',
  error: 'error',
};

/** Rows with errors first, then what will not be imported, then what will; each group in sheet order. */
const ORDER: Record<Action, number> = { error: 0, skip: 1, add: 2, update: 3, unchanged: 4 };
export const sortImportRows = <T extends { action: Action; row: number }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.row - b.row);
