import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { RestorePreview, RestoreResult } from '../../shared/contract/backup';
import { call } from '../api/client';
import { useConfirm } from '../common/Confirm';
import { LoadError, Loading } from '../common/LoadState';
import { localDateTime } from '../common/localTime';
import { keys } from '../app/queryClient';
import { useReplaceData } from './queries';

/** What is restored: a backup in the folder (previewed here) or a package already decrypted and previewed. */
export type RestoreSource = { kind: 'backup'; id: number } | { kind: 'package'; preview: RestorePreview };

function CountsTable({ preview }: { preview: RestorePreview }) {
  const current = new Map(preview.currentCounts.map((c) => [c.table, c.count]));
  // Tables empty on both sides say nothing; the rows that differ are what the clerk has to judge.
  const rows = preview.counts.filter((c) => c.count > 0 || (current.get(c.table) ?? 0) > 0);
  const hidden = preview.counts.length - rows.length;
  return (
    <>
      <Table size="small" aria-label="数据对比" sx={{ mt: 1 }}>
        <TableHead>
          <TableRow>
            <TableCell>数据</TableCell>
            <TableCell align="right">备份中</TableCell>
            <TableCell align="right">当前</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((c) => {
            const now = current.get(c.table) ?? 0;
            return (
              <TableRow key={c.table}>
                <TableCell>{c.label}</TableCell>
                <TableCell align="right">{c.count}</TableCell>
                <TableCell align="right" sx={{ color: now === c.count ? 'text.secondary' : 'warning.dark' }}>
                  {now}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {hidden > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          另有 {hidden} 类数据在备份和当前都是空的，未列出。
        </Typography>
      )}
    </>
  );
}

function PreviewView({ preview }: { preview: RestorePreview }) {
  return (
    <>
      {preview.problem && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {preview.problem}
        </Alert>
      )}
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: '110px 1fr',
          rowGap: 0.75,
          m: 0,
          '& dt': { color: 'text.secondary' },
          '& dd': { m: 0, wordBreak: 'break-all' },
        }}
      >
        <dt>来源</dt>
        <dd>{preview.source}</dd>
        <dt>备份时间</dt>
        <dd>{preview.createdAt ? localDateTime(preview.createdAt) : '不详'}</dd>
        <dt>街道／大工委</dt>
        <dd>{[preview.streetName, preview.committeeName].filter(Boolean).join(' · ') || '（未填写）'}</dd>
        <dt>数据结构版本</dt>
        <dd>
          {preview.schemaVersion}（当前程序 {preview.currentSchemaVersion}）
        </dd>
      </Box>
      {preview.needsUpgrade && (
        <Alert severity="info" sx={{ mt: 1.5 }}>
          这是旧版本程序做的备份，恢复后会自动升级到当前版本。
        </Alert>
      )}
      <CountsTable preview={preview} />
    </>
  );
}

function ResultView({ result }: { result: RestoreResult }) {
  return (
    <Alert severity="success" role="status">
      <Typography sx={{ fontWeight: 600 }}>已恢复：{result.restoredFrom}</Typography>
      {result.upgradedFrom !== null && (
        <Typography variant="body2">
          已从数据结构版本 {result.upgradedFrom} 升级到 {result.schemaVersion}。
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        恢复前的数据已保存为撤销点（{result.revertPoint.fileName}），需要时可在数据备份页点“撤销恢复”。
      </Typography>
    </Alert>
  );
}

/** 恢复…: preview (whose data, how much, against what is there now), confirm, restore, result. */
export function RestoreDialog({ source, onClose }: { source: RestoreSource; onClose: () => void }) {
  const confirm = useConfirm();
  const [result, setResult] = useState<RestoreResult | null>(null);
  const loaded = useQuery({
    queryKey: [...keys.backup, 'preview', source.kind === 'backup' ? source.id : 'package'],
    queryFn: () => call('backup.previewRestore', { id: source.kind === 'backup' ? source.id : 0 }),
    enabled: source.kind === 'backup',
    staleTime: 0,
    gcTime: 0,
  });
  const preview = source.kind === 'package' ? source.preview : loaded.data;
  const restore = useReplaceData((): Promise<RestoreResult> =>
    source.kind === 'backup'
      ? call('backup.restore', { id: source.id })
      : call('backup.importPackage', { previewId: source.preview.previewId ?? '' }),
  );

  const start = () =>
    void confirm({
      title: '确认恢复',
      message: '恢复后当前数据会先保存为撤销点，如有需要可以用“撤销恢复”找回。确定用这份备份替换当前的全部数据？',
      confirmText: '确认恢复',
      action: () => restore.mutateAsync(undefined).then(setResult),
    });

  return (
    <Dialog
      open
      onClose={() => !restore.isPending && onClose()}
      maxWidth="sm"
      fullWidth
      aria-labelledby="restore-title"
    >
      <DialogTitle id="restore-title">{source.kind === 'package' ? '导入备份包' : '恢复备份'}</DialogTitle>
      <DialogContent dividers>
        {result ? (
          <ResultView result={result} />
        ) : preview ? (
          <PreviewView preview={preview} />
        ) : loaded.isError ? (
          <LoadError error={loaded.error} onRetry={() => void loaded.refetch()} />
        ) : (
          <Loading label="正在检查备份…" />
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        {result ? (
          <Button variant="contained" onClick={onClose} autoFocus>
            完成
          </Button>
        ) : (
          <>
            <Button color="inherit" onClick={onClose} disabled={restore.isPending}>
              取消
            </Button>
            <Button variant="contained" onClick={start} disabled={!preview?.canRestore || restore.isPending}>
              {source.kind === 'package' ? '导入并恢复…' : '恢复…'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
