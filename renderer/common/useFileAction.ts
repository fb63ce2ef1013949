import { useMutation } from '@tanstack/react-query';
import type { Input } from '../../shared/contract';
import { call } from '../api/client';
import { useNotify } from './Notifier';

/** The channels that write a file through the system's save dialog and answer with SavedFile. */
export type FileChannel =
  | 'units.exportDirectory'
  | 'pairings.exportAllocation'
  | 'units.importTemplate'
  | 'needs.export'
  | 'needs.importTemplate'
  | 'resources.export'
  | 'resources.importTemplate'
  | 'projects.exportBreakdown'
  | 'projects.exportProgress'
  | 'projects.importTemplate'
  | 'projects.exportDualReport'
  | 'oplog.export'
  | 'backup.exportPackage'
  | 'members.exportRoster'
  | 'members.exportRecordDocx'
  | 'members.importTemplate'
  | 'service.importTemplate'
  | 'evaluation.exportRanking'
  | 'evaluation.exportNotice';

/**
 * An export or template button: calls the channel, tells where the file went ("已导出：D:\…\名录.xlsx"),
 * says nothing when the clerk cancelled the save dialog, and shows a failure's message. `input` gives the
 * channel's options at the moment the button is pressed (e.g. the year shown).
 */
export function useFileAction<C extends FileChannel>(channel: C, input?: () => Input<C>) {
  const notify = useNotify();
  const m = useMutation({
    mutationFn: () => call(channel, input ? input() : ({} as Input<C>)),
    onSuccess: (r) => {
      if (r.saved) notify.success(`已导出：${r.path}`);
    },
    onError: (e) => notify.error(e),
  });
  return { run: () => m.mutate(), busy: m.isPending };
}
