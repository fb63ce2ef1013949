import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { ServerGrid } from '../common/ServerGrid';
import AddIcon from '@mui/icons-material/Add';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { NEED_SORT_FIELDS, type Need, type NeedDetail, type NeedListQuery } from '../../shared/contract/lists';
import { NEED_STATUSES, NEED_STATUS_LABELS, type NeedStatus } from '../../shared/domain/lists';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadState';
import { PageHeader } from '../common/PageHeader';
import { useDebounced } from '../common/useDebounced';
import { useFileAction } from '../common/useFileAction';
import { useShortcut } from '../common/useShortcut';
import { useCommunities } from '../communities/queries';
import { useThresholds } from '../options/queries';
import { cnDate } from './gridStyle';
import { useNeedCategories, useNeedList } from './queries';
import { NeedStatusChip } from './StatusChips';
import { THRESHOLD_DEFAULTS } from '../../shared/domain/options';
import { yearOptions } from '../members/yearOptions';
import { useOpenFromLink } from '../search/useOpenFromLink';
import { FilterSelect } from '../common/FilterSelect';

const NeedDialog = lazy(() => import('./NeedDialog'));
const ListImportDialog = lazy(() => import('./ListImportDialog'));

type SortField = (typeof NEED_SORT_FIELDS)[number];
const isSortField = (f: string): f is SortField => (NEED_SORT_FIELDS as readonly string[]).includes(f);

/** The 待对接天数 column is red from the backlog threshold set in 设置 on. */
const needColumns = (backlogDays: number): GridColDef<Need>[] => [
  { field: 'communityName', headerName: '社区', width: 110 },
  { field: 'grid', headerName: '网格', width: 90, sortable: false },
  { field: 'title', headerName: '需求名称', flex: 1, minWidth: 180 },
  { field: 'category', headerName: '类别', width: 100 },
  { field: 'source', headerName: '来源', width: 110, sortable: false },
  { field: 'raisedOn', headerName: '提出日期', width: 130, valueFormatter: (v: string) => cnDate(v) },
  { field: 'urgency', headerName: '紧急程度', width: 90 },
  { field: 'status', headerName: '状态', width: 100, renderCell: (p) => <NeedStatusChip status={p.row.status} /> },
  {
    field: 'waitingDays',
    headerName: '待对接天数',
    width: 100,
    sortable: false,
    renderCell: (p) =>
      p.row.waitingDays === null ? (
        ''
      ) : (
        <Typography
          component="span"
          variant="body2"
          color={p.row.waitingDays >= backlogDays ? 'error' : 'text.primary'}
        >
          {p.row.waitingDays}天
        </Typography>
      ),
  },
];

