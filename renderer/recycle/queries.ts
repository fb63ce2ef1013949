import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import { keys } from '../app/queryClient';

export function useRecycleList(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...keys.recycle, 'list', page, pageSize],
    queryFn: () => call('recycle.list', { page, pageSize }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** A restore can bring back any kind of record (with its dependents): every list may have changed. */
export function useRestoreItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('recycle.restore', { id }),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function usePurgeItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('recycle.purge', { id }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: keys.recycle }), qc.invalidateQueries({ queryKey: keys.oplog })]),
  });
}
