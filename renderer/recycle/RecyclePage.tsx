import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { ServerGrid } from '../common/ServerGrid';
import DeleteOutline from '@mui/icons-material/DeleteOutline';
import type { RecycleItem } from '../../shared/contract/oplog';
import { ENTITY_LABELS } from '../../shared/domain/oplog';
import { useConfirm } from '../common/Confirm';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadState';
import { localDateTime } from '../common/localTime';
import { useNotify } from '../common/Notifier';
import { PageHeader } from '../common/PageHeader';
import { usePurgeItem, useRecycleList, useRestoreItem } from './queries';

const kindOf = (entity: string) => ENTITY_LABELS[entity] ?? entity;

/** 回收站: deleted records wait here; 恢复 puts one back, 彻底删除 removes it for good after asking. */
export default function RecyclePage() {
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const list = useRecycleList(paging.page, paging.pageSize);
  const restore = useRestoreItem();
  const purge = usePurgeItem();
  const notify = useNotify();
  const confirm = useConfirm();
  const total = list.data?.total ?? 0;
  const busy = restore.isPending || purge.isPending;

  const onRestore = (item: RecycleItem) =>
    restore.mutate(item.id, {
      onSuccess: (r) => notify.success(`“${item.title}”：${r.message}`),
      onError: (e) => notify.error(e),
    });

  const onPurge = (item: RecycleItem) =>
    void confirm({
      title: '彻底删除',
      message: (
        <>
          彻底删除{kindOf(item.entity)}“{item.title}”？
          <br />
          彻底删除后无法恢复。
        </>
      ),
      confirmText: '彻底删除',
      danger: true,
      action: () => purge.mutateAsync(item.id),
    }).then((done) => done && notify.success(`已彻底删除“${item.title}”`));

  const columns: GridColDef<RecycleItem>[] = [
    { field: 'deletedAt', headerName: '删除时间', width: 170, valueFormatter: (v: string) => localDateTime(v) },
    { field: 'operator', headerName: '操作员', width: 110 },
    { field: 'entity', headerName: '类别', width: 120, valueFormatter: (v: string) => kindOf(v) },
    { field: 'title', headerName: '名称', flex: 1, minWidth: 200 },
    {
      field: 'actions',
      headerName: '操作',
      width: 200,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={1} sx={{ height: '100%', alignItems: 'center' }}>
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            onClick={() => onRestore(row)}
            aria-label={`恢复“${row.title}”`}
          >
            恢复
          </Button>
          <Button
            size="small"
            color="error"
            disabled={busy}
            onClick={() => onPurge(row)}
            aria-label={`彻底删除“${row.title}”`}
          >
            彻底删除
          </Button>
        </Stack>
      ),
    },
  ];

  const empty = list.isSuccess && !list.isPlaceholderData && total === 0;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader title="回收站" subtitle={list.isSuccess && !empty ? `共 ${total} 项` : undefined} />
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {empty ? (
        <Paper variant="outlined" sx={{ flex: 1, display: 'flex' }}>
          <EmptyState
            icon={<DeleteOutline fontSize="inherit" />}
            message="回收站是空的。删除的记录会先放在这里，可以恢复。"
          />
        </Paper>
      ) : (
        <>
          <Paper variant="outlined" sx={{ flex: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
            <ServerGrid
              label="回收站"
              rows={list.data?.rows ?? []}
              columns={columns}
              total={total}
              loading={list.isFetching}
              paging={paging}
              onPagingChange={setPaging}
              emptyText="回收站是空的"
            />
          </Paper>
          <Typography variant="caption" color="text.secondary" sx={{ mt: 1 }}>
            恢复时连同删除时一起移走的相关记录（如结对关系）一并恢复。彻底删除后无法恢复。
          </Typography>
        </>
      )}
    </Box>
  );
}