/** 需求清单: residents' needs by community, with the 积压 (backlog) view. */
export default function NeedListPage() {
  const qc = useQueryClient();
  // The dashboard's charts open this list filtered: ?status=&category=&community=&year= set the first filters.
  const [params] = useSearchParams();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<NeedStatus | ''>(() => {
    const s = params.get('status') ?? '';
    return (NEED_STATUSES as readonly string[]).includes(s) ? (s as NeedStatus) : '';
  });
  const [category, setCategory] = useState(() => params.get('category') ?? '');
  const [communityId, setCommunityId] = useState<number | ''>(() => Number(params.get('community')) || '');
  const [year, setYear] = useState<number | ''>(() => {
    const y = Number(params.get('year'));
    return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : '';
  });
  const [backlog, setBacklog] = useState(false);
  const backlogDays = useThresholds().data?.backlogDays ?? THRESHOLD_DEFAULTS.backlogDays;
  const columns = useMemo(() => needColumns(backlogDays), [backlogDays]);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [sort, setSort] = useState<GridSortModel>([{ field: 'raisedOn', sort: 'desc' }]);
  const [editing, setEditing] = useState<{ need?: NeedDetail } | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [fullContacts, setFullContacts] = useState(false);
  const q = useDebounced(search.trim(), 300);
  const sortItem = sort[0];
  const query: NeedListQuery = {
    page: paging.page,
    pageSize: paging.pageSize,
    search: q,
    status: status || undefined,
    category: category || undefined,
    communityId: communityId || undefined,
    year: year || undefined,
    backlogDays: backlog ? backlogDays : undefined,
    sortBy: sortItem && isSortField(sortItem.field) ? sortItem.field : 'raisedOn',
    sortDir: sortItem?.sort === 'asc' ? 'asc' : 'desc',
  };
  const list = useNeedList(query);
  const communities = useCommunities();
  const categories = useNeedCategories();
  const exportFile = useFileAction('needs.export', () => ({ fullContacts }));
  const template = useFileAction('needs.importTemplate');
  const open = (id: number) =>
    void qc
      .fetchQuery({ queryKey: [...keys.needs, 'detail', id], queryFn: () => call('needs.get', { id }), staleTime: 0 })
      .then((need) => setEditing({ need }));
  useOpenFromLink(open);
  const dialogOpen = editing !== null || importing || exporting;
  useShortcut('n', () => setEditing({}), !dialogOpen);
  const reset = () => setPaging((p) => ({ ...p, page: 0 }));
  const total = list.data?.total ?? 0;
  const filtered = q !== '' || status !== '' || category !== '' || communityId !== '' || year !== '' || backlog;
  // A year from the dashboard link stays pickable even when it is older than the usual five.
  const years = year === '' || yearOptions().includes(year) ? yearOptions() : [...yearOptions(), year];
  const empty = list.isSuccess && total === 0 && !filtered;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        title="需求清单"
        subtitle={
          list.isSuccess && !empty ? (filtered ? `符合条件的需求 ${total} 条` : `共 ${total} 条需求`) : undefined
        }
      >
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({})} title="登记需求（Ctrl+N）">
          登记需求
        </Button>
        <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
          导入需求清单
        </Button>
        <Button
          variant="outlined"
          startIcon={<FileDownloadOutlined />}
          onClick={() => setExporting(true)}
          disabled={empty}
        >
          导出需求清单
        </Button>
      </PageHeader>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {empty ? (
        <Paper variant="outlined" sx={{ flex: 1, display: 'flex' }}>
          <EmptyState
            icon={<ListAltOutlined fontSize="inherit" />}
            message="还没有需求。可以导入社区报来的需求清单，或逐条登记。"
          >
            <Button variant="contained" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
              导入需求清单
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
            aria-label="筛选需求"
            direction="row"
            spacing={1.5}
            alignItems="center"
            sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1.5 }}
          >
            <TextField
              size="small"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                reset();
              }}
              placeholder="需求名称、内容、网格…"
              slotProps={{ htmlInput: { 'aria-label': '搜索需求' } }}
              sx={{ width: 240 }}
            />
            <FilterSelect
              label="状态"
              value={status}
              allLabel="全部状态"
              options={NEED_STATUSES.map((s) => ({ value: s, label: NEED_STATUS_LABELS[s] }))}
              onChange={(v) => {
                setStatus(v);
                reset();
              }}
              width={130}
              disabled={backlog}
            />
            <FilterSelect
              label="类别"
              value={category}
              allLabel="全部类别"
              options={(categories.data ?? []).map((c) => ({ value: c, label: c }))}
              onChange={(v) => {
                setCategory(v);
                reset();
              }}
              width={140}
            />
            <FilterSelect
              label="社区"
              value={communityId}
              allLabel="全部社区"
              options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={(v) => {
                setCommunityId(v);
                reset();
              }}
              width={150}
            />
            <FilterSelect
              label="提出年度"
              value={year}
              allLabel="全部年度"
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              onChange={(v) => {
                setYear(v);
                reset();
              }}
              width={120}
            />
            <FormControlLabel
              control={
                <Switch
                  checked={backlog}
                  onChange={(e) => {
                    setBacklog(e.target.checked);
                    reset();
                  }}
                />
              }
              label={`只看积压（待对接超过${backlogDays}天）`}
            />
          </Stack>
          <Paper variant="outlined" sx={{ flex: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
            <ServerGrid
              label="需求列表"
              rows={list.data?.rows ?? []}
              columns={columns}
              total={total}
              loading={list.isFetching}
              paging={paging}
              onPagingChange={setPaging}
              sort={{
                model: sort,
                onChange: setSort,
                fallback: [{ field: 'raisedOn', sort: 'desc' }],
                order: ['desc', 'asc'],
              }}
              onOpen={open}
              emptyText="没有符合条件的需求"
            />
          </Paper>
          <Typography variant="caption" color="text.secondary" sx={{ mt: 1 }}>
            双击一行打开需求，可改变状态、查看状态记录或进行供需对接。
          </Typography>
        </>
      )}
      <Dialog open={exporting} onClose={() => setExporting(false)} aria-labelledby="need-export-title">
        <DialogTitle id="need-export-title">导出需求清单</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            居民的姓名和电话默认隐去部分（如 138****5678）。确需完整联系方式时请勾选，此次导出会记入操作日志。
          </Typography>
          <FormControlLabel
            control={<Checkbox checked={fullContacts} onChange={(e) => setFullContacts(e.target.checked)} />}
            label="导出完整联系方式"
          />
        </DialogContent>
        <DialogActions>
          <Button color="inherit" onClick={() => setExporting(false)}>
            取消
          </Button>
          <Button
            variant="contained"
            onClick={() => {
              setExporting(false);
              exportFile.run();
            }}
          >
            导出
          </Button>
        </DialogActions>
      </Dialog>
      <Suspense fallback={null}>
        {editing && <NeedDialog need={editing.need} onClose={() => setEditing(null)} />}
        {importing && <ListImportDialog kind="needs" onClose={() => setImporting(false)} />}
      </Suspense>
    </Box>
  );
}
