import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useConfirm } from '../common/Confirm';
import { EmptyState } from '../common/EmptyState';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { cnDate, gridSx } from '../lists/gridStyle';
import { useActivities, useDeleteActivity, useUnitHours } from './queries';

type ActivityRow = {
  id: number;
  servedOn: string;
  title: string;
  communityName: string;
  memberCount: number;
  hours: number;
};

/** 服务记实 by activity: a volunteer day is one line with its head count and hours. */
export function ServiceTab({ year }: { year: number }) {
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const list = useActivities(year, paging.page, paging.pageSize);
  const del = useDeleteActivity();
  const confirm = useConfirm();
  const notify = useNotify();
  const remove = async (a: ActivityRow) => {
    const ok = await confirm({
      title: '删除这次服务记实？',
      message: `“${a.title}”（${a.memberCount}人）将移入回收站，可以恢复。`,
      confirmText: '删除',
      danger: true,
    });
    if (ok)
      del.mutate(a.id, { onSuccess: () => notify.success('已删除，可在回收站恢复'), onError: (e) => notify.error(e) });
  };
  const columns: GridColDef<ActivityRow>[] = [
    { field: 'servedOn', headerName: '服务日期', width: 140, valueFormatter: (v: string) => cnDate(v) },
    { field: 'title', headerName: '服务内容', flex: 1, minWidth: 200 },
    { field: 'communityName', headerName: '服务社区', width: 130 },
    { field: 'linkedTo', headerName: '关联项目/需求', flex: 1, minWidth: 160, sortable: false },
    { field: 'memberCount', headerName: '人数', width: 80 },
    { field: 'hours', headerName: '合计时长（小时）', width: 140 },
    {
      field: 'actions',
      headerName: '',
      width: 90,
      sortable: false,
      renderCell: (p) => (
        <Button size="small" color="error" onClick={() => void remove(p.row)} aria-label={`删除${p.row.title}`}>
          删除
        </Button>
      ),
    },
  ];
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isSuccess && list.data.total === 0)
    return <EmptyState message={`${year}年还没有服务记实。点“登记服务活动”，一次登记一整天的志愿服务。`} />;
  return (
    <Paper variant="outlined" sx={{ flex: 1, minHeight: 300 }}>
      <DataGrid
        rows={list.data?.rows ?? []}
        columns={columns}
        rowCount={list.data?.total ?? 0}
        loading={list.isFetching}
        paginationMode="server"
        paginationModel={paging}
        onPaginationModelChange={setPaging}
        pageSizeOptions={[25, 50, 100]}
        disableColumnMenu
        sx={gridSx}
        aria-label="服务记实"
      />
    </Paper>
  );
}

/** Each unit's roster size and its members' hours this year: what the unit's yearly assessment asks for. */
export function UnitHoursTab({ year }: { year: number }) {
  const units = useUnitHours(year);
  if (units.isPending) return <Loading />;
  if (units.isError) return <LoadError error={units.error} onRetry={() => void units.refetch()} />;
  if (units.data.length === 0) return <EmptyState message="还没有单位的在职党员登记报到。" />;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="各单位服务时长">
        <TableHead>
          <TableRow>
            <TableCell>共建单位</TableCell>
            <TableCell align="right">在职党员（在册）</TableCell>
            <TableCell align="right">服务活动（次）</TableCell>
            <TableCell align="right">服务时长（小时）</TableCell>
            <TableCell>最近服务</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {units.data.map((u) => (
            <TableRow key={u.unitId}>
              <TableCell>{u.unitName}</TableCell>
              <TableCell align="right">
                {u.members}（{u.activeMembers}）
              </TableCell>
              <TableCell align="right">{u.activities}</TableCell>
              <TableCell align="right">{u.hours}</TableCell>
              <TableCell>{cnDate(u.lastServedOn)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
