import Chip from '@mui/material/Chip';
import {
  NEED_STATUS_LABELS,
  PROJECT_STATUS_LABELS,
  RESOURCE_STATUS_LABELS,
  type NeedStatus,
  type ProjectStatus,
  type ResourceStatus,
} from '../../shared/domain/lists';

type Color = 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info';

const NEED_COLORS: Record<NeedStatus, Color> = {
  open: 'warning',
  matched: 'info',
  in_progress: 'primary',
  done: 'success',
  rejected: 'default',
};
const RESOURCE_COLORS: Record<ResourceStatus, Color> = { available: 'success', matched: 'info', paused: 'default' };
const PROJECT_COLORS: Record<ProjectStatus, Color> = {
  planning: 'default',
  active: 'primary',
  pending_close: 'warning',
  closed: 'success',
  terminated: 'default',
};

export const NeedStatusChip = ({ status }: { status: NeedStatus }) => (
  <Chip size="small" variant="outlined" color={NEED_COLORS[status]} label={NEED_STATUS_LABELS[status]} />
);
export const ResourceStatusChip = ({ status, expired }: { status: ResourceStatus; expired?: boolean }) =>
  expired ? (
    <Chip size="small" variant="outlined" color="error" label="已过期" />
  ) : (
    <Chip size="small" variant="outlined" color={RESOURCE_COLORS[status]} label={RESOURCE_STATUS_LABELS[status]} />
  );
export const ProjectStatusChip = ({ status }: { status: ProjectStatus }) => (
  <Chip size="small" variant="outlined" color={PROJECT_COLORS[status]} label={PROJECT_STATUS_LABELS[status]} />
);

/** 逾期 / 停滞 warnings: what the ledger must never let slip silently. */
export function ProjectFlags({
  overdue,
  overdueDays,
  stalled,
  idleDays,
}: {
  overdue: boolean;
  overdueDays: number;
  stalled: boolean;
  idleDays: number | null;
}) {
  return (
    <>
      {overdue && <Chip size="small" color="error" label={`逾期${overdueDays}天`} sx={{ mr: 0.5 }} />}
      {stalled && <Chip size="small" color="warning" label={`停滞${idleDays}天`} />}
    </>
  );
}
