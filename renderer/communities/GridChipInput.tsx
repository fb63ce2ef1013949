import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { cleanText } from '../../shared/domain/text';
import { isComposing } from '../common/keyboard';

/** Splits pasted text like "第一网格、第二网格，第三网格" into names. */
const splitNames = (s: string) =>
  s
    .split(/[、，,；;\n\t]+/)
    .map(cleanText)
    .filter(Boolean);

/**
 * 网格 as chips: type a name and press Enter (or paste a list separated by 、 or ，).
 * Text still in the box when the form is saved is not lost: the form adds it (see `pending`).
 */
export function GridChipInput({
  value,
  onChange,
  pending,
  onPendingChange,
  error,
  disabled,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  pending: string;
  onPendingChange: (s: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const [dupe, setDupe] = useState<string | null>(null);
  const add = (names: string[]) => {
    const next = [...value];
    const repeated: string[] = [];
    for (const n of names) {
      if (next.includes(n)) repeated.push(n);
      else next.push(n);
    }
    setDupe(repeated.length ? `“${repeated.join('、')}”已在列表中` : null);
    onChange(next);
  };

  return (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      options={[]}
      value={value}
      inputValue={pending}
      disabled={disabled}
      onInputChange={(_e, v, reason) => {
        if (reason === 'reset') return;
        // A pasted list becomes chips at once; a single name waits for Enter.
        if (/[、，,；;\n\t]/.test(v)) {
          add(splitNames(v));
          onPendingChange('');
        } else onPendingChange(v);
      }}
      onChange={(_e, v, reason) => {
        if (reason === 'createOption') {
          add(splitNames(String(v[v.length - 1] ?? '')));
          onPendingChange('');
        } else {
          setDupe(null);
          onChange(v.map(String));
        }
      }}
      renderValue={(items, getItemProps) =>
        items.map((option, index) => {
          const { key, ...rest } = getItemProps({ index });
          return <Chip key={key} label={option} size="small" {...rest} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          id="community-grids"
          label="网格"
          placeholder={value.length ? '' : '输入网格名称后按 Enter，如：第一网格'}
          error={!!error}
          helperText={error ?? dupe ?? '输入一个网格名称后按 Enter 添加；可粘贴用“、”分隔的多个名称'}
          onKeyDown={(e) => {
            // Enter while composing Chinese confirms the IME's text; it must not add a chip yet.
            if (e.key === 'Enter' && isComposing(e)) e.stopPropagation();
          }}
        />
      )}
    />
  );
}
