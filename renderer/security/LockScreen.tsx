import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Modal from '@mui/material/Modal';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LockOutlined from '@mui/icons-material/LockOutlined';
import type { AuthStatus } from '../../shared/contract/auth';
import type { Settings } from '../../shared/contract/settings';
import { errorMessage } from '../common/errors';
import { PARTY_RED } from '../app/theme';
import { unlock, useAuthAction } from './queries';

/** Above every dialog, menu, snackbar and tooltip of the app below. */
const LOCK_Z = 2000;

/**
 * The lock screen: an opaque modal over the whole app. The app below stays mounted, so what was typed in
 * an open dialog is still there after unlocking; being the newest modal, it owns the focus (the dialogs
 * below stop enforcing theirs) and hides the rest from screen readers.
 */
export function LockScreen({ status, settings }: { status: AuthStatus; settings: Settings | undefined }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const action = useAuthAction(unlock);
  const open = status.locked;

  useEffect(() => {
    if (!open) return;
    setPassword('');
    const t = window.setTimeout(() => inputRef.current?.focus(), 0);
    return () => window.clearTimeout(t);
  }, [open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (action.isPending) return;
    if (!password) return setError('请输入密码');
    setError(null);
    action.mutate(password, {
      onSuccess: () => {
        setPassword('');
        setError(null);
      },
      onError: (err) => {
        setError(errorMessage(err));
        setPassword('');
        inputRef.current?.focus();
      },
    });
  };

  const lockedOut = status.lockedOutUntil
    ? `密码连续输错次数过多，请于 ${new Date(status.lockedOutUntil).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' })} 后再试`
    : null;

  return (
    <Modal
      open={open}
      disableEscapeKeyDown
      sx={{ zIndex: LOCK_Z }}
      slotProps={{ backdrop: { sx: { bgcolor: '#F3F4F6' } } }}
    >
      <Box
        role="dialog"
        aria-modal="true"
        aria-label="工作台已锁定"
        sx={{
          position: 'fixed',
          inset: 0,
          bgcolor: '#F3F4F6',
          display: 'grid',
          placeItems: 'center',
          outline: 'none',
          borderTop: `3px solid ${PARTY_RED}`,
        }}
      >
        <Paper
          component="form"
          noValidate
          onSubmit={submit}
          elevation={0}
          variant="outlined"
          sx={{ width: 400, p: 4, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1.5 }}
        >
          <LockOutlined sx={{ fontSize: 44, color: 'primary.main' }} />
          <Typography id="lock-title" variant="h5" component="h1" sx={{ fontWeight: 700, textAlign: 'center' }}>
            {settings?.committeeName || '大工委工作台'}
          </Typography>
          {settings?.streetName && <Typography color="text.secondary">{settings.streetName}</Typography>}
          <Typography sx={{ mt: 1 }}>工作台已锁定，请输入启动密码解锁</Typography>
          <TextField
            inputRef={inputRef}
            label="密码"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
            fullWidth
            autoComplete="current-password"
            disabled={action.isPending}
            sx={{ mt: 1 }}
          />
          {(error ?? lockedOut) && (
            <Alert severity="error" sx={{ width: '100%' }} role="alert">
              {error ?? lockedOut}
            </Alert>
          )}
          <Button type="submit" variant="contained" fullWidth size="large" disabled={action.isPending}>
            解锁
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            当前操作员：{status.operatorName}
          </Typography>
        </Paper>
      </Box>
    </Modal>
  );
}
