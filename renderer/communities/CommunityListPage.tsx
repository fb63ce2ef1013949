import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import HolidayVillageOutlined from '@mui/icons-material/HolidayVillageOutlined';
import type { Community } from '../../shared/contract/units';
import { useConfirm } from '../common/Confirm';
import { EmptyState } from '../common/EmptyState';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { PageHeader } from '../common/PageHeader';
import { useShortcut } from '../common/useShortcut';
import { CommunityFormDialog } from './CommunityFormDialog';
import { useCommunities, useDeleteCommunity } from './queries';

type Editing = { mode: 'new' } | { mode: 'edit'; community: Community };

const MAX_GRID_CHIPS = 6;

/** 社区与网格: the street's communities, their grids, and how many units each is paired with. */
export default function CommunityListPage() {
  const list = useCommunities();
  const del = useDeleteCommunity();
  const confirm = useConfirm();
  const notify = useNotify();
  const [editing, setEditing] = useState<Editing | null>(null);

  useShortcut('n', () => setEditing({ mode: 'new' }), editing === null);

  const remove = async (c: Community) => {
    const ok = await confirm({
      title: '删除社区',
      message:
        c.grids.length > 0
          ? `确定删除社区“${c.name}”吗？它的 ${c.grids.length} 个网格也会一并删除。删除后可在“回收站”恢复。`
          : `确定删除社区“${c.name}”吗？删除后可在“回收站”恢复。`,
      confirmText: '删除',
      danger: true,
      action: () => del.mutateAsync(c.id),
    });
    if (ok) {
      setEditing(null);
      notify.success(`已删除社区“${c.name}”`);
    }
  };

  const communities = list.data ?? [];
  const gridTotal = communities.reduce((n, c) => n + c.grids.length, 0);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        title="社区与网格"
        subtitle={
          list.isSuccess && communities.length > 0 ? `共 ${communities.length} 个社区，${gridTotal} 个网格` : undefined
        }
      >
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setEditing({ mode: 'new' })}
          title="新增社区（Ctrl+N）"
        >
          新增社区
        </Button>
      </PageHeader>

      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && communities.length === 0 && (
        <Paper variant="outlined" sx={{ flex: 1, display: 'flex' }}>
          <EmptyState
            icon={<HolidayVillageOutlined fontSize="inherit" />}
            message="还没有社区。可以逐个新增，导入分配表时也会自动建立表中的社区。"
          >
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ mode: 'new' })}>
              新增社区
            </Button>
          </EmptyState>
        </Paper>
      )}
      {communities.length > 0 && (
        <TableContainer component={Paper} variant="outlined" sx={{ flex: 1, minHeight: 0 }}>
          <Table stickyHeader aria-label="社区列表">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 220 }}>社区名称</TableCell>
                <TableCell>网格</TableCell>
                <TableCell sx={{ width: 110 }} align="right">
                  结对单位数
                </TableCell>
                <TableCell sx={{ width: 150 }} align="right">
                  操作
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {communities.map((c) => (
                <TableRow
                  key={c.id}
                  hover
                  onDoubleClick={() => setEditing({ mode: 'edit', community: c })}
                  sx={{ cursor: 'pointer' }}
                >
                  <TableCell sx={{ fontWeight: 500 }}>{c.name}</TableCell>
                  <TableCell>
                    {c.grids.length === 0 ? (
                      <Typography variant="body2" color="text.secondary">
                        未设网格
                      </Typography>
                    ) : (
                      <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                        <Typography variant="body2" color="text.secondary" sx={{ mr: 0.5 }}>
                          {c.grids.length} 个
                        </Typography>
                        {c.grids.slice(0, MAX_GRID_CHIPS).map((g) => (
                          <Chip key={g} label={g} size="small" variant="outlined" />
                        ))}
                        {c.grids.length > MAX_GRID_CHIPS && (
                          <Typography variant="body2" color="text.secondary" title={c.grids.join('、')}>
                            等
                          </Typography>
                        )}
                      </Stack>
                    )}
                  </TableCell>
                  <TableCell align="right">
                    {c.pairedUnitCount > 0 ? (
                      <Link
                        component={RouterLink}
                        to={`/units?community=${c.id}`}
                        title={`查看与“${c.name}”结对的共建单位`}
                      >
                        {c.pairedUnitCount}
                      </Link>
                    ) : (
                      <Typography component="span" color="text.secondary">
                        0
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button
                      size="small"
                      onClick={() => setEditing({ mode: 'edit', community: c })}
                      aria-label={`编辑${c.name}`}
                    >
                      编辑
                    </Button>
                    <Button size="small" color="error" onClick={() => void remove(c)} aria-label={`删除${c.name}`}>
                      删除
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      {editing && (
        <CommunityFormDialog
          community={editing.mode === 'edit' ? editing.community : undefined}
          onClose={() => setEditing(null)}
          onDelete={(c) => void remove(c)}
        />
      )}
    </Box>
  );
}
