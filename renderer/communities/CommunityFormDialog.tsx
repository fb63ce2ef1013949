import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { CommunityInput, type Community } from '../../shared/contract/units';
import { cleanText } from '../../shared/domain/text';
import { apiFieldErrors, checkDraft, type FieldErrors } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useNotify } from '../common/Notifier';
import { GridChipInput } from './GridChipInput';
import { useSaveCommunity } from './queries';

const FIELDS = ['name', 'grids', 'notes'] as const;

/** 新增社区 / 编辑社区: name, 网格 as chips, notes. */
export function CommunityFormDialog({
  community,
  onClose,
  onDelete,
}: {
  community?: Community;
  onClose: () => void;
  onDelete?: (c: Community) => void;
}) {
  const notify = useNotify();
  const save = useSaveCommunity();
  const [name, setName] = useState(community?.name ?? '');
  const [grids, setGrids] = useState<string[]>(community?.grids ?? []);
  const [pendingGrid, setPendingGrid] = useState('');
  const [notes, setNotes] = useState(community?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [initial] = useState(() => JSON.stringify({ name, grids, notes }));

  const dirty = JSON.stringify({ name, grids, notes }) !== initial || pendingGrid.trim() !== '';

  const submit = async () => {
    // A grid name typed but not yet turned into a chip is kept, not dropped.
    const pending = cleanText(pendingGrid);
    const allGrids = pending && !grids.includes(pending) ? [...grids, pending] : grids;
    if (allGrids !== grids) {
      setGrids(allGrids);
      setPendingGrid('');
    }
    const input = { id: community?.id, name, grids: allGrids, notes };
    const parsed = checkDraft(CommunityInput, input, FIELDS);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    try {
      const saved = await save.mutateAsync(parsed.data);
      notify.success(community ? `已保存“${saved.name}”` : `已新增社区“${saved.name}”`);
      onClose();
    } catch (e) {
      setErrors(apiFieldErrors(e, FIELDS));
    }
  };

  return (
    <FormDialog
      open
      title={community ? '编辑社区' : '新增社区'}
      dirty={dirty}
      busy={save.isPending}
      formError={errors._form}
      onSubmit={() => void submit()}
      onClose={onClose}
      extraActions={
        community &&
        onDelete && (
          <Button color="error" onClick={() => onDelete(community)} disabled={save.isPending}>
            删除社区
          </Button>
        )
      }
    >
      <Box sx={{ display: 'grid', rowGap: 2.25, pt: 0.5 }}>
        <TextField
          id="community-name"
          label="社区名称"
          required
          autoFocus
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setErrors(({ name: _n, ...rest }) => rest);
          }}
          error={!!errors.name}
          helperText={errors.name}
          disabled={save.isPending}
        />
        <GridChipInput
          value={grids}
          onChange={(g) => {
            setGrids(g);
            setErrors(({ grids: _g, ...rest }) => rest);
          }}
          pending={pendingGrid}
          onPendingChange={setPendingGrid}
          error={errors.grids}
          disabled={save.isPending}
        />
        <TextField
          id="community-notes"
          label="备注"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={!!errors.notes}
          helperText={errors.notes}
          disabled={save.isPending}
          multiline
          minRows={2}
          maxRows={6}
        />
      </Box>
    </FormDialog>
  );
}
