import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListThresholds } from '../../shared/contract/options';
import type { OptionListName } from '../../shared/domain/options';
import { call } from '../api/client';
import { invalidateLists, keys } from '../app/queryClient';

export function useOptionList(list: OptionListName) {
  return useQuery({
    queryKey: [...keys.options, list],
    queryFn: () => call('options.get', { list }),
    select: (r) => r.items,
  });
}

export function useSaveOptionList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { list: OptionListName; items: string[] }) => call('options.save', input),
    onSuccess: (r) => {
      qc.setQueryData([...keys.options, r.list], r);
      // needs.categories merges the list with the categories in use.
      void qc.invalidateQueries({ queryKey: [...keys.needs, 'categories'] });
    },
  });
}

export function useThresholds() {
  return useQuery({ queryKey: [...keys.options, 'thresholds'], queryFn: () => call('options.thresholds', {}) });
}

export function useSaveThresholds() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ListThresholds) => call('options.saveThresholds', input),
    onSuccess: (r) => {
      qc.setQueryData([...keys.options, 'thresholds'], r);
      // 停滞 flags and 积压 colours are computed with the thresholds.
      void invalidateLists(qc);
    },
  });
}
