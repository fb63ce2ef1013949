import { useEffect, useRef, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/DeleteOutline';
import type { Decision } from '../../shared/contract/meetings';
import type { Unit } from '../../shared/contract/units';
import { SUPERVISION_STATUS_LABELS } from '../../shared/domain/meetings';
import { call } from '../api/client';
import { errorMessage } from '../common/errors';

interface Values {
  content: string;
  leadUnitId: number | null;
  partnerUnitIds: number[];
  deadline: string;
  target: string;
}

const valuesOf = (d: Decision): Values => ({
  content: d.content,
  leadUnitId: d.leadUnitId,
  partnerUnitIds: d.partners.flatMap((p) => (p.unitId ? [p.unitId] : [])),
  deadline: d.deadline ?? '',
  target: d.target,
});

/**
 * One 议定事项, typed during the meeting and saved as it is typed (0.6 s after a pause, and on leaving a field).
 * With a 责任单位 it becomes a 督办事项.
 */
export function DecisionEditor({
  decision,
  index,
  units,
  locked,
  autoFocus,
  onDeleted,
  onSaved,
}: {
  decision: Decision;
  index: number;
  units: Unit[];
  locked: boolean;
  autoFocus: boolean;
  onDeleted: () => void;
  onSaved: () => void;
}) {
  const [v, setV] = useState<Values>(() => valuesOf(decision));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState<'saved' | 'pending' | 'saving'>('saved');
  const latest = useRef(v);
  const savedJson = useRef(JSON.stringify(valuesOf(decision)));
  const timer = useRef<number | null>(null);

  const save = async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const cur = latest.current;
    const json = JSON.stringify(cur);
    if (json === savedJson.current) return;
    setSaving('saving');
    try {
      await call('meetings.saveDecision', {
        id: decision.id,
        agendaItemId: decision.agendaItemId,
        content: cur.content,
        leadUnitId: cur.leadUnitId,
        partnerUnitIds: cur.leadUnitId ? cur.partnerUnitIds : [],
        deadline: cur.leadUnitId && cur.deadline ? cur.deadline : null,
        target: cur.leadUnitId ? cur.target : '',
      });
      savedJson.current = json;
      setError(null);
      setSaving(JSON.stringify(latest.current) === json ? 'saved' : 'pending');
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
      setSaving('pending');
    }
  };

  // Leaving the screen saves pending typing.
  useEffect(() => () => void save(), []); // eslint-disable-line react-hooks/exhaustive-deps -- on unmount only

  const update = (patch: Partial<Values>, immediate = false) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setV(next);
    setSaving('pending');
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), immediate ? 0 : 600);
  };

  const unitById = new Map(units.map((u) => [u.id, u]));
  const lead = v.leadUnitId ? (unitById.get(v.leadUnitId) ?? null) : null;
  const partners = v.partnerUnitIds.flatMap((id) => (unitById.has(id) ? [unitById.get(id)!] : []));
  const label = `议定事项${index + 1}`;

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} aria-label={label} role="group">
      <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {label}
          {decision.status && (
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              督办：{SUPERVISION_STATUS_LABELS[decision.status]}
            </Typography>
          )}
        </Typography>
        <Typography variant="caption" color={error ? 'error' : 'text.secondary'}>
          {error ?? (saving === 'saved' ? '已保存' : '正在保存…')}
        </Typography>
        {!locked && (
          <Tooltip title="删除此议定事项">
            <IconButton
              size="small"
              aria-label={`删除${label}`}
              onClick={() => {
                if (timer.current !== null) window.clearTimeout(timer.current);
                call('meetings.deleteDecision', { id: decision.id }).then(onDeleted, (e: unknown) =>
                  setError(errorMessage(e)),
                );
              }}
            >
              <DeleteOutline fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      <TextField
        label={`${label}内容`}
        value={v.content}
        onChange={(e) => update({ content: e.target.value })}
        onBlur={() => void save()}
        multiline
        minRows={2}
        fullWidth
        size="small"
        autoFocus={autoFocus}
        slotProps={{ input: { readOnly: locked } }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Autocomplete<Unit>
          sx={{ flex: 1.2 }}
          size="small"
          options={units}
          value={lead}
          disabled={locked}
          getOptionLabel={(u) => u.name}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={(_e, u) =>
            update({ leadUnitId: u?.id ?? null, partnerUnitIds: v.partnerUnitIds.filter((p) => p !== u?.id) }, true)
          }
          renderInput={(p) => (
            <TextField
              {...p}
              label="责任单位"
              placeholder={decision.leadUnitName && !lead ? decision.leadUnitName : ''}
            />
          )}
        />
        <Autocomplete<Unit, true>
          sx={{ flex: 1.6 }}
          size="small"
          multiple
          options={units.filter((u) => u.id !== v.leadUnitId)}
          value={partners}
          disabled={locked || !v.leadUnitId}
          getOptionLabel={(u) => u.name}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={(_e, us) => update({ partnerUnitIds: us.map((u) => u.id) }, true)}
          renderInput={(p) => <TextField {...p} label="配合单位" />}
        />
        <TextField
          sx={{ width: 160 }}
          size="small"
          type="date"
          label="完成时限"
          value={v.deadline}
          disabled={locked || !v.leadUnitId}
          onChange={(e) => update({ deadline: e.target.value })}
          onBlur={() => void save()}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          sx={{ flex: 1 }}
          size="small"
          label="目标"
          value={v.target}
          disabled={locked || !v.leadUnitId}
          onChange={(e) => update({ target: e.target.value })}
          onBlur={() => void save()}
        />
      </Stack>
    </Paper>
  );
}
