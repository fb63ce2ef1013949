import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { useDebounced } from '../common/useDebounced';
import type { UnitRef } from '../lists/UnitPicker';

/** The roster's 工作单位 filter: a small, optional unit search (the directory can be longer than a page). */
export function UnitFilter({ value, onChange }: { value: UnitRef | null; onChange: (v: UnitRef | null) => void }) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 200);
  const found = useQuery({
    queryKey: [...keys.units, 'pick', search],
    queryFn: () => call('units.list', { search, pageSize: 30 }),
  });
  return (
    <Autocomplete
      size="small"
      sx={{ width: 200 }}
      options={(found.data?.rows ?? []).map((u) => ({ id: u.id, name: u.name }))}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, v) => onChange(v)}
      onInputChange={(_e, v) => setText(v)}
      noOptionsText="名录中没有这个单位"
      renderInput={(p) => (
        <TextField {...p} label="工作单位" placeholder="全部" slotProps={{ inputLabel: { shrink: true } }} />
      )}
    />
  );
}
