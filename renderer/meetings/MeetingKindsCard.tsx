import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { errorMessage } from '../common/errors';
import { useNotify } from '../common/Notifier';
import { useMeetingKinds } from './queries';

/** 设置 → 会议类型: the kinds offered when a meeting is created (type a new one and press Enter). */
export function MeetingKindsCard() {
  const kinds = useMeetingKinds();
  const qc = useQueryClient();
  const notify = useNotify();
  const [edited, setEdited] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = edited ?? kinds.data?.kinds ?? [];

  const save = async () => {
    try {
      const r = await call('meetings.saveKinds', { kinds: value });
      qc.setQueryData([...keys.meetings, 'kinds'], r);
      setEdited(null);
      setError(null);
      notify.success('会议类型已保存');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 560 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        会议类型
      </Typography>
      <Autocomplete<string, true, false, true>
        multiple
        freeSolo
        options={[]}
        value={value}
        onChange={(_e, v) => setEdited(v.map((s) => s.trim()).filter(Boolean))}
        renderValue={(v, getItemProps) =>
          v.map((k, i) => <Chip {...getItemProps({ index: i })} key={k} label={k} size="small" />)
        }
        renderInput={(p) => (
          <TextField
            {...p}
            label="会议类型"
            helperText={error ?? '输入新的类型后按 Enter；已有会议的类型不受影响'}
            error={!!error}
          />
        )}
      />
      <Stack direction="row" sx={{ mt: 2 }}>
        <Button variant="contained" disabled={edited === null} onClick={() => void save()}>
          保存会议类型
        </Button>
      </Stack>
    </Paper>
  );
}
