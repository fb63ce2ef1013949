import Box from '@mui/material/Box';
import type { GridColDef } from '@mui/x-data-grid';
import type { Unit } from '../../shared/contract/units';
import { StatusChip } from './StatusChip';

/** The unit list's columns; only those the main side can sort by are sortable (sorting is done in SQLite). */
export const unitColumns: GridColDef<Unit>[] = [
  { field: 'name', headerName: '单位名称', flex: 2, minWidth: 200 },
  { field: 'category', headerName: '单位类别', width: 110 },
  { field: 'secretary', headerName: '党组织书记', width: 130 },
  { field: 'liaison', headerName: '联络员', width: 100, sortable: false },
  { field: 'phone', headerName: '联系电话', width: 140, sortable: false },
  {
    field: 'communities',
    headerName: '结对社区',
    flex: 1.2,
    minWidth: 150,
    sortable: false,
    valueGetter: (_v, row) => row.communities.join('、'),
    renderCell: (p) =>
      p.row.communities.length ? (
        p.value
      ) : (
        <Box component="span" sx={{ color: 'text.disabled' }}>
          未结对
        </Box>
      ),
  },
  {
    field: 'status',
    headerName: '状态',
    width: 96,
    renderCell: (p) => <StatusChip status={p.row.status} />,
  },
];
