import { lazy, Suspense, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import { type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { ServerGrid } from '../common/ServerGrid';
import { useQuery } from '@tanstack/react-query';
import type { MeetingSummary } from '../../shared/contract/meetings';
import { MEETING_STATUS_LABELS, MEETING_STATUSES, type MeetingStatus } from '../../shared/domain/meetings';
import { call } from '../api/client';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadState';
import { PageHeader } from '../common/PageHeader';
import { useDebounced } from '../common/useDebounced';
import { useShortcut } from '../common/useShortcut';
import { paths } from '../app/paths';
import { AttendanceStats, type AttendanceRow } from './AttendanceStats';
import { useMeetingKinds, useMeetingList } from './queries';
import { FilterSelect } from '../common/FilterSelect';

const MeetingFormDialog = lazy(() => import('./MeetingFormDialog'));

// A localeText prop replaces the theme's Chinese texts, so they are spread in first.

const columns: GridColDef<MeetingSummary>[] = [
  { field: 'heldOn', headerName: '日期', width: 110, sortable: false },
  { field: 'title', headerName: '会议名称', flex: 1.5, minWidth: 220, sortable: false },
  { field: 'kind', headerName: '会议类型', width: 140, sortable: false },
  { field: 'place', headerName: '地点', flex: 1, minWidth: 120, sortable: false },
  {
    field: 'status',
    headerName: '状态',
    width: 110,
    sortable: false,
    valueFormatter: (v: MeetingStatus) => MEETING_STATUS_LABELS[v],
  },
  {
    field: 'presentCount',
    headerName: '出席/邀请',
    width: 100,
    sortable: false,
    valueGetter: (_v, r) => `${r.presentCount}/${r.inviteeCount}`,
  },
  { field: 'decisionCount', headerName: '议定事项', width: 90, sortable: false },
];

const KIND_LABEL = { minutes: '会议记录', decision: '议定事项', feedback: '反馈' } as const;

/** 联席会议: the list, 新建会议 (Ctrl+N), a search across minutes, decisions and feedback, and 出席统计. */
export default function MeetingListPage() {
  const navigate = useNavigate();
  const kinds = useMeetingKinds();
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState<MeetingStatus | ''>('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 300);
  // ?tab=attendance shows 出席统计; ?unit= / ?community= (with name and year) narrow the list to one invitee's meetings.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'attendance' ? 'attendance' : 'list';
  const invitee = {
    unitId: Number(params.get('unit')) || undefined,
    communityId: Number(params.get('community')) || undefined,
    year: Number(params.get('year')) || undefined,
  };
  const inviteeName = params.get('name') ?? '';
  const byInvitee = invitee.unitId !== undefined || invitee.communityId !== undefined;
  const openInvitee = (r: AttendanceRow, year: number | null) => {
    const next = new URLSearchParams({ name: r.name });
    if (r.unitId) next.set('unit', String(r.unitId));
    if (r.communityId) next.set('community', String(r.communityId));
    if (year) next.set('year', String(year));
    setPaging((p) => ({ ...p, page: 0 }));
    setParams(next);
  };
  const list = useMeetingList({
    ...paging,
    kind: kind || undefined,
    status: status || undefined,
    ...(byInvitee ? invitee : {}),
  });
  const hits = useQuery({
    queryKey: ['meetings', 'search', term],
    queryFn: () => call('meetings.search', { q: term }),
    enabled: term !== '',
  });
  useShortcut('n', () => setCreating(true), !creating);

  const empty = list.data?.total === 0 && !kind && !status && !byInvitee;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader title="联席会议" subtitle="出席、会议记录、议定事项与会议文件">
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          新建会议
        </Button>
      </PageHeader>
      {empty ? (
        <EmptyState
          icon={<GroupsOutlined />}
          message="还没有会议。新建一次会议，选择参会单位后即可登记出席、记录纪要。"
        >
          <Button variant="contained" onClick={() => setCreating(true)}>
            新建会议
          </Button>
        </EmptyState>
      ) : (
        <>
          <Tabs
            value={tab}
            onChange={(_e, v: string) => setParams(v === 'attendance' ? { tab: 'attendance' } : {})}
            sx={{ mb: 1.5, minHeight: 40, '& .MuiTab-root': { minHeight: 40 } }}
          >
            <Tab value="list" label="会议列表" />
            <Tab value="attendance" label="出席统计" />
          </Tabs>
          {tab === 'attendance' ? (
            <AttendanceStats onOpen={openInvitee} />
          ) : (
            <>
              <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1.5 }}>
                <FilterSelect
                  label="会议类型"
                  value={kind}
                  allLabel="全部"
                  options={(kinds.data?.kinds ?? []).map((k) => ({ value: k, label: k }))}
                  onChange={setKind}
                  width={180}
                />
                <FilterSelect
                  label="状态"
                  value={status}
                  allLabel="全部"
                  options={MEETING_STATUSES.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] }))}
                  onChange={setStatus}
                  width={140}
                />
                <TextField
                  size="small"
                  label="搜索纪要、议定事项、反馈"
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  sx={{ flex: 1, maxWidth: 360 }}
                />
                {byInvitee && (
                  <Chip
                    label={`参会：${inviteeName}${invitee.year ? `（${invitee.year}年）` : ''}`}
                    onDelete={() => setParams({})}
                    aria-label={`只看${inviteeName}参加的会议`}
                  />
                )}
              </Stack>
              {term && (
                <Paper variant="outlined" sx={{ mb: 1.5, maxHeight: 220, overflow: 'auto' }}>
                  {hits.data?.length === 0 && (
                    <Typography sx={{ p: 1.5 }} color="text.secondary">
                      没有找到“{term}”。
                    </Typography>
                  )}
                  <List dense aria-label="搜索结果">
                    {hits.data?.map((h, i) => (
                      <ListItemButton
                        key={i}
                        onClick={() =>
                          navigate(
                            h.kind === 'minutes'
                              ? paths.meeting(h.meetingId)
                              : `${paths.supervision}?item=${h.decisionId}`,
                          )
                        }
                      >
                        <ListItemText primary={h.snippet} secondary={`${KIND_LABEL[h.kind]} · ${h.meetingTitle}`} />
                      </ListItemButton>
                    ))}
                  </List>
                </Paper>
              )}
              {list.isError ? (
                <LoadError error={list.error} onRetry={() => void list.refetch()} />
              ) : (
                <ServerGrid
                  label="会议列表"
                  rows={list.data?.rows ?? []}
                  columns={columns}
                  total={list.data?.total ?? 0}
                  loading={list.isFetching}
                  paging={paging}
                  onPagingChange={setPaging}
                  onOpen={(id) => navigate(paths.meeting(id))}
                  openOnClick
                  emptyText="没有符合条件的会议"
                  sx={{ minHeight: 240 }}
                />
              )}
            </>
          )}
        </>
      )}
      <Suspense>
        {creating && (
          <MeetingFormDialog
            onClose={() => setCreating(false)}
            onCreated={(id) => {
              setCreating(false);
              navigate(paths.meeting(id));
            }}
          />
        )}
      </Suspense>
    </Box>
  );
}
