import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import TableChartOutlined from '@mui/icons-material/TableChartOutlined';
import { call } from '../api/client';
import { paths } from '../app/paths';
import { keys } from '../app/queryClient';
import { EmptyState } from '../common/EmptyState';
import { LoadError, Loading } from '../common/LoadState';
import { PageHeader } from '../common/PageHeader';
import { useFileAction } from '../common/useFileAction';
import { useMenuCommand } from '../common/useMenuCommand';
import { useOpenUnit } from '../units/queries';

const UnitFormDialog = lazy(() => import('../units/UnitFormDialog'));

const HEADERS = ['社区', '共建单位', '单位类别', '党组织书记', '联络员', '联系电话', '签约日期'];

/** 结对分配表: which unit is assigned to which community, laid out like the paper table. */
export default function AllocationPage() {
  const navigate = useNavigate();
  const allocation = useQuery({ queryKey: keys.allocation, queryFn: () => call('pairings.allocation', {}) });
  const exportAllocation = useFileAction('pairings.exportAllocation');
  const template = useFileAction('units.importTemplate');
  const [editUnit, setEditUnit] = useState<number | null>(null);
  useMenuCommand('export', exportAllocation.run, editUnit === null);
  const openUnit = useOpenUnit(setEditUnit);

  const rows = allocation.data ?? [];
  const pairingCount = rows.reduce((n, r) => n + r.pairings.length, 0);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        title="结对分配表"
        subtitle={
          rows.length > 0
            ? `区域化党建融合共建部门单位分配表 · ${rows.length} 个社区，${pairingCount} 个结对`
            : undefined
        }
      >
        <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={template.run} disabled={template.busy}>
          下载导入模板
        </Button>
        <Button
          variant="contained"
          startIcon={<FileDownloadOutlined />}
          onClick={exportAllocation.run}
          disabled={exportAllocation.busy || pairingCount === 0}
        >
          导出分配表
        </Button>
      </PageHeader>

      {allocation.isPending && <Loading />}
      {allocation.isError && <LoadError error={allocation.error} onRetry={() => void allocation.refetch()} />}
      {allocation.isSuccess && rows.length === 0 && (
        <Paper variant="outlined" sx={{ flex: 1, display: 'flex' }}>
          <EmptyState
            icon={<TableChartOutlined fontSize="inherit" />}
            message="还没有社区和共建单位。导入现有的分配表，或先添加社区和共建单位。"
          >
            <Button variant="contained" onClick={() => navigate(paths.units)}>
              去导入或添加共建单位
            </Button>
          </EmptyState>
        </Paper>
      )}
      {rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined" sx={{ flex: 1, minHeight: 0 }}>
          <Table
            stickyHeader
            size="small"
            aria-label="结对分配表"
            sx={{ '& td, & th': { borderRight: 1, borderColor: 'divider', py: 1 } }}
          >
            <TableHead>
              <TableRow>
                {HEADERS.map((h) => (
                  <TableCell key={h}>{h}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) =>
                r.pairings.length === 0 ? (
                  <TableRow key={r.communityId}>
                    <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{r.communityName}</TableCell>
                    <TableCell colSpan={6} sx={{ color: 'text.secondary' }}>
                      尚未分配共建单位
                    </TableCell>
                  </TableRow>
                ) : (
                  r.pairings.map((p, i) => (
                    <TableRow key={p.id} hover>
                      {i === 0 && (
                        <TableCell
                          rowSpan={r.pairings.length}
                          sx={{ fontWeight: 600, verticalAlign: 'top', whiteSpace: 'nowrap', bgcolor: '#FCFCFD' }}
                        >
                          {r.communityName}
                          <Typography variant="caption" component="div" color="text.secondary">
                            {r.pairings.length} 个单位
                          </Typography>
                        </TableCell>
                      )}
                      <TableCell>
                        <Link
                          component="button"
                          type="button"
                          color="inherit"
                          underline="hover"
                          title="打开编辑"
                          onClick={() => openUnit(p.unitId)}
                          sx={{ textAlign: 'left', font: 'inherit' }}
                        >
                          {p.unitName}
                        </Link>
                      </TableCell>
                      <TableCell>{p.category}</TableCell>
                      <TableCell>{p.secretary}</TableCell>
                      <TableCell>{p.liaison}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.phone}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.signedOn ?? ''}</TableCell>
                    </TableRow>
                  ))
                ),
              )}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Suspense fallback={null}>
        {editUnit !== null && <UnitFormDialog unitId={editUnit} onClose={() => setEditUnit(null)} />}
      </Suspense>
    </Box>
  );
}
