import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import AddIcon from '@mui/icons-material/Add';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import VolunteerActivismOutlined from '@mui/icons-material/VolunteerActivismOutlined';
import { MEMBER_SORT_FIELDS, type Member } from '../../shared/contract/members';
import { MEMBER_STATUS_LABELS, MEMBER_STATUSES, type MemberStatus } from '../../shared/domain/members';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { PageHeader } from '../common/PageHeader';
import { useDebounced } from '../common/useDebounced';
import { useFileAction } from '../common/useFileAction';
import { useCommunities } from '../communities/queries';
import { cnDate, gridSx } from '../lists/gridStyle';
import type { UnitRef } from '../lists/UnitPicker';
import { useOpenFromLink } from '../search/useOpenFromLink';
import { useUnit } from '../units/queries';
import { UnitFilter } from './UnitFilter';
import { ServiceTab, UnitHoursTab } from './ServiceTabs';
import { invalidateMembers, useMemberList } from './queries';
import { currentYear, yearOptions } from './yearOptions';
import { FilterSelect } from '../common/FilterSelect';

const MemberDialog = lazy(() => import('./MemberDialog'));
const ActivityDialog = lazy(() => import('./ActivityDialog'));
const SheetImportDialog = lazy(() => import('./SheetImportDialog'));
const PostsDialog = lazy(() => import('./PostsDialog'));

type SortField = (typeof MEMBER_SORT_FIELDS)[number];
const isSortField = (f: string): f is SortField => (MEMBER_SORT_FIELDS as readonly string[]).includes(f);
type Tabs = 'roster' | 'service' | 'units';

/** A link's ?year= when it is one of the years offered, else this year. */
function linkedYear(v: string | null): number {
  const y = Number(v);
  return yearOptions().includes(y) ? y : currentYear();
}

