import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs from 'dayjs';
import { type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { ServerGrid } from '../common/ServerGrid';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import type { OplogEntry, OplogQuery } from '../../shared/contract/oplog';
import { ENTITY_LABELS, OPLOG_ACTION_LABELS } from '../../shared/domain/oplog';
import { LoadError } from '../common/LoadState';
import { localDateTime } from '../common/localTime';
import { PageHeader } from '../common/PageHeader';
import { useDebounced } from '../common/useDebounced';
import { useFileAction } from '../common/useFileAction';
import { useOplogList } from './queries';

const columns: GridColDef<OplogEntry>[] = [
  { field: 'at', headerName: '时间', width: 170, valueFormatter: (v: string) => localDateTime(v) },
  { field: 'operator', headerName: '操作员', width: 100 },
  {
    field: 'action',
    headerName: '操作',
    width: 150,
    valueFormatter: (v: OplogEntry['action']) => OPLOG_ACTION_LABELS[v],
  },
  { field: 'entity', headerName: '对象类别', width: 100, valueFormatter: (v: string) => ENTITY_LABELS[v] ?? v },
  { field: 'title', headerName: '对象', width: 200 },
  { field: 'summary', headerName: '内容', flex: 1, minWidth: 260 },
];

const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS);

/** A date filter typed as 年-月-日 or picked; only a complete, real date filters the list. */
function DateFilter({ label, value, onChange }: { label: string; value: string; onChange: (iso: string) => void }) {
  return (
    <DatePicker
      label={label}
      value={value ? dayjs(value) : null}
      onChange={(v) => onChange(v?.isValid() ? v.format('YYYY-MM-DD') : '')}
      format="YYYY-MM-DD"
      enableAccessibleFieldDOMStructure={false}
      slotProps={{ textField: { size: 'small', sx: { width: 170 } }, field: { clearable: true } }}
    />
  );
}

/** 操作日志: who did what and when. Read-only: the log has no way to be edited or deleted from the app. */
export default function OplogPage() {
  const [search, setSearch] = useState('');
  const [entity, setEntity] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const debounced = useDebounced(search.trim(), 300);
  const filter = { search: debounced, entity: entity || undefined, from: from || undefined, to: to || undefined };
  const query: OplogQuery = { ...filter, page: paging.page, pageSize: paging.pageSize };
  const list = useOplogList(query);
  const exportLog = useFileAction('oplog.export', () => filter);
  const filtered = !!(debounced || entity || from || to);
  const resetPage = () => setPaging((p) => ({ ...p, page: 0 }));
  const total = list.data?.total ?? 0;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        title="操作日志"
        subtitle={list.isSuccess ? (filtered ? `符合条件的记录 ${total} 条` : `共 ${total} 条记录`) : undefined}
      >
        <Button
          variant="outlined"
          startIcon={<FileDownloadOutlined />}
          onClick={exportLog.run}
          disabled={exportLog.busy || total === 0}
        >
          导出
        </Button>
      </PageHeader>
      <Stack direction="row" spacing={1.5} sx={{ mb: 1.5 }} alignItems="center">
        <TextField
          size="small"
          label="搜索"
          placeholder="对象名称、内容或操作员"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            resetPage();
          }}
          sx={{ width: 260 }}
          slotProps={{ htmlInput: { 'aria-label': '搜索操作日志' } }}
        />
        <TextField
          select
          size="small"
          label="对象类别"
          value={entity}
          onChange={(e) => {
            setEntity(e.target.value);
            resetPage();
          }}
          sx={{ width: 150 }}
        >
          <MenuItem value="">全部</MenuItem>
          {ENTITY_OPTIONS.map(([k, label]) => (
            <MenuItem key={k} value={k}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <DateFilter
          label="开始日期"
          value={from}
          onChange={(v) => {
            setFrom(v);
            resetPage();
          }}
        />
        <DateFilter
          label="结束日期"
          value={to}
          onChange={(v) => {
            setTo(v);
            resetPage();
          }}
        />
        {filtered && (
          <Button
            color="inherit"
            onClick={() => {
              setSearch('');
              setEntity('');
              setFrom('');
              setTo('');
              resetPage();
            }}
          >
            清除条件
          </Button>
        )}
      </Stack>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Paper variant="outlined" sx={{ flex: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
        <ServerGrid
          label="操作日志"
          rows={list.data?.rows ?? []}
          columns={columns}
          total={total}
          loading={list.isFetching}
          paging={paging}
          onPagingChange={setPaging}
          autoRowHeight
          emptyText={filtered ? '没有符合条件的记录' : '还没有操作记录'}
          sx={{ '& .MuiDataGrid-cell': { py: 0.75, whiteSpace: 'normal', wordBreak: 'break-all', lineHeight: 1.5 } }}
        />
      </Paper>
      <Typography variant="caption" color="text.secondary" sx={{ mt: 1 }}>
        操作日志由系统自动记录，不能修改或删除。导出时使用当前的筛选条件。
      </Typography>
    </Box>
  );
}
