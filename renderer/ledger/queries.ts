import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../shared/contract';
import type { ProjectListQuery } from '../../shared/contract/ledger';
import { call } from '../api/client';
import { invalidateLists, keys } from '../app/queryClient';

export function useProjectList(q: ProjectListQuery) {
  return useQuery({
    queryKey: [...keys.projects, 'list', q],
    queryFn: () => call('projects.list', q),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: [...keys.projects, 'detail', id],
    queryFn: () => call('projects.get', { id }),
    staleTime: 0,
  });
}

export function useProjectYears() {
  return useQuery({ queryKey: [...keys.projects, 'years'], queryFn: () => call('projects.years', {}) });
}

export function useLedgerByUnit(year: number | undefined) {
  return useQuery({ queryKey: [...keys.projects, 'byUnit', year], queryFn: () => call('projects.byUnit', { year }) });
}

type Writer =
  | 'projects.save'
  | 'projects.setStatus'
  | 'projects.delete'
  | 'projects.addProgress'
  | 'projects.applyClose'
  | 'projects.reviewClose';

/** A project write; projects move needs and resources too, so every list is refetched. */
export function useProjectWrite<C extends Writer>(channel: C) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: Input<C>) => call(channel, input), onSuccess: () => invalidateLists(qc) });
}
