import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { FieldErrors } from '../common/errors';

export interface StreetValues {
  streetName: string;
  committeeName: string;
}
export const STREET_FIELDS = ['streetName', 'committeeName'];

/** 街道名称 and 大工委名称, used by the first-run setup and by 设置. */
export function StreetFields({
  values,
  onChange,
  errors,
  disabled,
  autoFocus,
}: {
  values: StreetValues;
  onChange: (v: StreetValues) => void;
  errors: FieldErrors;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <Stack spacing={2.5}>
      <TextField
        id="settings-streetName"
        label="街道名称"
        required
        autoFocus={autoFocus}
        placeholder="如：城东街道"
        value={values.streetName}
        onChange={(e) => onChange({ ...values, streetName: e.target.value })}
        error={!!errors.streetName}
        helperText={errors.streetName}
        disabled={disabled}
      />
      <TextField
        id="settings-committeeName"
        label="大工委名称"
        required
        placeholder="如：城东街道大工委"
        value={values.committeeName}
        onChange={(e) => onChange({ ...values, committeeName: e.target.value })}
        error={!!errors.committeeName}
        helperText={errors.committeeName ?? '显示在标题栏，并用于导出的文件'}
        disabled={disabled}
      />
    </Stack>
  );
}
