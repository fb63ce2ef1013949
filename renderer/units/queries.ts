import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import type { PairingInput, UnitInput, UnitListQuery } from '../../shared/contract/units';
import { invalidateDirectory, keys } from '../app/queryClient';

export function useUnitList(q: UnitListQuery) {
  return useQuery({
    queryKey: keys.unitList(q),
    queryFn: () => call('units.list', q),
    // Paging and sorting keep the old page on screen until the new one arrives: no flicker to empty.
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: number | undefined) {
  return useQuery({
    queryKey: keys.unit(id ?? 0),
    queryFn: () => call('units.get', { id: id! }),
    enabled: id !== undefined,
    staleTime: 0,
  });
}

/**
 * Opens a unit's dialog once its detail is loaded (a local call: milliseconds), so the form appears filled
 * instead of flashing a loading dialog first. A failure still opens it, which then shows the message.
 */
export function useOpenUnit(open: (id: number) => void) {
  const qc = useQueryClient();
  return (id: number) => {
    void qc
      .prefetchQuery({ queryKey: keys.unit(id), queryFn: () => call('units.get', { id }), staleTime: 0 })
      .finally(() => open(id));
  };
}

export function useSaveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitInput) => call('units.save', input),
    onSuccess: () => invalidateDirectory(qc),
  });
}

export function useDeleteUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('units.delete', { id }),
    onSuccess: () => invalidateDirectory(qc),
  });
}

/** Saving and removing pairings; the caller invalidates once when a batch is done. */
export const savePairing = (input: PairingInput) => call('pairings.save', input);
export const deletePairing = (id: number) => call('pairings.delete', { id });
