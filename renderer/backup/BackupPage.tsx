import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BackupOutlined from '@mui/icons-material/BackupOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { call } from '../api/client';
import { useConfirm } from '../common/Confirm';
import { FormDialog } from '../common/FormDialog';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { PageHeader } from '../common/PageHeader';
import { errorMessage } from '../common/errors';
import { BackupSettingsCard } from './BackupSettingsCard';
import { BackupStatusCard } from './BackupStatusCard';
import { BackupTable } from './BackupTable';
import { ExportPackageDialog, ImportPackageDialog } from './PackageDialogs';
import { useBackupList, useBackupStatus, useCreateBackup, useReplaceData } from './queries';
import { RestoreDialog, type RestoreSource } from './RestoreDialog';

function BackupNowDialog({ onClose }: { onClose: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useCreateBackup();
  const notify = useNotify();
  return (
    <FormDialog
      open
      title="立即备份"
      dirty={note !== ''}
      busy={create.isPending}
      formError={error}
      submitText="备份"
      onSubmit={() =>
        create.mutate(note.trim(), {
          onSuccess: (e) => {
            notify.success(`已备份：${e.fileName}`);
            onClose();
          },
          onError: (e) => setError(errorMessage(e)),
        })
      }
      onClose={onClose}
      maxWidth="xs"
    >
      <TextField
        label="备注（可不填）"
        placeholder="例如：年底导入前"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoFocus
        fullWidth
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
    </FormDialog>
  );
}

type Open = { kind: 'now' } | { kind: 'export' } | { kind: 'import' } | { kind: 'restore'; source: RestoreSource };

/** 数据备份: the state of the backups, taking one now, restoring (with undo) and the package for another PC. */
export default function BackupPage() {
  const status = useBackupStatus();
  const list = useBackupList();
  const [open, setOpen] = useState<Open | null>(null);
  const confirm = useConfirm();
  const notify = useNotify();
  const undo = useReplaceData(() => call('backup.undoRestore', {}));
  const close = () => setOpen(null);

  const onUndo = () =>
    void confirm({
      title: '撤销恢复',
      message: '回到上次恢复之前的数据。现在的数据会先另存一份备份（“撤销前”）。确定撤销？',
      confirmText: '撤销恢复',
      action: () => undo.mutateAsync(undefined),
    }).then((done) => done && notify.success('已撤销恢复，数据已回到恢复之前'));

  return (
    <Box>
      <PageHeader title="数据备份">
        <Button variant="contained" startIcon={<BackupOutlined />} onClick={() => setOpen({ kind: 'now' })}>
          立即备份
        </Button>
        <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => setOpen({ kind: 'export' })}>
          导出加密备份包
        </Button>
        <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => setOpen({ kind: 'import' })}>
          导入备份包
        </Button>
      </PageHeader>
      {status.isError && <LoadError error={status.error} onRetry={() => void status.refetch()} />}
      {status.isPending && <Loading />}
      {status.data && (
        <Stack spacing={2.5}>
          <BackupStatusCard status={status.data} onUndo={onUndo} />
          <Box>
            <Typography variant="h6" component="h2" sx={{ mb: 1, fontSize: 17 }}>
              备份列表
            </Typography>
            {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
            {list.data && (
              <BackupTable
                entries={list.data}
                onRestore={(e) => setOpen({ kind: 'restore', source: { kind: 'backup', id: e.id } })}
              />
            )}
          </Box>
          <BackupSettingsCard key={`${status.data.folder}|${status.data.warnAfterDays}`} status={status.data} />
        </Stack>
      )}
      {open?.kind === 'now' && <BackupNowDialog onClose={close} />}
      {open?.kind === 'export' && <ExportPackageDialog onClose={close} />}
      {open?.kind === 'import' && (
        <ImportPackageDialog
          onClose={close}
          onPreview={(preview) => setOpen({ kind: 'restore', source: { kind: 'package', preview } })}
        />
      )}
      {open?.kind === 'restore' && <RestoreDialog source={open.source} onClose={close} />}
    </Box>
  );
}
