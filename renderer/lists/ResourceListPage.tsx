import { lazy, Suspense, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { ServerGrid } from '../common/ServerGrid';
import AddIcon from '@mui/icons-material/Add';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import {
  RESOURCE_SORT_FIELDS,
  type Resource,
  type ResourceDetail,
  type ResourceListQuery,
} from '../../shared/contract/lists';
import { RESOURCE_STATUSES, RESOURCE_STATUS_LABELS, type ResourceStatus } from '../../shared/domain/lists';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadState';
import { useOptionList } from '../options/queries';
import { PageHeader } from '../common/PageHeader';
import { useDebounced } from '../common/useDebounced';
import { useFileAction } from '../common/useFileAction';
import { useShortcut } from '../common/useShortcut';
import { cnDate } from './gridStyle';
import { useResourceList } from './queries';
import { ResourceStatusChip } from './StatusChips';
import { useOpenFromLink } from '../search/useOpenFromLink';
import { FilterSelect } from '../common/FilterSelect';

const ResourceDialog = lazy(() => import('./ResourceDialog'));
const ListImportDialog = lazy(() => import('./ListImportDialog'));

type SortField = (typeof RESOURCE_SORT_FIELDS)[number];
const isSortField = (f: string): f is SortField => (RESOURCE_SORT_FIELDS as readonly string[]).includes(f);

const columns: GridColDef<Resource>[] = [
  { field: 'unitName', headerName: '提供单位', width: 180 },
  { field: 'type', headerName: '资源类型', width: 100 },
  { field: 'title', headerName: '资源名称', flex: 1, minWidth: 200 },
  { field: 'capacity', headerName: '数量/规模', width: 100, sortable: false },
  { field: 'availableTime', headerName: '可提供时间', width: 120, sortable: false },
  {
    field: 'validUntil',
    headerName: '有效期至',
    width: 130,
    valueFormatter: (v: string | null) => (v ? cnDate(v) : '长期'),
  },
  {
    field: 'status',
    headerName: '状态',
    width: 100,
    renderCell: (p) => <ResourceStatusChip status={p.row.status} expired={p.row.expired} />,
  },
];

/** 资源清单: what co-building units offer. */
export default function ResourceListPage() {
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ResourceStatus | ''>('');
  const [type, setType] = useState('');
  const types = useOptionList('resourceTypes');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [sort, setSort] = useState<GridSortModel>([{ field: 'unitName', sort: 'asc' }]);
  const [editing, setEditing] = useState<{ resource?: ResourceDetail } | null>(null);
  const [importing, setImporting] = useState(false);
  const q = useDebounced(search.trim(), 300);
  const sortItem = sort[0];
  const query: ResourceListQuery = {
    page: paging.page,
    pageSize: paging.pageSize,
    search: q,
    status: status || undefined,
    type: type || undefined,
    sortBy: sortItem && isSortField(sortItem.field) ? sortItem.field : 'unitName',
    sortDir: sortItem?.sort === 'desc' ? 'desc' : 'asc',
  };
  const list = useResourceList(query);
  const exportFile = useFileAction('resources.export');
  const template = useFileAction('resources.importTemplate');
  const open = (id: number) =>
    void qc
      .fetchQuery({
        queryKey: [...keys.resources, 'detail', id],
        queryFn: () => call('resources.get', { id }),
        staleTime: 0,
      })
      .then((resource) => setEditing({ resource }));
  useOpenFromLink(open);
  useShortcut('n', () => setEditing({}), editing === null && !importing);
  const reset = () => setPaging((p) => ({ ...p, page: 0 }));
  const total = list.data?.total ?? 0;
  const filtered = q !== '' || status !== '' || type !== '';
  const empty = list.isSuccess && total === 0 && !filtered;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        title="资源清单"
        subtitle={
          list.isSuccess && !empty ? (filtered ? `符合条件的资源 ${total} 项` : `共 ${total} 项资源`) : undefined
        }
      >
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({})} title="登记资源（Ctrl+N）">
          登记资源
        </Button>
        <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
          导入资源清单
        </Button>
        <Button
          variant="outlined"
          startIcon={<FileDownloadOutlined />}
          onClick={exportFile.run}
          disabled={empty || exportFile.busy}
        >
          导出资源清单
        </Button>
      </PageHeader>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {empty ? (
        <Paper variant="outlined" sx={{ flex: 1, display: 'flex' }}>
          <EmptyState
            icon={<Inventory2Outlined fontSize="inherit" />}
            message="还没有资源。可以导入共建单位报来的资源清单，或逐项登记。"
          >
            <Button variant="contained" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
              导入资源清单
            </Button>
            <Button variant="outlined" onClick={template.run} disabled={template.busy}>
              下载填报模板
            </Button>
          </EmptyState>
        </Paper>
      ) : (
        <>
          <Stack role="search" aria-label="筛选资源" direction="row" spacing={1.5} sx={{ mb: 2 }}>
            <TextField
              size="small"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                reset();
              }}
              placeholder="资源名称、内容、单位…"
              slotProps={{ htmlInput: { 'aria-label': '搜索资源' } }}
              sx={{ width: 260 }}
            />
            <FilterSelect
              label="资源类型"
              value={type}
              allLabel="全部类型"
              options={(types.data ?? []).map((t) => ({ value: t, label: t }))}
              onChange={(v) => {
                setType(v);
                reset();
              }}
              width={140}
            />
            <FilterSelect
              label="状态"
              value={status}
              allLabel="全部状态"
              options={RESOURCE_STATUSES.map((s) => ({ value: s, label: RESOURCE_STATUS_LABELS[s] }))}
              onChange={(v) => {
                setStatus(v);
                reset();
              }}
              width={120}
            />
          </Stack>
          <Paper variant="outlined" sx={{ flex: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
            <ServerGrid
              label="资源列表"
              rows={list.data?.rows ?? []}
              columns={columns}
              total={total}
              loading={list.isFetching}
              paging={paging}
              onPagingChange={setPaging}
              sort={{ model: sort, onChange: setSort, fallback: [{ field: 'unitName', sort: 'asc' }] }}
              onOpen={open}
              emptyText="没有符合条件的资源"
            />
          </Paper>
        </>
      )}
      <Suspense fallback={null}>
        {editing && <ResourceDialog resource={editing.resource} onClose={() => setEditing(null)} />}
        {importing && <ListImportDialog kind="resources" onClose={() => setImporting(false)} />}
      </Suspense>
    </Box>
  );
}
