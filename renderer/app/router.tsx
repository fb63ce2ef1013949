import { Navigate, createHashRouter } from 'react-router';
import { paths } from './paths';
import { Root } from './Root';
import { AllocationPage, CommunityListPage, SettingsPage, UnitListPage } from './screens';

/** Hash routing: the Electron shell loads index.html from file://, where path routing cannot work. */
export const router = createHashRouter([
  {
    path: '/',
    element: <Root />,
    children: [
      { index: true, element: <Navigate to={paths.units} replace /> },
      { path: 'units', element: <UnitListPage /> },
      { path: 'communities', element: <CommunityListPage /> },
      { path: 'allocation', element: <AllocationPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to={paths.units} replace /> },
    ],
  },
]);
