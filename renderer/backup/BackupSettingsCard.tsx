import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { BackupStatus } from '../../shared/contract/backup';
import { call } from '../api/client';
import { errorMessage } from '../common/errors';
import { useNotify } from '../common/Notifier';
import { useSetFolder, useSetWarnDays } from './queries';

/** The backup folder (typed, or chosen with the system's folder picker on the desktop) and the warning age. */
export function BackupSettingsCard({ status }: { status: BackupStatus }) {
  const [folder, setFolder] = useState(status.folder);
  const [days, setDays] = useState(String(status.warnAfterDays));
  const [folderError, setFolderError] = useState<string | null>(null);
  const [daysError, setDaysError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const notify = useNotify();
  const saveFolder = useSetFolder();
  const saveDays = useSetWarnDays();
  const choose = useMutation({ mutationFn: () => call('backup.chooseFolder', {}) });

  const applyFolder = (value: string | null) => {
    setFolderError(null);
    // mutateAsync: the card is re-keyed by the new status, and the message must still be shown after that.
    void saveFolder.mutateAsync(value).then(
      (s) => notify.success(`备份文件夹已改为：${s.folder}`),
      (e: unknown) => setFolderError(errorMessage(e)),
    );
  };

  const pick = () =>
    choose.mutate(undefined, {
      onSuccess: (r) => {
        if (r.chosen) {
          setFolder(r.folder);
          setHint(null);
        } else if (r.reason) setHint(r.reason);
      },
      onError: (e) => setFolderError(errorMessage(e)),
    });

  const submitDays = () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 365) return setDaysError('请填写1到365之间的天数');
    setDaysError(null);
    void saveDays.mutateAsync(n).then(
      (s) => notify.success(`超过 ${s.warnAfterDays} 天没有备份时提醒`),
      (e: unknown) => setDaysError(errorMessage(e)),
    );
  };

  const folderChanged = folder.trim() !== status.folder;
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2, fontSize: 17 }}>
        备份设置
      </Typography>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} alignItems="flex-start">
          <TextField
            size="small"
            label="备份文件夹"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            fullWidth
            error={!!folderError}
            helperText={folderError ?? hint ?? '每天第一次打开和退出时自动备份到这里；建议用另一块硬盘或U盘'}
          />
          <Button
            variant="outlined"
            onClick={pick}
            disabled={choose.isPending}
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          >
            选择文件夹…
          </Button>
        </Stack>
        <Stack direction="row" spacing={1}>
          <Button
            variant="contained"
            onClick={() => applyFolder(folder.trim())}
            disabled={!folderChanged || !folder.trim() || saveFolder.isPending}
          >
            使用此文件夹
          </Button>
          {!status.isDefaultFolder && (
            <Button color="inherit" onClick={() => applyFolder(null)} disabled={saveFolder.isPending}>
              改回默认文件夹
            </Button>
          )}
        </Stack>
        {status.folderProblem && <Alert severity="error">{status.folderProblem}</Alert>}
        <Stack direction="row" spacing={1} alignItems="flex-start" sx={{ pt: 1 }}>
          <TextField
            size="small"
            type="number"
            label="超过几天没有备份时提醒"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={!!daysError}
            helperText={daysError ?? ' '}
            sx={{ width: 220 }}
            slotProps={{ htmlInput: { min: 1, max: 365 } }}
          />
          <Button
            variant="outlined"
            onClick={submitDays}
            disabled={saveDays.isPending || days === String(status.warnAfterDays)}
          >
            保存
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
