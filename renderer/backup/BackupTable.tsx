import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import ErrorOutline from '@mui/icons-material/ErrorOutline';
import type { BackupEntry } from '../../shared/contract/backup';
import { localDateTime } from '../common/localTime';
import { countsSummary, fileSize } from './format';

/** The backups in the folder, newest first (a few dozen at most after rotation: no paging needed). */
export function BackupTable({ entries, onRestore }: { entries: BackupEntry[]; onRestore: (e: BackupEntry) => void }) {
  if (entries.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3, textAlign: 'center', color: 'text.secondary' }}>
        还没有备份。点击“立即备份”做第一份备份。
      </Paper>
    );
  }
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="备份列表" stickyHeader>
        <TableHead>
          <TableRow sx={{ '& th': { bgcolor: '#F7F8FA', fontWeight: 600 } }}>
            <TableCell sx={{ width: 170 }}>备份时间</TableCell>
            <TableCell sx={{ width: 80 }}>类型</TableCell>
            <TableCell sx={{ width: 80 }} align="right">
              大小
            </TableCell>
            <TableCell>内容</TableCell>
            <TableCell sx={{ width: 70 }} align="center">
              检查
            </TableCell>
            <TableCell sx={{ width: 90 }} />
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.id} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{localDateTime(e.createdAt)}</TableCell>
              <TableCell>{e.kindLabel}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {fileSize(e.size)}
              </TableCell>
              <TableCell>
                <Typography variant="body2">{countsSummary(e.counts)}</Typography>
                {e.note && (
                  <Typography variant="body2" color="text.secondary">
                    备注：{e.note}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="center">
                {e.verifiedOk ? (
                  <Tooltip title={`${localDateTime(e.verifiedAt)} 检查完好`}>
                    <CheckCircleOutline color="success" fontSize="small" aria-label="检查完好" />
                  </Tooltip>
                ) : (
                  <Tooltip title="检查未通过，不能用于恢复">
                    <ErrorOutline color="error" fontSize="small" aria-label="检查未通过" />
                  </Tooltip>
                )}
              </TableCell>
              <TableCell align="right">
                <Button
                  size="small"
                  onClick={() => onRestore(e)}
                  aria-label={`恢复 ${localDateTime(e.createdAt)} 的备份`}
                >
                  恢复…
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
