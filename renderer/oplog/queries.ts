import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OplogQuery } from '../../shared/contract/oplog';
import { call } from '../api/client';
import { keys } from '../app/queryClient';

export function useOplogList(q: OplogQuery) {
  return useQuery({
    queryKey: [...keys.oplog, 'list', q],
    queryFn: () => call('oplog.list', q),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
