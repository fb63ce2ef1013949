import { QueryClient, type QueryClient as QC } from '@tanstack/react-query';

/**
 * A local app: there is no "offline" (networkMode 'always'), a failed save must not be silently retried,
 * and switching windows back to the app must not reload what the clerk is looking at.
 */
export function createQueryClient(): QC {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', refetchOnWindowFocus: false, retry: false, staleTime: 30_000 },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

/** Query keys in one place, so a change can invalidate everything it touches. */
export const keys = {
  settings: ['settings'] as const,
  appInfo: ['app.info'] as const,
  communities: ['communities'] as const,
  units: ['units'] as const,
  unitList: (q: object) => ['units', 'list', q] as const,
  unit: (id: number) => ['units', 'detail', id] as const,
  allocation: ['allocation'] as const,
  meetings: ['meetings'] as const,
  meetingList: (q: object) => ['meetings', 'list', q] as const,
  meeting: (id: number) => ['meetings', 'detail', id] as const,
  supervision: ['supervision'] as const,
  needs: ['needs'] as const,
  resources: ['resources'] as const,
  projects: ['projects'] as const,
  auth: ['auth.status'] as const,
  oplog: ['oplog'] as const,
  recycle: ['recycle'] as const,
  backup: ['backup'] as const,
  members: ['members'] as const,
  evaluation: ['evaluation'] as const,
  dashboard: ['dashboard'] as const,
  options: ['options'] as const,
  search: (q: string) => ['search', q] as const,
};

/** After a change to needs, resources or projects: matching moves statuses across all three lists. */
export function invalidateLists(qc: QC): Promise<void> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: keys.needs }),
    qc.invalidateQueries({ queryKey: keys.resources }),
    qc.invalidateQueries({ queryKey: keys.projects }),
  ]).then(() => undefined);
}

/** After any change to units, communities or pairings: every directory view is out of date. */
export function invalidateDirectory(qc: QC): Promise<void> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: keys.units }),
    qc.invalidateQueries({ queryKey: keys.communities }),
    qc.invalidateQueries({ queryKey: keys.allocation }),
  ]).then(() => undefined);
}
