import { lazy, Suspense, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { ServerGrid } from '../common/ServerGrid';
import AddIcon from '@mui/icons-material/Add';
import AssignmentOutlined from '@mui/icons-material/AssignmentOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { PROJECT_SORT_FIELDS, type Project, type ProjectListQuery } from '../../shared/contract/ledger';
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS, type ProjectStatus } from '../../shared/domain/lists';
import { THRESHOLD_DEFAULTS } from '../../shared/domain/options';
import { useThresholds } from '../options/queries';
import { paths } from '../app/paths';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadState';
import { PageHeader } from '../common/PageHeader';
import { useDebounced } from '../common/useDebounced';
import { useFileAction } from '../common/useFileAction';
import { cnDate } from '../lists/gridStyle';
import { ProjectFlags, ProjectStatusChip } from '../lists/StatusChips';
import { DualReportDialog } from './DualReportDialog';
import { useLedgerByUnit, useProjectList, useProjectYears } from './queries';
import { FilterSelect } from '../common/FilterSelect';

const ProjectDialog = lazy(() => import('./ProjectDialog'));
const ListImportDialog = lazy(() => import('../lists/ListImportDialog'));

type View = 'breakdown' | 'progress' | 'units';
type SortField = (typeof PROJECT_SORT_FIELDS)[number];
const isSortField = (f: string): f is SortField => (PROJECT_SORT_FIELDS as readonly string[]).includes(f);
const names = (xs: { name: string }[]) => xs.map((x) => x.name).join('、');
const deadline = (p: Project) => (p.longTerm ? '长期坚持' : p.deadlineText || cnDate(p.deadlineOn));

/** The 责任分解表: one row per project, the columns of the paper table. */
const breakdownColumns: GridColDef<Project>[] = [
  { field: 'name', headerName: '项目名称', minWidth: 170, flex: 1 },
  { field: 'goal', headerName: '项目目标', minWidth: 170, flex: 1, sortable: false },
  {
    field: 'leadUnits',
    headerName: '责任单位',
    width: 160,
    sortable: false,
    valueGetter: (_v, p) => names(p.leadUnits),
  },
  {
    field: 'supportUnits',
    headerName: '配合单位',
    width: 160,
    sortable: false,
    valueGetter: (_v, p) => names([...p.supportUnits, ...p.communities]),
  },
  { field: 'deadlineOn', headerName: '完成时限', width: 130, valueGetter: (_v, p) => deadline(p) },
  {
    field: 'status',
    headerName: '状态',
    width: 190,
    renderCell: (p) => (
      <>
        <ProjectStatusChip status={p.row.status} /> <ProjectFlags {...p.row} />
      </>
    ),
  },
];

/** The 进度台账: the current progress and how long since the last entry. */
const progressColumns: GridColDef<Project>[] = [
  { field: 'name', headerName: '项目名称', minWidth: 170, flex: 1 },
  {
    field: 'leadUnits',
    headerName: '责任单位',
    width: 160,
    sortable: false,
    valueGetter: (_v, p) => names(p.leadUnits),
  },
  { field: 'deadlineOn', headerName: '完成时限', width: 130, valueGetter: (_v, p) => deadline(p) },
  {
    field: 'progressPercent',
    headerName: '当前进度',
    width: 90,
    valueFormatter: (v: number | null) => (v === null ? '未登记' : `${v}%`),
  },
  { field: 'progressText', headerName: '最近进展', minWidth: 200, flex: 1, sortable: false },
  { field: 'progressOn', headerName: '最近登记', width: 130, valueFormatter: (v: string | null) => cnDate(v) },
  {
    field: 'status',
    headerName: '状态',
    width: 190,
    renderCell: (p) => (
      <>
        <ProjectStatusChip status={p.row.status} /> <ProjectFlags {...p.row} />
      </>
    ),
  },
];

