import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { useDebounced } from '../common/useDebounced';

export interface UnitRef {
  id: number;
  name: string;
}

/** Units found by what is typed (the directory may be longer than one page). */
function useUnitSearch(text: string) {
  const search = useDebounced(text.trim(), 200);
  return useQuery({
    queryKey: [...keys.units, 'pick', search],
    queryFn: () => call('units.list', { search, pageSize: 30 }),
  });
}

/** Choose one or several co-building units from the directory, by name. */
export function UnitPicker({
  label,
  value,
  onChange,
  required,
  error,
}: {
  label: string;
  value: UnitRef[];
  onChange: (v: UnitRef[]) => void;
  required?: boolean;
  error?: string;
}) {
  const [text, setText] = useState('');
  const found = useUnitSearch(text);
  const options = (found.data?.rows ?? []).map((u) => ({ id: u.id, name: u.name }));
  return (
    <Autocomplete
      multiple
      options={options}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, v) => onChange(v)}
      onInputChange={(_e, v) => setText(v)}
      noOptionsText="名录中没有这个单位"
      renderInput={(p) => (
        <TextField {...p} label={label} required={required && value.length === 0} error={!!error} helperText={error} />
      )}
    />
  );
}

export function SingleUnitPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: UnitRef | null;
  onChange: (v: UnitRef | null) => void;
  error?: string;
}) {
  const [text, setText] = useState('');
  const found = useUnitSearch(text);
  const options = (found.data?.rows ?? []).map((u) => ({ id: u.id, name: u.name }));
  return (
    <Autocomplete
      options={options}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, v) => onChange(v)}
      onInputChange={(_e, v) => setText(v)}
      noOptionsText="名录中没有这个单位"
      renderInput={(p) => <TextField {...p} label={label} required error={!!error} helperText={error} />}
    />
  );
}
