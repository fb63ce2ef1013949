import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AuthStatus } from '../../shared/contract/auth';
import { call } from '../api/client';
import { keys } from '../app/queryClient';

/**
 * The lock state. Polled every 30 s (the main side may have locked after its own idle timeout) and always
 * asked, whatever the browser thinks of the network: this is a local app.
 */
export function useAuthStatus() {
  return useQuery({
    queryKey: keys.auth,
    queryFn: () => call('auth.status', {}),
    refetchInterval: 30_000,
    refetchIntervalInBackground: true,
    networkMode: 'always',
    staleTime: 0,
  });
}

/** Puts a new status in the cache; when the app was just unlocked, reloads what failed while it was locked. */
function applyStatus(qc: QueryClient, next: AuthStatus): void {
  const before = qc.getQueryData<AuthStatus>(keys.auth);
  qc.setQueryData(keys.auth, next);
  if (before?.locked && !next.locked) {
    void qc.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
  }
}

export function useAuthAction<I>(fn: (input: I) => Promise<AuthStatus>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (s) => applyStatus(qc, s) });
}

export const unlock = (password: string) => call('auth.unlock', { password });
export const lock = () => call('auth.lock', {});
export const setOperator = (operatorName: string) => call('auth.setOperator', { operatorName });
export const setPassword = (i: { currentPassword: string; newPassword: string; idleMinutes: number }) =>
  call('auth.setPassword', i);
export const clearPassword = (currentPassword: string) => call('auth.clearPassword', { currentPassword });
export const setIdleMinutes = (idleMinutes: number) => call('auth.setIdleMinutes', { idleMinutes });
