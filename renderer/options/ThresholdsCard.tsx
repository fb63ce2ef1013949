import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ListThresholds } from '../../shared/contract/options';
import { apiFieldErrors, checkDraft, type FieldErrors } from '../common/errors';
import { useNotify } from '../common/Notifier';
import { useSaveThresholds, useThresholds } from './queries';

type Draft = { backlogDays: string; stallDays: string };
const FIELDS = ['backlogDays', 'stallDays'] as const;

/** 设置 → 积压与停滞: after how many days an open need counts as 积压 and a project without progress as 停滞. */
export function ThresholdsCard() {
  const current = useThresholds();
  const save = useSaveThresholds();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown: Draft = draft ?? {
    backlogDays: String(current.data?.backlogDays ?? ''),
    stallDays: String(current.data?.stallDays ?? ''),
  };

  const submit = () => {
    const parsed = checkDraft(
      ListThresholds,
      { backlogDays: Number(shown.backlogDays), stallDays: Number(shown.stallDays) },
      FIELDS,
    );
    if (!parsed.ok) return setErrors(parsed.errors);
    save.mutate(parsed.data, {
      onSuccess: () => {
        setDraft(null);
        setErrors({});
        notify.success('积压与停滞天数已保存');
      },
      onError: (e) => setErrors(apiFieldErrors(e, FIELDS)),
    });
  };

  const field = (k: keyof Draft, label: string, hint: string) => (
    <TextField
      label={label}
      type="number"
      value={shown[k]}
      onChange={(e) => setDraft({ ...shown, [k]: e.target.value })}
      error={!!errors[k]}
      helperText={errors[k] ?? hint}
      slotProps={{ htmlInput: { min: 1, max: 3650 } }}
      sx={{ width: 260 }}
    />
  );

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 720 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        积压与停滞
      </Typography>
      <Stack direction="row" spacing={2}>
        {field('backlogDays', '积压天数', '待对接的需求超过这么多天算积压')}
        {field('stallDays', '停滞天数', '推进中的项目这么多天无进度算停滞')}
      </Stack>
      {errors._form && (
        <Typography color="error" variant="body2" sx={{ mt: 1 }}>
          {errors._form}
        </Typography>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
        <Button variant="contained" disabled={draft === null || save.isPending} onClick={submit}>
          保存天数
        </Button>
        {draft !== null && (
          <Button color="inherit" onClick={() => (setDraft(null), setErrors({}))}>
            撤销修改
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
