import { useState } from 'react';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import LockOutlined from '@mui/icons-material/LockOutlined';
import PersonOutline from '@mui/icons-material/PersonOutline';
import { apiFieldErrors, type FieldErrors } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useNotify } from '../common/Notifier';
import { lock, setOperator, useAuthAction, useAuthStatus } from './queries';

/** Changes who the operation log names from now on. */
export function OperatorDialog({ current, onClose }: { current: string; onClose: () => void }) {
  const [name, setName] = useState(current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAuthAction(setOperator);
  const notify = useNotify();
  const submit = () => {
    const trimmed = name.trim();
    if (!trimmed) return setErrors({ operatorName: '请填写操作员姓名' });
    action.mutate(trimmed, {
      onSuccess: (s) => {
        notify.success(`当前操作员：${s.operatorName}`);
        onClose();
      },
      onError: (e) => setErrors(apiFieldErrors(e, ['operatorName'])),
    });
  };
  return (
    <FormDialog
      open
      title="更换操作员"
      dirty={name.trim() !== current}
      busy={action.isPending}
      formError={errors._form}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="xs"
    >
      <TextField
        label="操作员姓名"
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
        fullWidth
        error={!!errors.operatorName}
        helperText={errors.operatorName ?? '之后的每项操作在操作日志里记为此人所做'}
        slotProps={{ htmlInput: { maxLength: 20 } }}
      />
    </FormDialog>
  );
}

/** The app bar's right side: who is working (click to change) and 锁定 when a startup password is set. */
export function AppBarSecurity() {
  const status = useAuthStatus();
  const lockAction = useAuthAction(lock);
  const [changing, setChanging] = useState(false);
  const s = status.data;
  if (!s) return null;
  return (
    <>
      <Tooltip title="更换操作员">
        <Button
          color="inherit"
          size="small"
          startIcon={<PersonOutline />}
          onClick={() => setChanging(true)}
          aria-label={`操作员：${s.operatorName}（点击更换）`}
          sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}
        >
          操作员：{s.operatorName}
        </Button>
      </Tooltip>
      {s.passwordSet && (
        <Button
          color="inherit"
          size="small"
          variant="outlined"
          startIcon={<LockOutlined />}
          onClick={() => lockAction.mutate(undefined)}
          title="锁定工作台（Ctrl+L）"
          sx={{ color: 'text.secondary', borderColor: 'divider', whiteSpace: 'nowrap' }}
        >
          锁定
        </Button>
      )}
      {changing && <OperatorDialog current={s.operatorName} onClose={() => setChanging(false)} />}
    </>
  );
}
