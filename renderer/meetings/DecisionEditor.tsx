import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
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
import { clearLocalDraft, decisionDraftKey, draftToRestore, writeLocalDraft } from './draftStore';

interface Values {
  content: string;
  leadUnitId: number | null;
  partnerUnitIds: number[];
  deadline: string;
  target: string;
}

const EMPTY: Values = { content: '', leadUnitId: null, partnerUnitIds: [], deadline: '', target: '' };

const valuesOf = (d: Decision): Values => ({
  content: d.content,
  leadUnitId: d.leadUnitId,
  partnerUnitIds: d.partners.flatMap((p) => (p.unitId ? [p.unitId] : [])),
  deadline: d.deadline ?? '',
  target: d.target,
});

/**
 * One 议定事项, typed during the meeting and saved as it is typed (0.6 s after a pause, on leaving a field, when
 * the window is hidden or closed, and when the screen is left). With a 责任单位 it becomes a 督办事项.
 * A new one (decision null) is on screen and typeable at once; it is created in the database right after
 * mounting, and later saves wait for that, so nothing typed in between is lost or saved twice.
 * The content also goes to localStorage on every change and is offered back when newer than the database.
 */
export function DecisionEditor({
  decision,
  agendaItemId,
  index,
  units,
  locked,
  autoFocus,
  onCreated,
  onDeleted,
  onSaved,
}: {
  decision: Decision | null;
  agendaItemId: number;
  index: number;
  units: Unit[];
  locked: boolean;
  autoFocus: boolean;
  onCreated?: (id: number) => void;
  onDeleted: () => void;
  onSaved: () => void;
}) {
  const [restored, setRestored] = useState(false);
  const [v, setV] = useState<Values>(() => {
    const start = decision ? valuesOf(decision) : EMPTY;
    const local =
      decision && !locked ? draftToRestore(decisionDraftKey(decision.id), decision.content, decision.updatedAt) : null;
    return local ? { ...start, content: local.text } : start;
  });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState<'saved' | 'pending' | 'saving'>('saved');
  const latest = useRef(v);
  const savedJson = useRef(decision ? JSON.stringify(valuesOf(decision)) : '');
  const idRef = useRef<number | undefined>(decision?.id);
  const timer = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  const save = async (): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    // One request at a time: the first one may be the create whose id every later save needs.
    while (inFlight.current) await inFlight.current;
    const cur = latest.current;
    const json = JSON.stringify(cur);
    if (idRef.current !== undefined && json === savedJson.current) return;
    setSaving('saving');
    const created = idRef.current === undefined;
    const p = call('meetings.saveDecision', {
      id: idRef.current,
      agendaItemId,
      content: cur.content,
      leadUnitId: cur.leadUnitId,
      partnerUnitIds: cur.leadUnitId ? cur.partnerUnitIds : [],
      deadline: cur.leadUnitId && cur.deadline ? cur.deadline : null,
      target: cur.leadUnitId ? cur.target : '',
    })
      .then((d) => {
        idRef.current = d.id;
        savedJson.current = json;
        const key = decisionDraftKey(d.id);
        clearLocalDraft(key, cur.content);
        // Typed while the create was on its way: now it has a place in localStorage too.
        if (created && latest.current.content !== cur.content) writeLocalDraft(key, latest.current.content);
        setError(null);
        setSaving(JSON.stringify(latest.current) === json ? 'saved' : 'pending');
        if (created) onCreated?.(d.id);
        onSaved();
      })
      .catch((e: unknown) => {
        setError(errorMessage(e));
        setSaving('pending');
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = p;
    await p;
  };

  useEffect(() => {
    // A new decision is created at once; a restored local copy is saved at once.
    if (!decision) void save();
    else if (v.content !== decision.content) {
      setRestored(true);
      setSaving('pending');
      void save();
    }
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save();
    };
    const onUnload = () => void save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onUnload);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onUnload);
      window.removeEventListener('beforeunload', onUnload);
      // Leaving the screen saves pending typing.
      void save();
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- on mount and unmount only

  const update = (patch: Partial<Values>, immediate = false) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setV(next);
    setSaving('pending');
    if (patch.content !== undefined && idRef.current !== undefined)
      writeLocalDraft(decisionDraftKey(idRef.current), patch.content);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), immediate ? 0 : 600);
  };

  const remove = async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
    const id = idRef.current;
    if (id === undefined) return onDeleted();
    try {
      await call('meetings.deleteDecision', { id });
      window.localStorage.removeItem(decisionDraftKey(id));
      // Nothing left to save on unmount.
      savedJson.current = JSON.stringify(latest.current);
      onDeleted();
    } catch (e) {
      setError(errorMessage(e));
    }
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
          {decision?.status && (
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
            <IconButton size="small" aria-label={`删除${label}`} onClick={() => void remove()}>
              <DeleteOutline fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      {restored && (
        <Alert severity="info" sx={{ mb: 1 }} onClose={() => setRestored(false)}>
          已恢复未保存的草稿：上次关闭前输入的内容已找回，并已重新保存。
        </Alert>
      )}
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
              placeholder={decision?.leadUnitName && !lead ? decision.leadUnitName : ''}
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
