import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import type { SettingsInput } from '../../shared/contract/settings';
import { keys } from '../app/queryClient';

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => call('settings.get', {}), staleTime: Infinity });
}

export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: () => call('app.info', {}), staleTime: Infinity });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SettingsInput) => call('settings.save', input),
    onSuccess: (s) => qc.setQueryData(keys.settings, s),
  });
}
