import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AuthStatus } from '../../shared/contract/auth';
import { errorMessage } from '../common/errors';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import {
  clearPassword,
  setIdleMinutes,
  setOperator,
  setPassword,
  useAuthAction,
  useAuthStatus,
} from '../security/queries';

const IDLE_OPTIONS = [
  { value: 0, label: '不自动锁定' },
  { value: 5, label: '5 分钟' },
  { value: 10, label: '10 分钟' },
  { value: 15, label: '15 分钟' },
  { value: 30, label: '30 分钟' },
  { value: 60, label: '60 分钟' },
];
const MIN_PASSWORD = 6;

type Errors = Partial<Record<'current' | 'next' | 'again' | '_form', string>>;

function PasswordForm({ status }: { status: AuthStatus }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [idle, setIdle] = useState(status.idleMinutes);
  const [errors, setErrors] = useState<Errors>({});
  const notify = useNotify();
  const save = useAuthAction(setPassword);
  const clear = useAuthAction(clearPassword);
  const changeIdle = useAuthAction(setIdleMinutes);
  const busy = save.isPending || clear.isPending || changeIdle.isPending;
  const set = status.passwordSet;
  // Options the clerk did not pick from the list (set elsewhere) still show.
  const options = IDLE_OPTIONS.some((o) => o.value === idle)
    ? IDLE_OPTIONS
    : [...IDLE_OPTIONS, { value: idle, label: `${idle} 分钟` }];

  const reset = () => {
    setCurrent('');
    setNext('');
    setAgain('');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    // Only the idle time changed: no password needed for that.
    if (set && !next && !again) {
      if (idle === status.idleMinutes) return setErrors({ next: '请输入新密码' });
      setErrors({});
      return changeIdle.mutate(idle, {
        onSuccess: () => notify.success(idle ? `空闲 ${idle} 分钟后自动锁定` : '已设为不自动锁定'),
        onError: (err) => setErrors({ _form: errorMessage(err) }),
      });
    }
    const errs: Errors = {};
    if (set && !current) errs.current = '请输入当前密码';
    if (next.length < MIN_PASSWORD) errs.next = `密码至少${MIN_PASSWORD}个字符`;
    else if (again !== next) errs.again = '两次输入的密码不一致';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate(
      { currentPassword: current, newPassword: next, idleMinutes: idle },
      {
        onSuccess: () => {
          reset();
          notify.success(set ? '启动密码已修改' : '启动密码已设置。按 Ctrl+L 或点右上角“锁定”可随时锁定');
        },
        onError: (err) =>
          setErrors({ current: set ? errorMessage(err) : undefined, _form: set ? undefined : errorMessage(err) }),
      },
    );
  };

  const onClear = () => {
    if (!current) return setErrors({ current: '取消启动密码需要先输入当前密码' });
    setErrors({});
    clear.mutate(current, {
      onSuccess: () => {
        reset();
        notify.success('已取消启动密码，打开工作台不再需要密码');
      },
      onError: (err) => setErrors({ current: errorMessage(err) }),
    });
  };

  return (
    <Stack component="form" noValidate onSubmit={submit} spacing={2}>
      <Typography color="text.secondary" variant="body2">
        {set
          ? '已设置启动密码：打开工作台、锁定后都要输入密码。'
          : '设置启动密码后，打开工作台要先输入密码，离开电脑时可以锁定（Ctrl+L）。'}
      </Typography>
      {errors._form && <Alert severity="error">{errors._form}</Alert>}
      {set && (
        <TextField
          label="当前密码"
          type="password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={!!errors.current}
          helperText={errors.current}
          autoComplete="current-password"
          size="small"
        />
      )}
      <TextField
        label={set ? '新密码' : '启动密码'}
        type="password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={!!errors.next}
        helperText={errors.next ?? `至少${MIN_PASSWORD}个字符${set ? '；只改自动锁定时间可不填' : ''}`}
        autoComplete="new-password"
        size="small"
      />
      <TextField
        label="再次输入密码"
        type="password"
        value={again}
        onChange={(e) => setAgain(e.target.value)}
        error={!!errors.again}
        helperText={errors.again}
        autoComplete="new-password"
        size="small"
      />
      <TextField
        select
        label="自动锁定"
        value={idle}
        onChange={(e) => setIdle(Number(e.target.value))}
        size="small"
        helperText="电脑空闲这么久后自动锁定"
        sx={{ width: 220 }}
      >
        {options.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction="row" spacing={1.5}>
        <Button type="submit" variant="contained" disabled={busy}>
          {set ? '保存' : '设置密码'}
        </Button>
        {set && (
          <Button color="error" onClick={onClear} disabled={busy}>
            取消启动密码
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

function OperatorForm({ status }: { status: AuthStatus }) {
  const [name, setName] = useState(status.operatorName);
  const [error, setError] = useState<string | null>(null);
  const save = useAuthAction(setOperator);
  const notify = useNotify();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return setError('请填写操作员姓名');
    setError(null);
    save.mutate(n, {
      onSuccess: (s) => notify.success(`当前操作员：${s.operatorName}`),
      onError: (err) => setError(errorMessage(err)),
    });
  };
  return (
    <Stack component="form" noValidate onSubmit={submit} direction="row" spacing={1.5} alignItems="flex-start">
      <TextField
        label="操作员姓名"
        value={name}
        onChange={(e) => setName(e.target.value)}
        size="small"
        error={!!error}
        helperText={error ?? '操作日志里记录为此人所做'}
        slotProps={{ htmlInput: { maxLength: 20 } }}
      />
      <Button type="submit" variant="outlined" disabled={save.isPending || name.trim() === status.operatorName}>
        保存
      </Button>
    </Stack>
  );
}

/** 设置 → 安全: the startup password, the idle lock and who the log names. */
export function SecurityCard() {
  const status = useAuthStatus();
  return (
    <Paper component="section" variant="outlined" sx={{ p: 3, maxWidth: 560 }} aria-label="安全">
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        安全
      </Typography>
      {status.isPending && <Loading />}
      {status.isError && <LoadError error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <Stack spacing={3}>
          <OperatorForm key={status.data.operatorName} status={status.data} />
          <PasswordForm key={`${status.data.passwordSet}|${status.data.idleMinutes}`} status={status.data} />
        </Stack>
      )}
    </Paper>
  );
}
