import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { keys } from '../app/queryClient';

/** Global search: a fresh answer for each term (records change under it), the last one kept while typing. */
export function useGlobalSearch(q: string) {
  return useQuery({
    queryKey: keys.search(q),
    queryFn: () => call('search.global', { q, limitPerKind: 5 }),
    enabled: q !== '',
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
