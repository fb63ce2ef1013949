import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import type { CommunityInput } from '../../shared/contract/units';
import { invalidateDirectory, keys } from '../app/queryClient';

export function useCommunities() {
  return useQuery({ queryKey: keys.communities, queryFn: () => call('communities.list', {}) });
}

export function useSaveCommunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CommunityInput) => call('communities.save', input),
    onSuccess: () => invalidateDirectory(qc),
  });
}

export function useDeleteCommunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('communities.delete', { id }),
    onSuccess: () => invalidateDirectory(qc),
  });
}
