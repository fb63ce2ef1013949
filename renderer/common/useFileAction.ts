import { useMutation } from '@tanstack/react-query';
import { call } from '../api/client';
import { useNotify } from './Notifier';

/** The channels that write a file through the system's save dialog and answer with SavedFile. */
export type FileChannel = 'units.exportDirectory' | 'pairings.exportAllocation' | 'units.importTemplate';

/**
 * An export or template button: calls the channel, tells where the file went ("已导出：D:\…\名录.xlsx"),
 * says nothing when the clerk cancelled the save dialog, and shows a failure's message.
 */
export function useFileAction(channel: FileChannel) {
  const notify = useNotify();
  const m = useMutation({
    mutationFn: () => call(channel, {}),
    onSuccess: (r) => {
      if (r.saved) notify.success(`已导出：${r.path}`);
    },
    onError: (e) => notify.error(e),
  });
  return { run: () => m.mutate(), busy: m.isPending };
}