/** 项目台账: the 责任分解表, the 进度台账 and each unit's share, with 逾期 / 停滞 standing out. */
export default function LedgerPage() {
  const navigate = useNavigate();
  const years = useProjectYears();
  const [view, setView] = useState<View>('breakdown');
  // The dashboard's project chart opens this list filtered: ?year=&status=&overdue=1.
  const [params] = useSearchParams();
  const [year, setYear] = useState<number | ''>(() => Number(params.get('year')) || '');
  const [status, setStatus] = useState<ProjectStatus | ''>(() => {
    const s = params.get('status') ?? '';
    return (PROJECT_STATUSES as readonly string[]).includes(s) ? (s as ProjectStatus) : '';
  });
  const [overdue, setOverdue] = useState(() => params.get('overdue') === '1');
  const [stalled, setStalled] = useState(false);
  const stallDays = useThresholds().data?.stallDays ?? THRESHOLD_DEFAULTS.stallDays;
  const [search, setSearch] = useState('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [sort, setSort] = useState<GridSortModel>([{ field: 'deadlineOn', sort: 'asc' }]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reporting, setReporting] = useState<{ id: number; name: string } | null>(null);
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(null);
  const q = useDebounced(search.trim(), 300);
  const sortItem = sort[0];
  const query: ProjectListQuery = {
    page: paging.page,
    pageSize: paging.pageSize,
    search: q,
    year: year === '' ? undefined : year,
    status: status || undefined,
    unitId: unit?.id,
    overdue: overdue || undefined,
    stalled: stalled || undefined,
    sortBy: sortItem && isSortField(sortItem.field) ? sortItem.field : 'deadlineOn',
    sortDir: sortItem?.sort === 'desc' ? 'desc' : 'asc',
  };
  const list = useProjectList(query);
  const byUnit = useLedgerByUnit(year === '' ? undefined : year);
  const yearInput = () => ({ year: year === '' ? undefined : year });
  const exportBreakdown = useFileAction('projects.exportBreakdown', yearInput);
  const exportProgress = useFileAction('projects.exportProgress', yearInput);
  const template = useFileAction('projects.importTemplate');
  const reset = () => setPaging((p) => ({ ...p, page: 0 }));
  const total = list.data?.total ?? 0;
  const filtered = q !== '' || year !== '' || status !== '' || overdue || stalled || unit !== null;
  const empty = list.isSuccess && total === 0 && !filtered;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        title="项目台账"
        subtitle={list.isSuccess && !empty ? `${filtered ? '符合条件的项目' : '共'} ${total} 个项目` : undefined}
      >
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          新增项目
        </Button>
        <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
          导入责任分解表
        </Button>
        <Button
          variant="outlined"
          startIcon={<FileDownloadOutlined />}
          onClick={exportBreakdown.run}
          disabled={empty || exportBreakdown.busy}
        >
          导出责任分解表
        </Button>
        <Button
          variant="outlined"
          startIcon={<FileDownloadOutlined />}
          onClick={exportProgress.run}
          disabled={empty || exportProgress.busy}
        >
          导出进度台账
        </Button>
      </PageHeader>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {empty ? (
        <Paper variant="outlined" sx={{ flex: 1, display: 'flex' }}>
          <EmptyState
            icon={<AssignmentOutlined fontSize="inherit" />}
            message="还没有项目。可以导入年度责任分解表，或由供需对接形成项目。"
          >
            <Button variant="contained" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
              导入责任分解表
            </Button>
            <Button variant="outlined" onClick={template.run} disabled={template.busy}>
              下载填报模板
            </Button>
          </EmptyState>
        </Paper>
      ) : (
        <>
          <Stack
            role="search"
            aria-label="筛选项目"
            direction="row"
            spacing={1.5}
            alignItems="center"
            sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1 }}
          >
            <TextField
              size="small"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                reset();
              }}
              placeholder="项目名称、目标、内容…"
              slotProps={{ htmlInput: { 'aria-label': '搜索项目' } }}
              sx={{ width: 220 }}
            />
            <FilterSelect
              label="年度"
              value={year}
              allLabel="全部年度"
              options={(years.data ?? []).map((y) => ({ value: y, label: `${y}年` }))}
              onChange={(v) => {
                setYear(v);
                reset();
              }}
              width={110}
            />
            <FilterSelect
              label="状态"
              value={status}
              allLabel="全部状态"
              options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
              onChange={(v) => {
                setStatus(v);
                reset();
              }}
              width={120}
            />
            <FormControlLabel
              control={
                <Switch
                  checked={overdue}
                  onChange={(e) => {
                    setOverdue(e.target.checked);
                    reset();
                  }}
                />
              }
              label="只看逾期"
            />
            <FormControlLabel
              control={
                <Switch
                  checked={stalled}
                  onChange={(e) => {
                    setStalled(e.target.checked);
                    reset();
                  }}
                />
              }
              label={`只看停滞（${stallDays}天无进度）`}
            />
            {unit && (
              <Chip
                label={`共建单位：${unit.name}`}
                onDelete={() => {
                  setUnit(null);
                  reset();
                }}
              />
            )}
          </Stack>
          <Tabs value={view} onChange={(_e, v: View) => setView(v)} sx={{ mb: 1 }} aria-label="台账视图">
            <Tab value="breakdown" label="责任分解表" />
            <Tab value="progress" label="进度台账" />
            <Tab value="units" label="按单位" />
          </Tabs>
          {view === 'units' ? (
            <Paper variant="outlined" sx={{ flex: 1, overflow: 'auto' }}>
              <Table size="small" stickyHeader aria-label="按单位统计">
                <TableHead>
                  <TableRow>
                    {['共建单位', '牵头项目', '配合项目', '进行中', '已销号', '逾期', '停滞', ''].map((h) => (
                      <TableCell key={h}>{h}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(byUnit.data ?? []).map((u) => (
                    <TableRow key={u.unitId} hover>
                      <TableCell>
                        <Link
                          component="button"
                          type="button"
                          onClick={() => {
                            setUnit({ id: u.unitId, name: u.unitName });
                            setView('breakdown');
                            reset();
                          }}
                        >
                          {u.unitName}
                        </Link>
                      </TableCell>
                      <TableCell>{u.lead}</TableCell>
                      <TableCell>{u.support}</TableCell>
                      <TableCell>{u.active}</TableCell>
                      <TableCell>{u.closed}</TableCell>
                      <TableCell sx={{ color: u.overdue ? 'error.main' : undefined }}>{u.overdue}</TableCell>
                      <TableCell sx={{ color: u.stalled ? 'warning.main' : undefined }}>{u.stalled}</TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          onClick={() => setReporting({ id: u.unitId, name: u.unitName })}
                          aria-label={`导出${u.unitName}双报告`}
                        >
                          双报告
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
          ) : (
            <Paper variant="outlined" sx={{ flex: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
              <ServerGrid
                label={view === 'breakdown' ? '责任分解表' : '进度台账'}
                rows={list.data?.rows ?? []}
                columns={view === 'breakdown' ? breakdownColumns : progressColumns}
                total={total}
                loading={list.isFetching}
                paging={paging}
                onPagingChange={setPaging}
                sort={{ model: sort, onChange: setSort, fallback: [{ field: 'deadlineOn', sort: 'asc' }] }}
                autoRowHeight
                onOpen={(id) => navigate(paths.project(id))}
                getRowClassName={(p) => (p.row.overdue ? 'row-overdue' : '')}
                emptyText="没有符合条件的项目"
                sx={{ '& .MuiDataGrid-cell': { py: 0.75 }, '& .row-overdue': { bgcolor: 'rgba(211,47,47,0.05)' } }}
              />
            </Paper>
          )}
          <Typography variant="caption" color="text.secondary" sx={{ mt: 1 }}>
            双击一行打开项目，登记进度、申请和审核销号。
          </Typography>
        </>
      )}
      <Suspense fallback={null}>
        {creating && <ProjectDialog onClose={() => setCreating(false)} onSaved={(id) => navigate(paths.project(id))} />}
        {importing && <ListImportDialog kind="projects" onClose={() => setImporting(false)} />}
      </Suspense>
      {reporting && (
        <DualReportDialog unit={reporting} year={year === '' ? undefined : year} onClose={() => setReporting(null)} />
      )}
    </Box>
  );
}
