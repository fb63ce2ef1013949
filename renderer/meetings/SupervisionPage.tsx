import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { ServerGrid } from '../common/ServerGrid';
import type { SupervisionItem } from '../../shared/contract/meetings';
import type { Unit } from '../../shared/contract/units';
import { SUPERVISION_STATUS_LABELS, SUPERVISION_STATUSES, type SupervisionStatus } from '../../shared/domain/meetings';
import { LoadError } from '../common/LoadState';
import { PageHeader } from '../common/PageHeader';
import { useExport, useMeetingList, useSupervisionList, useUnitOptions } from './queries';
import { FilterSelect } from '../common/FilterSelect';

const SupervisionDialog = lazy(() => import('./SupervisionDialog'));

const STATUS_COLOR: Record<SupervisionStatus, 'default' | 'info' | 'success' | 'error'> = {
  notStarted: 'default',
  inProgress: 'info',
  closed: 'success',
  overdue: 'error',
};

// A localeText prop replaces the theme's Chinese texts, so they are spread in first.

const columns: GridColDef<SupervisionItem>[] = [
  { field: 'content', headerName: '议定事项', flex: 2, minWidth: 220, sortable: false },
  { field: 'leadUnitName', headerName: '责任单位', flex: 1, minWidth: 130, sortable: false },
  {
    field: 'partners',
    headerName: '配合单位',
    flex: 1,
    minWidth: 120,
    sortable: false,
    valueGetter: (_v, r) => r.partners.map((p) => p.name).join('、'),
  },
  { field: 'deadline', headerName: '完成时限', width: 110, sortable: false },
  {
    field: 'status',
    headerName: '状态',
    width: 90,
    sortable: false,
    renderCell: (p) =>
      p.row.status && (
        <Chip size="small" label={SUPERVISION_STATUS_LABELS[p.row.status]} color={STATUS_COLOR[p.row.status]} />
      ),
  },
  { field: 'meetingTitle', headerName: '会议', flex: 1.2, minWidth: 180, sortable: false },
];

/** 督办事项 across all meetings, with the filters clerks use and the 督办清单 export. */
export default function SupervisionPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as SupervisionStatus | '';
  const dueThisWeek = params.get('week') === '1';
  const openId = params.get('item') ? Number(params.get('item')) : null;
  const [unit, setUnit] = useState<Unit | null>(null);
  const [meetingId, setMeetingId] = useState<number | ''>('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const units = useUnitOptions();
  const meetings = useMeetingList({ pageSize: 100 });
  const exporter = useExport();
  const filter = { unitId: unit?.id, meetingId: meetingId || undefined, status: status || undefined, dueThisWeek };
  const list = useSupervisionList({ ...paging, ...filter });

  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
    setPaging((p) => ({ ...p, page: 0 }));
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader title="督办事项" subtitle="联席会议议定事项的落实、反馈与审核">
        <Button
          startIcon={<FileDownloadOutlined />}
          disabled={exporter.busy}
          onClick={() => exporter.run('supervision.export', filter)}
        >
          导出督办清单
        </Button>
      </PageHeader>
      <Stack direction="row" spacing={2} sx={{ mb: 1.5 }} alignItems="center">
        <Autocomplete<Unit>
          size="small"
          sx={{ width: 220 }}
          options={units.data?.units ?? []}
          value={unit}
          getOptionLabel={(u) => u.name}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={(_e, u) => setUnit(u)}
          renderInput={(p) => <TextField {...p} label="单位" />}
        />
        <FilterSelect
          label="会议"
          value={meetingId}
          allLabel="全部会议"
          options={(meetings.data?.rows ?? []).map((m) => ({ value: m.id, label: m.title }))}
          onChange={setMeetingId}
          width={240}
        />
        <FilterSelect
          label="状态"
          value={status}
          allLabel="全部"
          options={SUPERVISION_STATUSES.map((s) => ({ value: s, label: SUPERVISION_STATUS_LABELS[s] }))}
          onChange={(v) => setParam('status', v || null)}
          width={130}
        />
        <FormControlLabel
          control={<Checkbox checked={dueThisWeek} onChange={(e) => setParam('week', e.target.checked ? '1' : null)} />}
          label="本周到期"
        />
      </Stack>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ServerGrid
          label="督办事项列表"
          rows={list.data?.rows ?? []}
          columns={columns}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          paging={paging}
          onPagingChange={setPaging}
          onOpen={(id) => setParam('item', String(id))}
          openOnClick
          emptyText="没有符合条件的督办事项。会议中填写了责任单位的议定事项会列在这里。"
          sx={{ minHeight: 240 }}
        />
      )}
      <Suspense>{openId && <SupervisionDialog id={openId} onClose={() => setParam('item', null)} />}</Suspense>
    </Box>
  );
}
