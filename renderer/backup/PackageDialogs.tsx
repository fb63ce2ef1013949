import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RestorePreview } from '../../shared/contract/backup';
import { call } from '../api/client';
import { errorMessage } from '../common/errors';
import { fileToBase64 } from '../common/fileToBase64';
import { FormDialog } from '../common/FormDialog';
import { useNotify } from '../common/Notifier';

const MIN_PASSWORD = 8;

/** 导出加密备份包: the whole data in one password-protected file, to move to another PC. */
export function ExportPackageDialog({ onClose }: { onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<{ field: 'password' | 'again' | '_form'; message: string } | null>(null);
  const notify = useNotify();
  const run = useMutation({ mutationFn: (p: string) => call('backup.exportPackage', { password: p }) });

  const submit = () => {
    if (password.length < MIN_PASSWORD)
      return setError({ field: 'password', message: `密码至少${MIN_PASSWORD}个字符` });
    if (again !== password) return setError({ field: 'again', message: '两次输入的密码不一致' });
    setError(null);
    run.mutate(password, {
      onSuccess: (r) => {
        if (r.saved) notify.success(`已导出：${r.path}`);
        onClose();
      },
      onError: (e) => setError({ field: '_form', message: errorMessage(e) }),
    });
  };

  return (
    <FormDialog
      open
      title="导出加密备份包"
      dirty={password !== '' || again !== ''}
      busy={run.isPending}
      formError={error?.field === '_form' ? error.message : null}
      submitText="导出"
      onSubmit={submit}
      onClose={onClose}
    >
      <Stack spacing={2}>
        <Alert severity="info">换电脑时用：在新电脑上用“导入备份包”恢复。请牢记密码，忘记密码无法恢复。</Alert>
        <TextField
          label="备份包密码"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
          autoComplete="new-password"
          error={error?.field === 'password'}
          helperText={error?.field === 'password' ? error.message : `至少${MIN_PASSWORD}个字符`}
        />
        <TextField
          label="再次输入密码"
          type="password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          autoComplete="new-password"
          error={error?.field === 'again'}
          helperText={error?.field === 'again' ? error.message : ' '}
        />
      </Stack>
    </FormDialog>
  );
}

/** 导入备份包: choose the .dgwbak file and its password; the preview then opens in the restore dialog. */
export function ImportPackageDialog({
  onClose,
  onPreview,
}: {
  onClose: () => void;
  onPreview: (preview: RestorePreview) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: async (i: { file: File; password: string }) =>
      call('backup.previewPackage', {
        fileName: i.file.name,
        dataBase64: await fileToBase64(i.file),
        password: i.password,
      }),
  });

  const submit = () => {
    if (!file) return setError('请选择备份包文件（.dgwbak）');
    if (!password) return setError('请输入备份包密码');
    setError(null);
    run.mutate({ file, password }, { onSuccess: onPreview, onError: (e) => setError(errorMessage(e)) });
  };

  return (
    <FormDialog
      open
      title="导入备份包"
      dirty={file !== null || password !== ''}
      busy={run.isPending}
      formError={error}
      submitText="检查备份包"
      onSubmit={submit}
      onClose={onClose}
    >
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          选择在另一台电脑上导出的加密备份包，输入导出时设置的密码。检查无误后才会恢复，恢复前当前数据会先保存为撤销点。
        </Typography>
        <Stack direction="row" spacing={1.5} alignItems="center">
          <Button variant="outlined" component="label">
            选择备份包…
            <input
              hidden
              type="file"
              accept=".dgwbak"
              aria-label="选择备份包文件"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
              }}
            />
          </Button>
          <Typography sx={{ wordBreak: 'break-all' }} color={file ? 'text.primary' : 'text.secondary'}>
            {file ? file.name : '未选择文件'}
          </Typography>
        </Stack>
        <TextField
          label="备份包密码"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="off"
        />
      </Stack>
    </FormDialog>
  );
}
