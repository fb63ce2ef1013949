import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { BackupStatus } from '../../shared/contract/backup';
import { localDateTime } from '../common/localTime';
import { daysAgo, fileSize } from './format';

/** Where backups go, how recent the last good one is, and anything the clerk should act on. */
export function BackupStatusCard({ status, onUndo }: { status: BackupStatus; onUndo: () => void }) {
  const last = status.lastGood;
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} aria-label="备份状态">
      {status.warning && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {status.warning}
        </Alert>
      )}
      {status.lastFailure && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {localDateTime(status.lastFailure.at)} 的自动备份没有完成：{status.lastFailure.message}
        </Alert>
      )}
      {status.undo && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={onUndo} sx={{ whiteSpace: 'nowrap' }}>
              撤销恢复
            </Button>
          }
        >
          {localDateTime(status.undo.restoredAt)} 从“{status.undo.restoredFrom}
          ”恢复了数据。如果恢复错了，可以撤销，回到恢复前的数据。
        </Alert>
      )}
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: '150px 1fr',
          rowGap: 1,
          m: 0,
          '& dt': { color: 'text.secondary' },
          '& dd': { m: 0 },
        }}
      >
        <dt>最近一次完好备份</dt>
        <dd>
          {last ? (
            <>
              {localDateTime(last.createdAt)}（{daysAgo(status.daysSinceLastGood ?? 0)}，{last.kindLabel}）
            </>
          ) : (
            '还没有'
          )}
        </dd>
        <dt>备份文件夹</dt>
        <Box component="dd" sx={{ wordBreak: 'break-all' }}>
          <Typography component="span" sx={{ fontFamily: 'Consolas, "Noto Sans Mono", monospace', fontSize: 13 }}>
            {status.folder}
          </Typography>
          {status.isDefaultFolder && (
            <Typography component="span" color="text.secondary" sx={{ ml: 1, fontSize: 13 }}>
              （默认，在数据文件旁边）
            </Typography>
          )}
          {status.sameDiskAsData && (
            <Typography color="warning.dark" sx={{ fontSize: 13 }}>
              备份和数据在同一块硬盘上，硬盘坏了会一起丢失。建议把备份文件夹设在另一块硬盘或U盘上。
            </Typography>
          )}
        </Box>
        <dt>已有备份</dt>
        <dd>
          {status.count} 份，共 {fileSize(status.totalSize)}
        </dd>
      </Box>
    </Paper>
  );
}
