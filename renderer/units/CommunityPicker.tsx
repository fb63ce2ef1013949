import { useState } from 'react';
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { Community } from '../../shared/contract/units';
import { nameKey } from '../../shared/domain/text';
import { errorMessage } from '../common/errors';
import { useSaveCommunity } from '../communities/queries';

type Option = { kind: 'existing'; community: Community } | { kind: 'create'; name: string };

const baseFilter = createFilterOptions<Option>({
  stringify: (o) => (o.kind === 'existing' ? o.community.name : o.name),
});

/**
 * "添加结对社区": choose a community, or type a new name and create it on the spot
 * (a clerk entering units by hand often meets a community not yet in the list).
 */
export function CommunityPicker({
  communities,
  exclude,
  onPick,
  disabled,
}: {
  communities: Community[];
  exclude: ReadonlySet<number>;
  onPick: (c: { id: number; name: string }) => void;
  disabled?: boolean;
}) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useSaveCommunity();
  const options: Option[] = communities
    .filter((c) => !exclude.has(c.id))
    .map((community) => ({ kind: 'existing', community }));

  const pick = async (o: Option | null) => {
    if (!o) return;
    setError(null);
    if (o.kind === 'existing') {
      onPick({ id: o.community.id, name: o.community.name });
    } else {
      try {
        const c = await save.mutateAsync({ name: o.name, grids: [] });
        onPick({ id: c.id, name: c.name });
      } catch (e) {
        setError(errorMessage(e));
        return;
      }
    }
    setInput('');
  };

  return (
    <Autocomplete<Option, false, false, false>
      value={null}
      inputValue={input}
      onInputChange={(_e, v, reason) => reason !== 'reset' && setInput(v)}
      onChange={(_e, o) => void pick(o)}
      options={options}
      disabled={disabled || save.isPending}
      getOptionLabel={(o) => (o.kind === 'existing' ? o.community.name : o.name)}
      getOptionKey={(o) => (o.kind === 'existing' ? o.community.id : `create:${o.name}`)}
      filterOptions={(opts, state) => {
        const found = baseFilter(opts, state);
        const typed = state.inputValue.trim();
        const taken = communities.some((c) => nameKey(c.name) === nameKey(typed));
        if (typed && !taken) found.push({ kind: 'create', name: typed });
        return found;
      }}
      renderOption={(props, o) => {
        const { key, ...rest } = props;
        return (
          <li key={key} {...rest}>
            {o.kind === 'existing' ? o.community.name : `新增社区“${o.name}”`}
          </li>
        );
      }}
      noOptionsText={communities.length ? '所有社区都已结对' : '还没有社区，输入社区名称即可新增'}
      size="small"
      sx={{ width: 300 }}
      renderInput={(params) => (
        <TextField
          {...params}
          label="添加结对社区"
          placeholder="选择社区，或输入新社区名称"
          error={!!error}
          helperText={error ?? undefined}
        />
      )}
    />
  );
}
