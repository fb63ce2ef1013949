import Chip from '@mui/material/Chip';
import { UNIT_STATUS_LABELS, type UnitStatus } from '../../shared/domain/units';

export function StatusChip({ status }: { status: UnitStatus }) {
  return (
    <Chip
      size="small"
      label={UNIT_STATUS_LABELS[status]}
      color={status === 'active' ? 'success' : 'default'}
      variant="outlined"
      sx={{ fontWeight: 500 }}
    />
  );
}
