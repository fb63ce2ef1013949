import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { OPTION_LISTS, type OptionListName } from '../../shared/domain/options';
import { errorMessage } from '../common/errors';
import { useNotify } from '../common/Notifier';
import { useOptionList, useSaveOptionList } from './queries';

/** One editable option list of 设置 (会议类型, 需求类别, …): type a new entry and press Enter, remove with ×. */
export function OptionListField({ list }: { list: OptionListName }) {
  const { label, hint } = OPTION_LISTS[list];
  const items = useOptionList(list);
  const save = useSaveOptionList();
  const notify = useNotify();
  const [edited, setEdited] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = edited ?? items.data ?? [];

  const submit = () =>
    save.mutate(
      { list, items: value },
      {
        onSuccess: () => {
          setEdited(null);
          setError(null);
          notify.success(`${label}已保存`);
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );

  return (
    <Stack spacing={1}>
      <Autocomplete<string, true, false, true>
        multiple
        freeSolo
        options={[]}
        value={value}
        onChange={(_e, v) => setEdited([...new Set(v.map((s) => s.trim()).filter(Boolean))])}
        renderValue={(v, getItemProps) =>
          v.map((k, i) => <Chip {...getItemProps({ index: i })} key={k} label={k} size="small" />)
        }
        renderInput={(p) => (
          <TextField {...p} label={label} helperText={error ?? `输入后按 Enter 添加；${hint}`} error={!!error} />
        )}
      />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" disabled={edited === null || save.isPending} onClick={submit}>
          保存{label}
        </Button>
        {edited !== null && (
          <Button color="inherit" onClick={() => (setEdited(null), setError(null))}>
            撤销修改
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
