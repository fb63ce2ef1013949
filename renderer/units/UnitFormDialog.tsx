import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import { call } from '../api/client';
import { UnitInput, type Pairing, type UnitDetail } from '../../shared/contract/units';
import { invalidateDirectory } from '../app/queryClient';
import { useConfirm } from '../common/Confirm';
import { apiFieldErrors, checkDraft, errorMessage, type FieldErrors } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { useCommunities } from '../communities/queries';
import { PairingEditor } from './PairingEditor';
import { draftFromPairing, draftSnapshot, draftToInput, type PairingDraft } from './pairingDrafts';
import { deletePairing, savePairing, useDeleteUnit, useSaveUnit, useUnit } from './queries';
import { UnitFields, UNIT_FIELD_NAMES, emptyUnitValues, unitValuesOf, type UnitValues } from './UnitFields';
import { UnitServiceSummary } from './UnitServiceSummary';

/**
 * 新增共建单位 / 编辑共建单位. Loads the unit (with its pairings) first when editing.
 * Opened from the unit list and from the 结对分配表.
 */
export default function UnitFormDialog({ unitId, onClose }: { unitId?: number; onClose: () => void }) {
  const detail = useUnit(unitId);
  if (unitId !== undefined && !detail.data) {
    return (
      <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="unit-loading-title">
        <DialogTitle id="unit-loading-title">编辑共建单位</DialogTitle>
        <DialogContent dividers>
          {detail.isError ? <LoadError error={detail.error} onRetry={() => void detail.refetch()} /> : <Loading />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} color="inherit">
            关闭
          </Button>
        </DialogActions>
      </Dialog>
    );
  }
  return <UnitForm detail={detail.data} onClose={onClose} />;
}

/** A field's message goes once the clerk changes that field (it is checked again on save). */
function withoutChanged(errs: FieldErrors, before: UnitValues, after: UnitValues): FieldErrors {
  const next = { ...errs };
  for (const k of UNIT_FIELD_NAMES) if (before[k] !== after[k]) delete next[k];
  return next;
}

const snapshot = (v: UnitValues, p: PairingDraft[]) => JSON.stringify({ v, p: p.map(draftSnapshot) });

