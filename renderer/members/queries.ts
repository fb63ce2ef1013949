import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ActivityInput, MemberInput, MemberListQuery } from '../../shared/contract/members';
import { call } from '../api/client';
import { keys } from '../app/queryClient';

/** Service hours feed the evaluation and the dashboard: a change to members refreshes all three. */
export const invalidateMembers = (qc: QueryClient) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: keys.members }),
    qc.invalidateQueries({ queryKey: keys.evaluation }),
    qc.invalidateQueries({ queryKey: keys.dashboard }),
  ]).then(() => undefined);

export function useMemberList(q: MemberListQuery) {
  return useQuery({
    queryKey: [...keys.members, 'list', q],
    queryFn: () => call('members.list', q),
    placeholderData: keepPreviousData,
  });
}

export function useMemberOptions() {
  return useQuery({ queryKey: [...keys.members, 'options'], queryFn: () => call('members.options', {}) });
}

export function usePosts() {
  return useQuery({ queryKey: [...keys.members, 'posts'], queryFn: () => call('members.posts', {}) });
}

export function useActivities(year: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...keys.members, 'activities', year, page, pageSize],
    queryFn: () => call('service.activities', { year, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** Every unit's hours for the year, or one unit's (the 共建单位 dialog's 在职党员服务 section). */
export function useUnitHours(year: number, unitId?: number) {
  return useQuery({
    queryKey: [...keys.members, 'unitHours', year, unitId ?? 'all'],
    queryFn: () => call('service.unitHours', { year, unitId }),
  });
}

export function useSaveMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: MemberInput) => call('members.save', m),
    onSuccess: () => invalidateMembers(qc),
  });
}

export function useDeleteMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('members.delete', { id }),
    onSuccess: () => invalidateMembers(qc),
  });
}

export function useRecordActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: ActivityInput) => call('service.record', a),
    onSuccess: () => invalidateMembers(qc),
  });
}

export function useDeleteActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('service.deleteActivity', { id }),
    onSuccess: () => invalidateMembers(qc),
  });
}
