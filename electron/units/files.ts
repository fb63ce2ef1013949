import type { Handlers } from '../core/registry';
import { AppError } from '../core/errors';

// Placeholder so the registry compiles while the importer/exporter is written (replaced in the same change).
const pending = () => {
  throw new AppError('INTERNAL', '导入导出尚未完成');
};
export const directoryFileHandlers: Pick<
  Handlers,
  'units.importPreview' | 'units.importCommit' | 'units.exportDirectory' | 'pairings.exportAllocation' | 'units.importTemplate'
> = {
  'units.importPreview': pending,
  'units.importCommit': pending,
  'units.exportDirectory': pending,
  'pairings.exportAllocation': pending,
  'units.importTemplate': pending,
};
