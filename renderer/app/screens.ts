import { lazy } from 'react';

// Each screen is its own chunk: the data grid and the date pickers load with the screens that use them.
const loaders = {
  units: () => import('../units/UnitListPage'),
  communities: () => import('../communities/CommunityListPage'),
  allocation: () => import('../allocation/AllocationPage'),
  settings: () => import('../settings/SettingsPage'),
  home: () => import('../home/HomePage'),
  meetings: () => import('../meetings/MeetingListPage'),
  meeting: () => import('../meetings/MeetingPage'),
  supervision: () => import('../meetings/SupervisionPage'),
  needs: () => import('../lists/NeedListPage'),
  resources: () => import('../lists/ResourceListPage'),
  matching: () => import('../lists/MatchingPage'),
  ledger: () => import('../ledger/LedgerPage'),
  project: () => import('../ledger/ProjectPage'),
  oplog: () => import('../oplog/OplogPage'),
  recycle: () => import('../recycle/RecyclePage'),
  backup: () => import('../backup/BackupPage'),
  members: () => import('../members/MembersPage'),
  evaluation: () => import('../evaluation/EvaluationPage'),
  dashboard: () => import('../dashboard/DashboardPage'),
};

export const UnitListPage = lazy(loaders.units);
export const CommunityListPage = lazy(loaders.communities);
export const AllocationPage = lazy(loaders.allocation);
export const SettingsPage = lazy(loaders.settings);
export const HomePage = lazy(loaders.home);
export const MeetingListPage = lazy(loaders.meetings);
export const MeetingPage = lazy(loaders.meeting);
export const SupervisionPage = lazy(loaders.supervision);
export const NeedListPage = lazy(loaders.needs);
export const ResourceListPage = lazy(loaders.resources);
export const MatchingPage = lazy(loaders.matching);
export const LedgerPage = lazy(loaders.ledger);
export const ProjectPage = lazy(loaders.project);
export const OplogPage = lazy(loaders.oplog);
export const RecyclePage = lazy(loaders.recycle);
export const BackupPage = lazy(loaders.backup);
export const MembersPage = lazy(loaders.members);
export const EvaluationPage = lazy(loaders.evaluation);
export const DashboardPage = lazy(loaders.dashboard);

/** Loads every screen's chunk in the background after the first paint, so switching screens never waits. */
export function preloadScreens(): void {
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}
