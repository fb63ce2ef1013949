import { useState } from 'react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { AgendaItemInput, type AgendaItem } from '../../shared/contract/meetings';
import { apiFieldErrors, checkDraft, type FieldErrors } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useMeetingMutation } from './queries';

type Draft = { title: string; presenter: string; notes: string };
const FIELDS = ['title', 'presenter', 'notes'];

/** 编辑议题: the item's title, who presents it and a note; its discussion and decisions are typed on the screen. */
export function AgendaItemDialog({
  meetingId,
  item,
  onClose,
}: {
  meetingId: number;
  item: AgendaItem;
  onClose: () => void;
}) {
  const initial: Draft = { title: item.title, presenter: item.presenter, notes: item.notes };
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMeetingMutation('meetings.saveAgendaItem');
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));

  const submit = () => {
    const parsed = checkDraft(AgendaItemInput, { id: item.id, meetingId, ...draft }, FIELDS);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: onClose,
      onError: (e) => setErrors(apiFieldErrors(e, FIELDS)),
    });
  };

  return (
    <FormDialog
      open
      title="编辑议题"
      dirty={dirty}
      busy={save.isPending}
      formError={errors._form}
      onSubmit={submit}
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          label="议题"
          value={draft.title}
          onChange={set('title')}
          required
          autoFocus
          error={!!errors.title}
          helperText={errors.title}
        />
        <TextField
          label="汇报人"
          value={draft.presenter}
          onChange={set('presenter')}
          error={!!errors.presenter}
          helperText={errors.presenter}
        />
        <TextField
          label="说明"
          value={draft.notes}
          onChange={set('notes')}
          multiline
          minRows={3}
          error={!!errors.notes}
          helperText={errors.notes ?? '会前准备的情况说明，显示在议题下方'}
        />
      </Stack>
    </FormDialog>
  );
}
