import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { ServerGrid } from '../common/ServerGrid';
import AddIcon from '@mui/icons-material/Add';
import ApartmentOutlined from '@mui/icons-material/ApartmentOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { UNIT_SORT_FIELDS, type UnitListQuery } from '../../shared/contract/units';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadState';
import { PageHeader } from '../common/PageHeader';
import { useDebounced } from '../common/useDebounced';
import { useFileAction } from '../common/useFileAction';
import { useMenuCommand } from '../common/useMenuCommand';
import { useShortcut } from '../common/useShortcut';
import { useCommunities } from '../communities/queries';
import { useOpenUnit, useUnitList } from './queries';
import { NO_FILTERS, UnitFilters, hasFilters, type UnitFilterValues } from './UnitFilters';
import { unitColumns } from './unitColumns';
import { useOpenFromLink } from '../search/useOpenFromLink';

const UnitFormDialog = lazy(() => import('./UnitFormDialog'));
const ImportDialog = lazy(() => import('./ImportDialog'));

type SortField = (typeof UNIT_SORT_FIELDS)[number];
const isSortField = (f: string): f is SortField => (UNIT_SORT_FIELDS as readonly string[]).includes(f);

type Editing = { mode: 'new' } | { mode: 'edit'; id: number };

/** 共建单位: the directory of co-building units, paged, sorted and filtered by the main side. */
export default function UnitListPage() {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<UnitFilterValues>(() => {
    const c = Number(params.get('community'));
    return { ...NO_FILTERS, communityId: Number.isInteger(c) && c > 0 ? c : '' };
  });
  const [editing, setEditing] = useState<Editing | null>(() => (params.get('new') ? { mode: 'new' } : null));
  const [importing, setImporting] = useState(false);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [sort, setSort] = useState<GridSortModel>([{ field: 'name', sort: 'asc' }]);
  const searchRef = useRef<HTMLInputElement>(null);

  // The links that opened this screen (?new=1 from the first-run setup, ?community= from 社区与网格) are one-shot.
  useEffect(() => {
    if (params.size > 0) setParams({}, { replace: true });
  }, [params, setParams]);

  const search = useDebounced(filters.search.trim(), 300);
  const sortItem = sort[0];
  const query: UnitListQuery = {
    page: paging.page,
    pageSize: paging.pageSize,
    search,
    category: filters.category || undefined,
    communityId: filters.communityId || undefined,
    status: filters.status || undefined,
    sortBy: sortItem && isSortField(sortItem.field) ? sortItem.field : 'name',
    sortDir: sortItem?.sort === 'desc' ? 'desc' : 'asc',
  };
  const list = useUnitList(query);
  const communities = useCommunities();
  const exportDirectory = useFileAction('units.exportDirectory');
  const openUnit = useOpenUnit((id) => setEditing({ mode: 'edit', id }));
  useOpenFromLink(openUnit);

  // Warm the form's chunk (with the date pickers) so the first 新增/编辑 opens without a wait.
  useEffect(() => {
    void import('./UnitFormDialog');
  }, []);

  const dialogOpen = editing !== null || importing;
  useShortcut('n', () => setEditing({ mode: 'new' }), !dialogOpen);
  useShortcut('f', () => searchRef.current?.focus(), !dialogOpen);
  useMenuCommand('export', exportDirectory.run, !dialogOpen);

  const changeFilters = (f: UnitFilterValues) => {
    setFilters(f);
    setPaging((p) => ({ ...p, page: 0 }));
  };

  const total = list.data?.total ?? 0;
  const directoryEmpty =
    list.isSuccess && !list.isPlaceholderData && total === 0 && !hasFilters(filters) && search === '';

  const addButton = (
    <Button
      variant="contained"
      startIcon={<AddIcon />}
      onClick={() => setEditing({ mode: 'new' })}
      title="新增单位（Ctrl+N）"
    >
      新增单位
    </Button>
  );
  const importButton = (
    <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
      导入分配表
    </Button>
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        title="共建单位"
        subtitle={
          list.isSuccess && !directoryEmpty
            ? hasFilters(filters)
              ? `符合条件的单位 ${total} 个`
              : `共 ${total} 个单位`
            : undefined
        }
      >
        {addButton}
        {importButton}
        <Button
          variant="outlined"
          startIcon={<FileDownloadOutlined />}
          onClick={exportDirectory.run}
          disabled={exportDirectory.busy || directoryEmpty}
        >
          导出名录
        </Button>
      </PageHeader>

      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}

      {directoryEmpty ? (
        <Paper variant="outlined" sx={{ flex: 1, display: 'flex' }}>
          <EmptyState
            icon={<ApartmentOutlined fontSize="inherit" />}
            message="还没有共建单位。可以导入现有的分配表，或手动添加。"
          >
            <Button variant="contained" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
              导入分配表
            </Button>
            <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setEditing({ mode: 'new' })}>
              手动添加
            </Button>
          </EmptyState>
        </Paper>
      ) : (
        <>
          <UnitFilters
            value={filters}
            onChange={changeFilters}
            communities={communities.data ?? []}
            searchRef={searchRef}
          />
          <Paper variant="outlined" sx={{ flex: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
            <ServerGrid
              label="共建单位列表"
              rows={list.data?.rows ?? []}
              columns={unitColumns}
              total={total}
              loading={list.isFetching}
              paging={paging}
              onPagingChange={setPaging}
              sort={{ model: sort, onChange: setSort, fallback: [{ field: 'name', sort: 'asc' }] }}
              onOpen={openUnit}
              emptyText="没有符合条件的共建单位"
              getRowClassName={(p) => (p.row.status === 'withdrawn' ? 'unit-withdrawn' : '')}
              sx={{ '& .unit-withdrawn': { color: 'text.secondary' } }}
            />
          </Paper>
          <Typography variant="caption" color="text.secondary" sx={{ mt: 1 }}>
            双击一行（或选中后按 Enter）打开编辑。Ctrl+N 新增单位，Ctrl+F 搜索。
          </Typography>
        </>
      )}

      <Suspense fallback={null}>
        {editing && (
          <UnitFormDialog unitId={editing.mode === 'edit' ? editing.id : undefined} onClose={() => setEditing(null)} />
        )}
        {importing && <ImportDialog onClose={() => setImporting(false)} />}
      </Suspense>
    </Box>
  );
}