function UnitForm({ detail, onClose }: { detail?: UnitDetail; onClose: () => void }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const confirm = useConfirm();
  const communities = useCommunities();
  const saveUnit = useSaveUnit();
  const deleteUnit = useDeleteUnit();

  const [values, setValues] = useState<UnitValues>(() => (detail ? unitValuesOf(detail) : emptyUnitValues()));
  const [drafts, setDrafts] = useState<PairingDraft[]>(() => (detail?.pairings ?? []).map(draftFromPairing));
  const [initial] = useState(() => snapshot(values, drafts));
  /** The unit's id once it exists (a new unit saved, its pairings not all saved, keeps updating that unit). */
  const [unitId, setUnitId] = useState<number | undefined>(detail?.id);
  /** The pairings as the main side has them; drafts are compared with these on save. */
  const [baseline, setBaseline] = useState<Pairing[]>(detail?.pairings ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pairingErrors, setPairingErrors] = useState<Record<string, FieldErrors>>({});
  const [busy, setBusy] = useState(false);

  const dirty = snapshot(values, drafts) !== initial;
  const title = detail ? '编辑共建单位' : '新增共建单位';

  const focusField = (field: string) => window.setTimeout(() => document.getElementById(`unit-${field}`)?.focus(), 0);

  const syncPairings = async (id: number) => {
    const kept = new Set(drafts.filter((d) => d.id !== undefined).map((d) => d.id));
    for (const p of baseline) if (!kept.has(p.id)) await deletePairing(p.id);
    for (const d of drafts) {
      const before = baseline.find((p) => p.id === d.id);
      const unchanged =
        before && JSON.stringify(draftSnapshot(draftFromPairing(before))) === JSON.stringify(draftSnapshot(d));
      if (unchanged) continue;
      const r = draftToInput(d, id);
      if (r.ok) await savePairing({ ...r.input, id: before ? d.id : undefined });
    }
  };

  const submit = async () => {
    const parsed = checkDraft(UnitInput, { ...values, id: unitId }, UNIT_FIELD_NAMES);
    const fieldErrs = parsed.ok ? {} : parsed.errors;
    const pErrs: Record<string, FieldErrors> = {};
    for (const d of drafts) {
      const r = draftToInput(d, unitId ?? 1);
      if (!r.ok) pErrs[d.key] = r.errors;
    }
    setErrors(fieldErrs);
    setPairingErrors(pErrs);
    if (!parsed.ok) {
      const first = UNIT_FIELD_NAMES.find((f) => f in fieldErrs);
      if (first) focusField(first);
      return;
    }
    if (Object.keys(pErrs).length > 0) return;

    setBusy(true);
    let saved: UnitDetail;
    try {
      saved = await saveUnit.mutateAsync(parsed.data);
    } catch (e) {
      const errs = apiFieldErrors(e, UNIT_FIELD_NAMES);
      setErrors(errs);
      const first = UNIT_FIELD_NAMES.find((f) => f in errs);
      if (first) focusField(first);
      setBusy(false);
      return;
    }
    setUnitId(saved.id);
    try {
      await syncPairings(saved.id);
    } catch (e) {
      // The unit is saved; some pairing was not. Show the main side's state and let the clerk try again.
      const fresh = await call('units.get', { id: saved.id }).catch(() => null);
      if (fresh) {
        setBaseline(fresh.pairings);
        setDrafts((ds) =>
          ds.map((d) => {
            const match = fresh.pairings.find((p) => p.communityId === d.communityId);
            return match ? { ...d, id: match.id } : { ...d, id: undefined };
          }),
        );
      }
      setErrors({ _form: `单位已保存，但结对社区没有全部保存：${errorMessage(e)}` });
      setBusy(false);
      void invalidateDirectory(qc);
      return;
    }
    await invalidateDirectory(qc);
    setBusy(false);
    notify.success(detail ? `已保存“${saved.name}”` : `已新增共建单位“${saved.name}”`);
    onClose();
  };

  const remove = async () => {
    if (!detail) return;
    const names = baseline.map((p) => `“${p.communityName}”`).join('、');
    const ok = await confirm({
      title: '删除共建单位',
      message: (
        <>
          确定删除共建单位“{detail.name}”吗？
          <br />
          {baseline.length > 0 ? `它与${names}的结对关系也会一并删除。` : '该单位目前没有结对社区。'}
          删除后可在“回收站”恢复。
        </>
      ),
      confirmText: '删除',
      danger: true,
      action: () => deleteUnit.mutateAsync(detail.id),
    });
    if (ok) {
      notify.success(`已删除“${detail.name}”`);
      onClose();
    }
  };

  return (
    <FormDialog
      open
      title={title}
      dirty={dirty}
      busy={busy}
      formError={errors._form}
      onSubmit={() => void submit()}
      onClose={onClose}
      maxWidth="md"
      extraActions={
        detail && (
          <Button color="error" onClick={() => void remove()} disabled={busy}>
            删除单位
          </Button>
        )
      }
    >
      <UnitFields
        values={values}
        onChange={(v) => {
          setErrors((errs) => withoutChanged(errs, values, v));
          setValues(v);
        }}
        errors={errors}
        disabled={busy}
      />
      <Divider sx={{ my: 2.5 }} />
      <Box>
        <PairingEditor
          unitName={values.name}
          drafts={drafts}
          onChange={(d) => {
            setPairingErrors({});
            setDrafts(d);
          }}
          errors={pairingErrors}
          communities={communities.data ?? []}
          disabled={busy}
        />
      </Box>
      {detail && (
        <>
          <Divider sx={{ my: 2.5 }} />
          <UnitServiceSummary unitId={detail.id} />
        </>
      )}
    </FormDialog>
  );
}
