import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../shared/contract';
import { call } from '../api/client';
import { keys } from '../app/queryClient';

export function useEvaluation(year: number) {
  return useQuery({ queryKey: [...keys.evaluation, year], queryFn: () => call('evaluation.compute', { year }) });
}

export function useUnitEvaluation(year: number, unitId: number | null) {
  return useQuery({
    queryKey: [...keys.evaluation, year, 'unit', unitId],
    queryFn: () => call('evaluation.unit', { year, unitId: unitId! }),
    enabled: unitId !== null,
  });
}

/** Any write to the evaluation: the ranking, the sheets and the dashboard's tables recompute. */
function useEvaluationWrite<
  C extends 'evaluation.saveSettings' | 'evaluation.saveScores' | 'evaluation.lock' | 'evaluation.unlock',
>(channel: C) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<C>) => call(channel, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.evaluation }),
  });
}

export const useSaveSettings = () => useEvaluationWrite('evaluation.saveSettings');
export const useSaveScores = () => useEvaluationWrite('evaluation.saveScores');
export const useLock = () => useEvaluationWrite('evaluation.lock');
export const useUnlock = () => useEvaluationWrite('evaluation.unlock');
