import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { paths } from '../app/paths';
import { useBackupStatus } from './queries';

/** The backup warning for the 工作台 home page, with the way to 数据备份; a note while a backup runs. Nothing when all is well. */
export function BackupWarning() {
  const status = useBackupStatus();
  const warning = status.data?.warning;
  if (status.data?.running && !warning)
    return (
      <Alert severity="info" sx={{ mb: 2 }}>
        正在后台备份数据，可以照常工作。
      </Alert>
    );
  if (!warning) return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      action={
        <Button component={RouterLink} to={paths.backup} color="inherit" size="small" sx={{ whiteSpace: 'nowrap' }}>
          去数据备份
        </Button>
      }
    >
      {warning}
    </Alert>
  );
}
