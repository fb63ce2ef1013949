import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import { LoadError, Loading } from '../common/LoadState';
import { useSettings } from '../settings/queries';
import { SetupWizard } from '../setup/SetupWizard';
import { AppLayout } from './AppLayout';
import { paths } from './paths';

/**
 * The first thing shown: the short setup until the street and committee are named (and the clerk has chosen
 * how to fill the directory), then the app itself. Never an empty table on first open.
 */
export function Root() {
  const settings = useSettings();
  const navigate = useNavigate();
  const location = useLocation();
  // The setup lives on '/' and stays there through its second step, after settings.save has already marked
  // the setup as done. Finishing navigates away (replace), and the app appears exactly when the route changes:
  // no moment where '/' would redirect over the place the setup sent the clerk to (?new=1).
  const [wizardActive, setWizardActive] = useState(false);
  const atHome = location.pathname === '/';
  if (wizardActive && settings.data?.setupDone && !atHome) setWizardActive(false);

  if (settings.isPending) {
    return (
      <Box sx={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Loading label="正在打开大工委工作台…" />
      </Box>
    );
  }
  if (settings.isError) {
    return (
      <Box sx={{ maxWidth: 560, mx: 'auto', mt: 12, px: 3 }}>
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      </Box>
    );
  }
  if (!settings.data.setupDone || (wizardActive && atHome)) {
    return (
      <SetupWizard
        settings={settings.data}
        onStart={() => {
          setWizardActive(true);
          if (!atHome) navigate('/', { replace: true });
        }}
        onFinish={(to) => navigate(to === 'manual' ? paths.newUnit : paths.units, { replace: true })}
      />
    );
  }
  return (
    <AppLayout settings={settings.data}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}
