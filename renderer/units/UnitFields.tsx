import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { Unit } from '../../shared/contract/units';
import {
  UNIT_CATEGORIES,
  UNIT_STATUSES,
  UNIT_STATUS_LABELS,
  type UnitCategory,
  type UnitStatus,
} from '../../shared/domain/units';
import { PHONE_HINT, normalizePhone } from '../../shared/domain/phone';
import type { FieldErrors } from '../common/errors';

export interface UnitValues {
  name: string;
  category: UnitCategory | '';
  partyOrg: string;
  secretary: string;
  liaison: string;
  phone: string;
  address: string;
  status: UnitStatus;
  notes: string;
}

/** The unit's fields in form order (the first one with an error gets the focus). */
export const UNIT_FIELD_NAMES = [
  'name',
  'category',
  'partyOrg',
  'secretary',
  'liaison',
  'phone',
  'address',
  'status',
  'notes',
] as const;

export const emptyUnitValues = (): UnitValues => ({
  name: '',
  category: '',
  partyOrg: '',
  secretary: '',
  liaison: '',
  phone: '',
  address: '',
  status: 'active',
  notes: '',
});

export const unitValuesOf = (u: Unit): UnitValues => ({
  name: u.name,
  category: u.category,
  partyOrg: u.partyOrg,
  secretary: u.secretary,
  liaison: u.liaison,
  phone: u.phone,
  address: u.address,
  status: u.status,
  notes: u.notes,
});

type TextKey = Exclude<keyof UnitValues, 'category' | 'status'>;

/** The unit's own fields; every one has a visible label (getByLabel('单位名称') and so on). */
export function UnitFields({
  values,
  onChange,
  errors,
  disabled,
}: {
  values: UnitValues;
  onChange: (v: UnitValues) => void;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const set = <K extends keyof UnitValues>(k: K, v: UnitValues[K]) => onChange({ ...values, [k]: v });
  const text = (
    k: TextKey,
    label: string,
    extra: { required?: boolean; helper?: string; autoFocus?: boolean } = {},
  ) => (
    <TextField
      id={`unit-${k}`}
      label={label}
      value={values[k]}
      onChange={(e) => set(k, e.target.value)}
      required={extra.required}
      autoFocus={extra.autoFocus}
      error={!!errors[k]}
      helperText={errors[k] ?? extra.helper}
      disabled={disabled}
      fullWidth
    />
  );

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', columnGap: 2, rowGap: 2.25, pt: 0.5 }}>
      <Box sx={{ gridColumn: 'span 2' }}>{text('name', '单位名称', { required: true, autoFocus: true })}</Box>
      <TextField
        id="unit-category"
        select
        label="单位类别"
        required
        value={values.category}
        onChange={(e) => set('category', e.target.value as UnitCategory)}
        error={!!errors.category}
        helperText={errors.category}
        disabled={disabled}
        fullWidth
      >
        {UNIT_CATEGORIES.map((c) => (
          <MenuItem key={c} value={c}>
            {c}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ gridColumn: 'span 2' }}>{text('partyOrg', '党组织名称')}</Box>
      <FormControl disabled={disabled} sx={{ pl: 1 }}>
        <FormLabel id="unit-status-label" sx={{ fontSize: 13 }}>
          状态
        </FormLabel>
        <RadioGroup
          row
          aria-labelledby="unit-status-label"
          value={values.status}
          onChange={(e) => set('status', e.target.value as UnitStatus)}
        >
          {UNIT_STATUSES.map((s) => (
            <FormControlLabel key={s} value={s} control={<Radio size="small" />} label={UNIT_STATUS_LABELS[s]} />
          ))}
        </RadioGroup>
      </FormControl>
      {text('secretary', '党组织书记')}
      {text('liaison', '联络员')}
      <TextField
        id="unit-phone"
        label="联系电话"
        value={values.phone}
        onChange={(e) => set('phone', e.target.value)}
        onBlur={() => {
          const p = values.phone.trim() ? normalizePhone(values.phone) : null;
          if (p !== null && p !== values.phone) set('phone', p);
        }}
        error={!!errors.phone}
        helperText={errors.phone ?? PHONE_HINT}
        disabled={disabled}
        fullWidth
        slotProps={{ htmlInput: { inputMode: 'tel' } }}
      />
      <Box sx={{ gridColumn: '1 / -1' }}>{text('address', '单位地址')}</Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <TextField
          id="unit-notes"
          label="备注"
          value={values.notes}
          onChange={(e) => set('notes', e.target.value)}
          error={!!errors.notes}
          helperText={errors.notes}
          disabled={disabled}
          fullWidth
          multiline
          minRows={2}
          maxRows={6}
        />
      </Box>
    </Box>
  );
}
