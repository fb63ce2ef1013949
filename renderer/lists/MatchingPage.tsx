import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { Need, Resource } from '../../shared/contract/lists';
import { LoadError, Loading } from '../common/LoadState';
import { PageHeader } from '../common/PageHeader';
import { useDebounced } from '../common/useDebounced';
import { cnDate } from './gridStyle';
import { MatchProjectDialog } from './MatchProjectDialog';
import { useNeedList, useNeedsForResource, useResourceList, useResourcesForNeed } from './queries';

type Mode = 'need' | 'resource';

/** 供需对接: pick a need and see ranked resources (or the other way round), choose, and form a project. */
export default function MatchingPage() {
  const [params] = useSearchParams();
  const [mode, setMode] = useState<Mode>(params.get('resource') ? 'resource' : 'need');
  const [needId, setNeedId] = useState<number | undefined>(() => Number(params.get('need')) || undefined);
  const [resourceId, setResourceId] = useState<number | undefined>(() => Number(params.get('resource')) || undefined);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Map<number, Need | Resource>>(new Map());
  const [creating, setCreating] = useState(false);
  const q = useDebounced(search.trim(), 300);
  const needs = useNeedList({ status: 'open', search: q, pageSize: 100, sortBy: 'raisedOn', sortDir: 'asc' });
  const resources = useResourceList({ status: 'available', search: q, pageSize: 100 });
  const forNeed = useResourcesForNeed(mode === 'need' ? needId : undefined);
  const forResource = useNeedsForResource(mode === 'resource' ? resourceId : undefined);
  const toggle = (id: number, item: Need | Resource) => {
    const next = new Map(chosen);
    if (next.has(id)) next.delete(id);
    else next.set(id, item);
    setChosen(next);
  };
  const switchMode = (m: Mode) => {
    setMode(m);
    setChosen(new Map());
  };
  const selectedNeed = useMemo(
    () => needs.data?.rows.find((n) => n.id === needId) ?? forResource.data?.find((c) => c.need.id === needId)?.need,
    [needs.data, needId, forResource.data],
  );
  const selectedResource = resources.data?.rows.find((r) => r.id === resourceId);
  const candidates = mode === 'need' ? forNeed : forResource;

  const picked = [...chosen.values()];
  const projectNeeds = mode === 'need' ? (selectedNeed ? [selectedNeed] : []) : (picked as Need[]);
  const projectResources = mode === 'need' ? (picked as Resource[]) : selectedResource ? [selectedResource] : [];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader title="供需对接" subtitle="选一条待对接的需求，查看可对接的资源及理由；勾选后对接成项目。">
        <ToggleButtonGroup
          size="small"
          exclusive
          value={mode}
          onChange={(_e, m: Mode | null) => m && switchMode(m)}
          aria-label="对接方式"
        >
          <ToggleButton value="need">按需求找资源</ToggleButton>
          <ToggleButton value="resource">按资源找需求</ToggleButton>
        </ToggleButtonGroup>
        <Button
          variant="contained"
          disabled={projectNeeds.length === 0 || projectResources.length === 0}
          onClick={() => setCreating(true)}
        >
          对接成项目
        </Button>
      </PageHeader>
      <Stack direction="row" spacing={2} sx={{ flex: 1, minHeight: 0 }}>
        <Paper variant="outlined" sx={{ width: 360, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          <Box sx={{ p: 1.5 }}>
            <TextField
              size="small"
              fullWidth
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={mode === 'need' ? '搜索待对接的需求' : '搜索可用的资源'}
              slotProps={{ htmlInput: { 'aria-label': mode === 'need' ? '搜索待对接的需求' : '搜索可用的资源' } }}
            />
          </Box>
          <List dense sx={{ overflow: 'auto', flex: 1 }} aria-label={mode === 'need' ? '待对接的需求' : '可用的资源'}>
            {mode === 'need'
              ? (needs.data?.rows ?? []).map((n) => (
                  <ListItemButton
                    key={n.id}
                    selected={n.id === needId}
                    onClick={() => {
                      setNeedId(n.id);
                      setChosen(new Map());
                    }}
                  >
                    <ListItemText
                      primary={n.title}
                      secondary={`${n.communityName} · ${n.category} · ${cnDate(n.raisedOn)}${n.waitingDays !== null ? ` · 已等${n.waitingDays}天` : ''}`}
                    />
                  </ListItemButton>
                ))
              : (resources.data?.rows ?? []).map((r) => (
                  <ListItemButton
                    key={r.id}
                    selected={r.id === resourceId}
                    onClick={() => {
                      setResourceId(r.id);
                      setChosen(new Map());
                    }}
                  >
                    <ListItemText primary={r.title} secondary={`${r.unitName} · ${r.type}`} />
                  </ListItemButton>
                ))}
            {mode === 'need' && needs.isSuccess && needs.data.rows.length === 0 && (
              <Typography color="text.secondary" sx={{ p: 2 }}>
                没有待对接的需求
              </Typography>
            )}
          </List>
        </Paper>
        <Paper variant="outlined" sx={{ flex: 1, p: 2, overflow: 'auto' }}>
          {(mode === 'need' ? needId : resourceId) === undefined ? (
            <Typography color="text.secondary">
              {mode === 'need' ? '请在左侧选择一条需求' : '请在左侧选择一项资源'}
            </Typography>
          ) : candidates.isPending ? (
            <Loading />
          ) : candidates.isError ? (
            <LoadError error={candidates.error} />
          ) : (
            <Stack spacing={1.5} aria-label="对接候选">
              <Typography variant="subtitle1">
                {mode === 'need'
                  ? `“${selectedNeed?.title ?? ''}”可对接的资源`
                  : `“${selectedResource?.title ?? ''}”可服务的需求`}
                （按匹配程度排序）
              </Typography>
              {(mode === 'need' ? (forNeed.data ?? []) : (forResource.data ?? [])).length === 0 && (
                <Alert severity="info">没有找到合适的对接对象</Alert>
              )}
              {mode === 'need'
                ? (forNeed.data ?? []).map((c) => (
                    <CandidateRow
                      key={c.resource.id}
                      checked={chosen.has(c.resource.id)}
                      onToggle={() => toggle(c.resource.id, c.resource)}
                      title={c.resource.title}
                      sub={`${c.resource.unitName} · ${c.resource.type}${c.resource.availableTime ? ` · ${c.resource.availableTime}` : ''}`}
                      score={c.score}
                      reasons={c.reasons}
                    />
                  ))
                : (forResource.data ?? []).map((c) => (
                    <CandidateRow
                      key={c.need.id}
                      checked={chosen.has(c.need.id)}
                      onToggle={() => toggle(c.need.id, c.need)}
                      title={c.need.title}
                      sub={`${c.need.communityName} · ${c.need.category} · ${cnDate(c.need.raisedOn)}`}
                      score={c.score}
                      reasons={c.reasons}
                    />
                  ))}
            </Stack>
          )}
        </Paper>
      </Stack>
      {creating && (
        <MatchProjectDialog needs={projectNeeds} resources={projectResources} onClose={() => setCreating(false)} />
      )}
    </Box>
  );
}

function CandidateRow({
  checked,
  onToggle,
  title,
  sub,
  score,
  reasons,
}: {
  checked: boolean;
  onToggle: () => void;
  title: string;
  sub: string;
  score: number;
  reasons: string[];
}) {
  return (
    <Paper
      variant="outlined"
      sx={{
        p: 1.5,
        display: 'flex',
        gap: 1.5,
        alignItems: 'flex-start',
        borderColor: checked ? 'primary.main' : 'divider',
      }}
    >
      <Checkbox checked={checked} onChange={onToggle} slotProps={{ input: { 'aria-label': `选择“${title}”` } }} />
      <Box sx={{ flex: 1 }}>
        <Typography fontWeight={600}>{title}</Typography>
        <Typography variant="body2" color="text.secondary">
          {sub}
        </Typography>
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
          {reasons.map((r) => (
            <Chip key={r} size="small" label={r} variant="outlined" />
          ))}
        </Stack>
      </Box>
      <Chip label={`匹配度 ${score}`} color={score >= 60 ? 'success' : 'default'} size="small" />
    </Paper>
  );
}
