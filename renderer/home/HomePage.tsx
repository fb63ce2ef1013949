import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import BarChartOutlined from '@mui/icons-material/BarChartOutlined';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LoadError, Loading } from '../common/LoadState';
import { PageHeader } from '../common/PageHeader';
import { paths } from '../app/paths';
import { useSupervisionSummary } from '../meetings/queries';
import { BackupWarning } from '../backup/BackupWarning';

function CountCard({
  label,
  count,
  to,
  tone,
}: {
  label: string;
  count: number;
  to: string;
  tone: 'error' | 'warning' | 'primary';
}) {
  return (
    <Card variant="outlined" sx={{ width: 220 }}>
      <CardActionArea component={RouterLink} to={to} aria-label={`${label}${count}项`}>
        <CardContent>
          <Typography color="text.secondary">{label}</Typography>
          <Typography variant="h3" component="p" color={count ? `${tone}.main` : 'text.secondary'}>
            {count}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            项督办事项
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** 工作台: what needs attention today, computed locally when the app opens (逾期 derived from today's date). */
export default function HomePage() {
  const summary = useSupervisionSummary();
  return (
    <Box>
      <PageHeader title="工作台" subtitle={summary.data ? `今天是 ${summary.data.today}` : undefined}>
        <Button component={RouterLink} to={paths.dashboard} variant="outlined" startIcon={<BarChartOutlined />}>
          数据看板
        </Button>
      </PageHeader>
      <BackupWarning />
      <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
        待办
      </Typography>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Stack direction="row" spacing={2} aria-label="待办">
          <CountCard
            label="逾期"
            count={summary.data.overdue}
            to={`${paths.supervision}?status=overdue`}
            tone="error"
          />
          <CountCard
            label="本周到期"
            count={summary.data.dueThisWeek}
            to={`${paths.supervision}?week=1`}
            tone="warning"
          />
          <CountCard label="未办结" count={summary.data.open} to={paths.supervision} tone="primary" />
        </Stack>
      )}
    </Box>
  );
}
