import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import type { ChannelName, Input, Output } from '../../shared/contract';
import type { MeetingDetail, MeetingListQuery, SupervisionQuery } from '../../shared/contract/meetings';
import type { Unit } from '../../shared/contract/units';
import { keys } from '../app/queryClient';
import { useNotify } from '../common/Notifier';

export function useMeetingList(q: MeetingListQuery) {
  return useQuery({
    queryKey: keys.meetingList(q),
    queryFn: () => call('meetings.list', q),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: keys.meeting(id), queryFn: () => call('meetings.get', { id }), staleTime: 0 });
}

export function useMeetingKinds() {
  // 会议类型 is one of 设置's option lists: the same cache entry as renderer/options useOptionList.
  return useQuery({
    queryKey: [...keys.options, 'meetingKinds'],
    queryFn: () => call('options.get', { list: 'meetingKinds' }),
    select: (r) => ({ kinds: r.items }),
  });
}

/** 出席统计 of one year (or all years) over held meetings. */
export function useAttendanceRates(year: number | null) {
  return useQuery({
    queryKey: [...keys.meetings, 'attendance', year],
    queryFn: () => call('meetings.attendanceRates', year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {}),
    staleTime: 0,
  });
}

export function useSupervisionList(q: SupervisionQuery) {
  return useQuery({
    queryKey: [...keys.supervision, 'list', q],
    queryFn: () => call('supervision.list', q),
    placeholderData: keepPreviousData,
  });
}

export function useSupervisionItem(id: number | null) {
  return useQuery({
    queryKey: [...keys.supervision, 'detail', id],
    queryFn: () => call('supervision.get', { id: id! }),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useSupervisionSummary() {
  return useQuery({
    queryKey: [...keys.supervision, 'summary'],
    queryFn: () => call('supervision.summary', {}),
    staleTime: 0,
  });
}

/** Every 督办 and meeting view is out of date after a change to decisions or feedback. */
export function invalidateMeetings(qc: QueryClient): Promise<void> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: keys.meetings }),
    qc.invalidateQueries({ queryKey: keys.supervision }),
  ]).then(() => undefined);
}

/** A mutation whose answer is the whole meeting: the detail cache is replaced, lists refresh. */
export function useMeetingMutation<C extends ChannelName>(channel: C) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<C>) => call(channel, input),
    onSuccess: (out: Output<C>) => {
      const m = out as unknown as Partial<MeetingDetail>;
      if (m && typeof m === 'object' && 'agenda' in m && m.id) qc.setQueryData(keys.meeting(m.id), m);
      void invalidateMeetings(qc);
    },
  });
}

/**
 * All active units and the communities, for the invitee and 责任单位 pickers. The directory is read in pages of
 * 100 (the list channel's cap); a street has at most a few hundred units.
 */
export function useUnitOptions() {
  return useQuery({
    queryKey: ['units', 'all-options'],
    queryFn: async () => {
      const units: Unit[] = [];
      for (let page = 0; ; page++) {
        const r = await call('units.list', { page, pageSize: 100, status: 'active' });
        units.push(...r.rows);
        if (units.length >= r.total || r.rows.length === 0) break;
      }
      const communities = await call('communities.list', {});
      return { units, communities };
    },
  });
}

type ExportChannel =
  | 'meetings.exportNotice'
  | 'meetings.exportSignInDocx'
  | 'meetings.exportSignInXlsx'
  | 'meetings.exportMinutesDocx'
  | 'meetings.exportMinutesPdf'
  | 'meetings.exportAttendance'
  | 'supervision.export';

/** Like common/useFileAction, for exports that take an input (which meeting, which filter). */
export function useExport() {
  const notify = useNotify();
  const m = useMutation({
    mutationFn: (v: { channel: ExportChannel; input: Input<ExportChannel> }): Promise<Output<'supervision.export'>> =>
      call(v.channel, v.input as never),
    onSuccess: (r) => {
      if (r.saved) notify.success(`已导出：${r.path}`);
    },
    onError: (e) => notify.error(e),
  });
  return {
    run: <C extends ExportChannel>(channel: C, input: Input<C>) => m.mutate({ channel, input }),
    busy: m.isPending,
  };
}
