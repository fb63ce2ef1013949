import type { Ref } from 'react';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ClearIcon from '@mui/icons-material/Clear';
import SearchIcon from '@mui/icons-material/Search';
import type { Community } from '../../shared/contract/units';
import {
  UNIT_CATEGORIES,
  UNIT_STATUSES,
  UNIT_STATUS_LABELS,
  type UnitCategory,
  type UnitStatus,
} from '../../shared/domain/units';
import { isComposing } from '../common/keyboard';
import { FilterSelect } from '../common/FilterSelect';

export interface UnitFilterValues {
  search: string;
  category: UnitCategory | '';
  communityId: number | '';
  status: UnitStatus | '';
}

export const NO_FILTERS: UnitFilterValues = { search: '', category: '', communityId: '', status: '' };

export const hasFilters = (f: UnitFilterValues) =>
  f.search.trim() !== '' || f.category !== '' || f.communityId !== '' || f.status !== '';

/** The search box and the three filters above the unit list. */
export function UnitFilters({
  value,
  onChange,
  communities,
  searchRef,
}: {
  value: UnitFilterValues;
  onChange: (v: UnitFilterValues) => void;
  communities: Community[];
  searchRef: Ref<HTMLInputElement>;
}) {
  const set = <K extends keyof UnitFilterValues>(k: K, v: UnitFilterValues[K]) => onChange({ ...value, [k]: v });
  return (
    <Stack
      role="search"
      aria-label="筛选共建单位"
      direction="row"
      spacing={1.5}
      alignItems="center"
      sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1.5 }}
    >
      <TextField
        size="small"
        value={value.search}
        onChange={(e) => set('search', e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value.search && !isComposing(e)) {
            e.stopPropagation();
            set('search', '');
          }
        }}
        placeholder="单位名称、书记、联络员、电话…"
        inputRef={searchRef}
        sx={{ width: 320 }}
        slotProps={{
          htmlInput: { 'aria-label': '搜索共建单位', title: '搜索共建单位（Ctrl+F）' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
            endAdornment: value.search ? (
              <InputAdornment position="end">
                <IconButton size="small" aria-label="清除搜索" onClick={() => set('search', '')} edge="end">
                  <ClearIcon fontSize="small" />
                </IconButton>
              </InputAdornment>
            ) : undefined,
          },
        }}
      />
      <FilterSelect
        label="单位类别"
        value={value.category}
        allLabel="全部"
        options={UNIT_CATEGORIES.map((c) => ({ value: c, label: c }))}
        onChange={(v) => set('category', v)}
        width={140}
      />
      <FilterSelect
        label="结对社区"
        value={value.communityId}
        allLabel="全部"
        options={communities.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(v) => set('communityId', v)}
        width={180}
      />
      <FilterSelect
        label="状态"
        value={value.status}
        allLabel="全部"
        options={UNIT_STATUSES.map((st) => ({ value: st, label: UNIT_STATUS_LABELS[st] }))}
        onChange={(v) => set('status', v)}
        width={120}
      />
      {hasFilters(value) && (
        <Button size="small" onClick={() => onChange(NO_FILTERS)} startIcon={<ClearIcon />}>
          清除筛选
        </Button>
      )}
    </Stack>
  );
}
