import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useDebounced } from '../common/useDebounced';

export type LinkOption = { id: number; name: string };

/**
 * Picks one record to link a service activity to (a 共建项目 or a 需求), searching on the main side as the
 * clerk types, so it works with tens of thousands of records.
 */
export function LinkPicker({
  label,
  queryKey,
  search,
  value,
  onChange,
  noOptionsText,
}: {
  label: string;
  queryKey: readonly unknown[];
  search: (text: string) => Promise<LinkOption[]>;
  value: LinkOption | null;
  onChange: (v: LinkOption | null) => void;
  noOptionsText: string;
}) {
  const [text, setText] = useState('');
  const debounced = useDebounced(text.trim(), 200);
  const options = useQuery({ queryKey: [...queryKey, 'pick', debounced], queryFn: () => search(debounced) });
  return (
    <Autocomplete
      options={options.data ?? []}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, v) => onChange(v)}
      onInputChange={(_e, v) => setText(v)}
      noOptionsText={noOptionsText}
      renderInput={(p) => <TextField {...p} label={label} />}
    />
  );
}
