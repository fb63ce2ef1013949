import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { todayIso } from '../../shared/domain/dates';
import { LoadError, Loading } from '../common/LoadState';
import { useAttendanceRates, useExport } from './queries';

export interface AttendanceRow {
  unitId: number | null;
  communityId: number | null;
  name: string;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/**
 * 出席统计: per unit (and community) how often it was invited to a held meeting and how it answered, for a year.
 * Only marked attendance counts (未登记 is left out); clicking a row opens the meetings it was invited to.
 */
export function AttendanceStats({ onOpen }: { onOpen: (row: AttendanceRow, year: number | null) => void }) {
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState<number | null>(thisYear);
  const rates = useAttendanceRates(year);
  const exporter = useExport();
  const years = Array.from({ length: 6 }, (_v, i) => thisYear - i);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1.5 }}>
        <TextField
          select
          size="small"
          label="年度"
          value={year ?? ''}
          onChange={(e) => setYear(e.target.value === '' ? null : Number(e.target.value))}
          sx={{ width: 140 }}
        >
          <MenuItem value="">全部年度</MenuItem>
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}年
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          只统计已召开的会议中已登记出席情况的单位；出席率 = 出席 ÷ 应出席。点击单位查看它参加的会议。
        </Typography>
        <Button
          startIcon={<FileDownloadOutlined />}
          disabled={exporter.busy || !rates.data?.length}
          onClick={() => exporter.run('meetings.exportAttendance', year ? { year } : {})}
        >
          导出Excel
        </Button>
      </Stack>
      {rates.isPending ? (
        <Loading />
      ) : rates.isError ? (
        <LoadError error={rates.error} onRetry={() => void rates.refetch()} />
      ) : rates.data.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 4, textAlign: 'center' }}>
          {year ? `${year}年` : ''}还没有登记过出席情况的会议。在会议的“出席”页登记后，这里按单位统计出席率。
        </Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined" sx={{ flex: 1, minHeight: 0 }}>
          <Table size="small" stickyHeader aria-label="出席统计">
            <TableHead>
              <TableRow>
                <TableCell>单位/社区</TableCell>
                <TableCell align="right">应出席</TableCell>
                <TableCell align="right">出席</TableCell>
                <TableCell align="right">请假</TableCell>
                <TableCell align="right">缺席</TableCell>
                <TableCell align="right">出席率</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rates.data.map((r) => (
                <TableRow
                  key={`${r.unitId ?? ''}-${r.communityId ?? ''}`}
                  hover
                  tabIndex={0}
                  sx={{ cursor: 'pointer' }}
                  onClick={() => onOpen(r, year)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') onOpen(r, year);
                  }}
                >
                  <TableCell>{r.name}</TableCell>
                  <TableCell align="right">{r.invited}</TableCell>
                  <TableCell align="right">{r.present}</TableCell>
                  <TableCell align="right">{r.leave}</TableCell>
                  <TableCell align="right" sx={{ color: r.absent ? 'error.main' : undefined }}>
                    {r.absent}
                  </TableCell>
                  <TableCell align="right">{percent(r.rate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
