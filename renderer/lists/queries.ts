import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../shared/contract';
import type { NeedDetail, NeedListQuery, ResourceListQuery } from '../../shared/contract/lists';
import { call } from '../api/client';
import { invalidateLists, keys } from '../app/queryClient';

export function useNeedList(q: NeedListQuery) {
  return useQuery({
    queryKey: [...keys.needs, 'list', q],
    queryFn: () => call('needs.list', q),
    placeholderData: keepPreviousData,
  });
}

export const needKey = (id: number | undefined) => [...keys.needs, 'detail', id];

/** One need as it is now: refetched after every write of the lists, so a dialog on it never shows a stale state. */
export function useNeed(id: number | undefined, initialData?: NeedDetail) {
  return useQuery({
    queryKey: needKey(id),
    queryFn: () => call('needs.get', { id: id! }),
    enabled: id !== undefined,
    staleTime: 0,
    initialData,
  });
}

export function useNeedCategories() {
  return useQuery({ queryKey: [...keys.needs, 'categories'], queryFn: () => call('needs.categories', {}) });
}

export function useResourceList(q: ResourceListQuery) {
  return useQuery({
    queryKey: [...keys.resources, 'list', q],
    queryFn: () => call('resources.list', q),
    placeholderData: keepPreviousData,
  });
}

export function useResource(id: number | undefined) {
  return useQuery({
    queryKey: [...keys.resources, 'detail', id],
    queryFn: () => call('resources.get', { id: id! }),
    enabled: id !== undefined,
    staleTime: 0,
  });
}

export function useResourcesForNeed(needId: number | undefined) {
  return useQuery({
    queryKey: [...keys.needs, 'match', needId],
    queryFn: () => call('matching.forNeed', { id: needId! }),
    enabled: needId !== undefined,
    staleTime: 0,
  });
}

export function useNeedsForResource(resourceId: number | undefined) {
  return useQuery({
    queryKey: [...keys.resources, 'match', resourceId],
    queryFn: () => call('matching.forResource', { id: resourceId! }),
    enabled: resourceId !== undefined,
    staleTime: 0,
  });
}

type Writer =
  'needs.save' | 'needs.setStatus' | 'needs.delete' | 'resources.save' | 'resources.delete' | 'matching.createProject';

/** Any write of the lists: afterwards every list view is refetched (matching moves statuses in all three). */
export function useListWrite<C extends Writer>(channel: C) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<C>) => call(channel, input),
    onSuccess: () => invalidateLists(qc),
  });
}
