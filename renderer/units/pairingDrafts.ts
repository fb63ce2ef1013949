import dayjs, { type Dayjs } from 'dayjs';
import { PairingInput, type Pairing } from '../../shared/contract/units';
import { checkDraft, type FieldErrors } from '../common/errors';

/** A pairing as edited in the unit form; saved together with the unit. `id` is absent until it is saved. */
export interface PairingDraft {
  key: string;
  id?: number;
  communityId: number;
  communityName: string;
  signedOn: Dayjs | null;
  termYears: string;
  notes: string;
}

let seq = 0;
export const newDraftKey = () => `new-${++seq}`;

export function draftFromPairing(p: Pairing): PairingDraft {
  return {
    key: `p-${p.id}`,
    id: p.id,
    communityId: p.communityId,
    communityName: p.communityName,
    signedOn: p.signedOn ? dayjs(p.signedOn) : null,
    termYears: p.termYears === null ? '' : String(p.termYears),
    notes: p.notes,
  };
}

/** The draft's date as the contract wants it; a half-typed date is sent as text so the schema names the problem. */
const signedOnValue = (d: PairingDraft) =>
  d.signedOn === null ? null : d.signedOn.isValid() ? d.signedOn.format('YYYY-MM-DD') : '未填完整';

/** Comparable form of a draft, for "has anything changed?". */
export const draftSnapshot = (d: PairingDraft) => ({
  id: d.id,
  communityId: d.communityId,
  signedOn: signedOnValue(d),
  termYears: d.termYears.trim(),
});

/**
 * The draft as pairings.save input, checked with the shared PairingInput schema.
 * Returns the input, or field errors keyed signedOn / termYears.
 */
export function draftToInput(
  d: PairingDraft,
  unitId: number,
): { ok: true; input: PairingInput } | { ok: false; errors: FieldErrors } {
  const term = d.termYears.trim();
  if (d.signedOn !== null && !d.signedOn.isValid())
    return { ok: false, errors: { signedOn: '签约日期没有填完整，或不是真实的日期' } };
  if (term !== '' && !/^\d+$/.test(term)) return { ok: false, errors: { termYears: '共建期限请填写整数年数，如 3' } };
  const raw = {
    id: d.id,
    unitId,
    communityId: d.communityId,
    signedOn: signedOnValue(d),
    termYears: term === '' ? null : Number(term),
    notes: d.notes,
  };
  const parsed = checkDraft(PairingInput, raw, Object.keys(raw));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, input: raw };
}