/** 在职党员双报到: the roster, the 服务记实 and each unit's hours for the year. */
export default function MembersPage() {
  const qc = useQueryClient();
  // The dashboard opens the roster with ?year=&unit=; 全局搜索 opens a member with ?id=.
  const [params] = useSearchParams();
  const [tab, setTab] = useState<Tabs>('roster');
  const [year, setYear] = useState(() => linkedYear(params.get('year')));
  const [search, setSearch] = useState('');
  const [communityId, setCommunityId] = useState<number | ''>('');
  const [status, setStatus] = useState<MemberStatus | ''>('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [sort, setSort] = useState<GridSortModel>([{ field: 'name', sort: 'asc' }]);
  const [editing, setEditing] = useState<{ member?: Member } | null>(null);
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState<'roster' | 'records' | null>(null);
  const [fullPhones, setFullPhones] = useState(false);
  const [editingPosts, setEditingPosts] = useState(false);
  const [unit, setUnit] = useState<UnitRef | null>(() => {
    const id = Number(params.get('unit'));
    return Number.isInteger(id) && id > 0 ? { id, name: '' } : null;
  });
  // A linked unit arrives as an id only; its name is looked up for the filter box.
  const linkedUnit = useUnit(unit?.name === '' ? unit.id : undefined);
  const shownUnit = unit?.name === '' && linkedUnit.data ? { id: unit.id, name: linkedUnit.data.name } : unit;
  const q = useDebounced(search.trim(), 300);
  const s = sort[0];
  const list = useMemberList({
    year,
    page: paging.page,
    pageSize: paging.pageSize,
    search: q,
    communityId: communityId || undefined,
    unitId: unit?.id,
    status: status || undefined,
    sortBy: s && isSortField(s.field) ? s.field : 'name',
    sortDir: s?.sort === 'desc' ? 'desc' : 'asc',
  });
  const communities = useCommunities();
  const exportRoster = useFileAction('members.exportRoster', () => ({
    year,
    fullPhones,
    communityId: communityId || undefined,
  }));
  const notify = useNotify();
  useOpenFromLink((id) => {
    qc.fetchQuery({
      queryKey: [...keys.members, 'detail', id, year],
      queryFn: () => call('members.get', { id, year }),
      staleTime: 0,
    }).then(
      (member) => setEditing({ member }),
      (e: unknown) => notify.error(e),
    );
  });
  const rosterTemplate = useFileAction('members.importTemplate');
  const recordTemplate = useFileAction('service.importTemplate');
  const recordDoc = useMutation({
    mutationFn: (memberId: number) => call('members.exportRecordDocx', { memberId, year, fullPhone: fullPhones }),
    onSuccess: (r) => r.saved && notify.success(`已导出：${r.path}`),
    onError: (e) => notify.error(e),
  });

  const columns: GridColDef<Member>[] = [
    { field: 'name', headerName: '姓名', width: 100 },
    { field: 'unitName', headerName: '工作单位', flex: 1, minWidth: 160 },
    { field: 'communityName', headerName: '报到社区', width: 120 },
    { field: 'reportedOn', headerName: '报到日期', width: 130, valueFormatter: (v: string | null) => cnDate(v) },
    { field: 'post', headerName: '认领岗位', width: 120, sortable: false },
    {
      field: 'status',
      headerName: '状态',
      width: 70,
      sortable: false,
      valueFormatter: (v: MemberStatus) => MEMBER_STATUS_LABELS[v],
    },
    { field: 'activities', headerName: '本年次数', width: 90, sortable: false },
    { field: 'hours', headerName: '本年时长（小时）', width: 130 },
    { field: 'lastServedOn', headerName: '最近服务', width: 130, valueFormatter: (v: string | null) => cnDate(v) },
    {
      field: 'doc',
      headerName: '工作记实',
      width: 100,
      sortable: false,
      renderCell: (p) => (
        <Button
          size="small"
          aria-label={`导出${p.row.name}的工作记实`}
          disabled={recordDoc.isPending}
          onClick={(e) => {
            e.stopPropagation();
            recordDoc.mutate(p.row.id);
          }}
        >
          导出
        </Button>
      ),
    },
  ];
  const total = list.data?.total ?? 0;
  const filtered = q !== '' || communityId !== '' || status !== '' || unit !== null;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader title="在职党员双报到" subtitle={`${year}年`}>
        <TextField
          select
          size="small"
          label="年度"
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          sx={{ width: 110 }}
        >
          {yearOptions().map((y) => (
            <MenuItem key={y} value={y}>
              {y}年
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" startIcon={<VolunteerActivismOutlined />} onClick={() => setRecording(true)}>
          登记服务活动
        </Button>
        <Button startIcon={<AddIcon />} onClick={() => setEditing({})}>
          登记党员
        </Button>
        <Button onClick={() => setEditingPosts(true)}>服务岗位</Button>
      </PageHeader>
      <Tabs value={tab} onChange={(_e, v: Tabs) => setTab(v)} sx={{ mb: 1.5 }}>
        <Tab value="roster" label="党员名册" />
        <Tab value="service" label="服务记实" />
        <Tab value="units" label="按单位统计" />
      </Tabs>
      {tab === 'roster' && (
        <>
          <Stack direction="row" spacing={1.5} sx={{ mb: 1.5 }} alignItems="center">
            <TextField
              size="small"
              label="查找"
              placeholder="姓名、单位或岗位"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <FilterSelect
              label="报到社区"
              value={communityId}
              allLabel="全部"
              options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={setCommunityId}
              width={150}
            />
            <UnitFilter value={shownUnit} onChange={setUnit} />
            <FilterSelect
              label="状态"
              value={status}
              allLabel="全部"
              options={MEMBER_STATUSES.map((st) => ({ value: st, label: MEMBER_STATUS_LABELS[st] }))}
              onChange={setStatus}
              width={100}
            />
            <Box sx={{ flex: 1 }} />
            <FormControlLabel
              control={<Checkbox checked={fullPhones} onChange={(e) => setFullPhones(e.target.checked)} />}
              label="完整电话"
              title="勾选后导出的名册和工作记实显示完整电话"
              sx={{ whiteSpace: 'nowrap', mr: 0 }}
            />
            <Button
              startIcon={<FileDownloadOutlined />}
              onClick={exportRoster.run}
              disabled={exportRoster.busy}
              aria-label="导出名册与服务记实"
              title="导出名册与服务记实（.xlsx），电话默认隐去中间四位"
              sx={{ whiteSpace: 'nowrap' }}
            >
              导出
            </Button>
            <Button
              startIcon={<UploadFileOutlined />}
              onClick={() => setImporting('roster')}
              sx={{ whiteSpace: 'nowrap' }}
            >
              导入名册
            </Button>
            <Button
              startIcon={<UploadFileOutlined />}
              onClick={() => setImporting('records')}
              sx={{ whiteSpace: 'nowrap' }}
            >
              导入记实
            </Button>
          </Stack>
          {list.isError ? (
            <LoadError error={list.error} onRetry={() => void list.refetch()} />
          ) : list.isSuccess && total === 0 && !filtered ? (
            <EmptyState message="还没有登记在职党员。可以逐个登记，也可以导入社区的双报到名册。" />
          ) : (
            <Paper variant="outlined" sx={{ flex: 1, minHeight: 300 }}>
              <DataGrid
                rows={list.data?.rows ?? []}
                columns={columns}
                rowCount={total}
                loading={list.isFetching}
                paginationMode="server"
                sortingMode="server"
                paginationModel={paging}
                onPaginationModelChange={setPaging}
                sortModel={sort}
                onSortModelChange={setSort}
                pageSizeOptions={[25, 50, 100]}
                onRowClick={(p) => setEditing({ member: p.row })}
                disableColumnMenu
                sx={gridSx}
                aria-label="在职党员名册"
              />
            </Paper>
          )}
        </>
      )}
      {tab === 'service' && <ServiceTab year={year} />}
      {tab === 'units' && <UnitHoursTab year={year} />}
      <Suspense>
        {editing && <MemberDialog member={editing.member} onClose={() => setEditing(null)} />}
        {recording && <ActivityDialog onClose={() => setRecording(false)} />}
        {editingPosts && <PostsDialog onClose={() => setEditingPosts(false)} />}
        {importing && (
          <SheetImportDialog
            title={importing === 'roster' ? '导入在职党员名册' : '导入服务记实'}
            hint={
              importing === 'roster'
                ? '常见的列：姓名、工作单位、报到社区、报到日期、认领岗位、联系电话、状态。单位和社区须已在名录中；同一单位的同名党员视为同一人。'
                : '常见的列：服务日期、姓名、工作单位、服务内容、服务时长（小时）、服务社区。党员须已在名册中；同一天、同一服务内容、同一社区的行记为一次活动。'
            }
            preview={(f) => call(importing === 'roster' ? 'members.importPreview' : 'service.importPreview', f)}
            commit={(previewId) =>
              call(importing === 'roster' ? 'members.importCommit' : 'service.importCommit', { previewId })
            }
            onDone={() => void invalidateMembers(qc)}
            template={importing === 'roster' ? rosterTemplate : recordTemplate}
            onClose={() => setImporting(null)}
          />
        )}
      </Suspense>
    </Box>
  );
}
