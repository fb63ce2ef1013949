import { Navigate, createHashRouter } from 'react-router';
import { paths } from './paths';
import { Root } from './Root';
import {
  AllocationPage,
  BackupPage,
  DashboardPage,
  EvaluationPage,
  MembersPage,
  OplogPage,
  RecyclePage,
  CommunityListPage,
  HomePage,
  LedgerPage,
  MatchingPage,
  MeetingListPage,
  MeetingPage,
  NeedListPage,
  ProjectPage,
  ResourceListPage,
  SettingsPage,
  SupervisionPage,
  UnitListPage,
} from './screens';

/** Hash routing: the Electron shell loads index.html from file://, where path routing cannot work. */
export const router = createHashRouter([
  {
    path: '/',
    element: <Root />,
    children: [
      { index: true, element: <Navigate to={paths.home} replace /> },
      { path: 'home', element: <HomePage /> },
      { path: 'meetings', element: <MeetingListPage /> },
      { path: 'meetings/:id', element: <MeetingPage /> },
      { path: 'supervision', element: <SupervisionPage /> },
      { path: 'needs', element: <NeedListPage /> },
      { path: 'resources', element: <ResourceListPage /> },
      { path: 'matching', element: <MatchingPage /> },
      { path: 'ledger', element: <LedgerPage /> },
      { path: 'ledger/:id', element: <ProjectPage /> },
      { path: 'units', element: <UnitListPage /> },
      { path: 'communities', element: <CommunityListPage /> },
      { path: 'allocation', element: <AllocationPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'oplog', element: <OplogPage /> },
      { path: 'recycle', element: <RecyclePage /> },
      { path: 'backup', element: <BackupPage /> },
      { path: 'members', element: <MembersPage /> },
      { path: 'evaluation', element: <EvaluationPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: '*', element: <Navigate to={paths.units} replace /> },
    ],
  },
]);
