import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RestoreResult } from '../../shared/contract/backup';
import { call } from '../api/client';
import { keys } from '../app/queryClient';

/** Asked again every 2 s while a backup runs in the background, so its result shows when it is done. */
export function useBackupStatus() {
  return useQuery({
    queryKey: [...keys.backup, 'status'],
    queryFn: () => call('backup.status', {}),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.running ? 2000 : false),
  });
}

export function useBackupList() {
  return useQuery({ queryKey: [...keys.backup, 'list'], queryFn: () => call('backup.list', {}), staleTime: 0 });
}

function useBackupMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.backup }) });
}

export const useCreateBackup = () => useBackupMutation((note: string) => call('backup.create', { note }));
export const useSetFolder = () => useBackupMutation((folder: string | null) => call('backup.setFolder', { folder }));
export const useSetWarnDays = () => useBackupMutation((days: number) => call('backup.setWarnDays', { days }));

/** A restore, an undo or a package import replaces every table: everything on screen is out of date. */
export function useReplaceData<I>(fn: (input: I) => Promise<RestoreResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries() });
}
