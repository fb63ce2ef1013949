import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LoadError } from '../common/LoadState';
import { cnDate } from '../lists/gridStyle';
import { useUnitHours } from '../members/queries';
import { currentYear } from '../members/yearOptions';

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Stack spacing={0.25} sx={{ minWidth: 110 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body1">{value}</Typography>
    </Stack>
  );
}

/** Read-only: what this unit's members did in the community this year (from 在职党员双报到). */
export function UnitServiceSummary({ unitId }: { unitId: number }) {
  const year = currentYear();
  const hours = useUnitHours(year, unitId);
  // A unit with no reported member and no service this year has no row: all zero.
  const row = hours.data?.find((r) => r.unitId === unitId);
  return (
    <section aria-label="在职党员服务（本年度）">
      <Typography variant="subtitle1" fontWeight="bold" sx={{ mb: 1 }}>
        在职党员服务（本年度）
        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          {year}年，来自在职党员双报到的服务记实
        </Typography>
      </Typography>
      {hours.isError ? (
        <LoadError error={hours.error} onRetry={() => void hours.refetch()} />
      ) : (
        <Stack direction="row" spacing={3}>
          <Figure label="报到党员（在册）" value={hours.isSuccess ? `${row?.activeMembers ?? 0}人` : '…'} />
          <Figure label="本年服务时长" value={hours.isSuccess ? `${row?.hours ?? 0}小时` : '…'} />
          <Figure label="服务活动" value={hours.isSuccess ? `${row?.activities ?? 0}次` : '…'} />
          <Figure
            label="最近服务"
            value={hours.isSuccess ? (row?.lastServedOn ? cnDate(row.lastServedOn) : '—') : '…'}
          />
        </Stack>
      )}
    </section>
  );
}
