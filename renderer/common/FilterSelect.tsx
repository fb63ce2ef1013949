import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/** The label stays above the field, so the empty choice (全部…) reads as a value, not as a placeholder. */
export const selectSlots = { inputLabel: { shrink: true }, select: { displayEmpty: true } } as const;

export interface FilterOption<V extends string | number> {
  value: V;
  label: string;
}

/**
 * One dropdown of a list screen's filter bar: 全部… (no filter) first, then the choices. The screen passes
 * what a change does (set its filter, go back to the first page).
 */
export function FilterSelect<V extends string | number>(props: {
  label: string;
  value: V | '';
  /** The no-filter choice, e.g. 全部状态. */
  allLabel: string;
  options: readonly FilterOption<V>[];
  onChange: (value: V | '') => void;
  width: number;
  disabled?: boolean;
}) {
  const { label, value, allLabel, options, onChange, width, disabled } = props;
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as V | '')}
      slotProps={selectSlots}
      sx={{ width }}
      disabled={disabled}
    >
      <MenuItem value="">{allLabel}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
