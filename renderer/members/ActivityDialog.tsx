import { useMemo, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { todayIso } from '../../shared/domain/dates';
import { roundHours } from '../../shared/domain/members';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { errorMessage } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useNotify } from '../common/Notifier';
import { useCommunities } from '../communities/queries';
import { LinkPicker, type LinkOption } from './LinkPicker';
import { useMemberOptions, useRecordActivity } from './queries';

type Option = { id: number; name: string; unitName: string; communityName: string; communityId: number | null };

/** 登记服务活动: one form for a whole volunteer day — pick everyone who came, one time for all. */
export default function ActivityDialog({ onClose }: { onClose: () => void }) {
  const [servedOn, setServedOn] = useState(todayIso());
  const [title, setTitle] = useState('');
  const [communityId, setCommunityId] = useState<number | ''>('');
  const [hours, setHours] = useState('2');
  const [chosen, setChosen] = useState<Option[]>([]);
  const [project, setProject] = useState<LinkOption | null>(null);
  const [need, setNeed] = useState<LinkOption | null>(null);
  const communities = useCommunities();
  const options = useMemberOptions();
  const record = useRecordActivity();
  const notify = useNotify();
  const all = useMemo(() => options.data ?? [], [options.data]);
  const h = Number(hours);
  const dirty = title !== '' || chosen.length > 0;
  const submit = () => {
    if (communityId === '') return;
    record.mutate(
      {
        servedOn,
        title,
        communityId,
        projectId: project?.id ?? null,
        needId: need?.id ?? null,
        members: chosen.map((m) => ({ memberId: m.id, hours: h })),
      },
      {
        onSuccess: (r) => {
          notify.success(`已登记 ${r.records} 人的服务记实，共 ${r.hours} 小时`);
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      open
      title="登记服务活动"
      dirty={dirty}
      busy={record.isPending}
      formError={record.isError ? errorMessage(record.error) : null}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="md"
      submitText={`登记（${chosen.length}人）`}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Stack direction="row" spacing={2}>
          <TextField
            label="服务日期"
            type="date"
            required
            value={servedOn}
            onChange={(e) => setServedOn(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            select
            label="服务社区"
            required
            value={communityId}
            onChange={(e) => setCommunityId(Number(e.target.value))}
            sx={{ minWidth: 180 }}
          >
            {(communities.data ?? []).map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="每人服务时长（小时）"
            type="number"
            required
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            slotProps={{ htmlInput: { min: 0.5, max: 24, step: 0.5 } }}
          />
        </Stack>
        <TextField
          label="服务内容"
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="如：社区环境整治志愿服务日"
        />
        <Stack direction="row" spacing={2} sx={{ '& > *': { flex: 1 } }}>
          <LinkPicker
            label="关联的共建项目（可选）"
            queryKey={keys.projects}
            search={async (q) =>
              (await call('projects.list', { search: q, pageSize: 30 })).rows.map((p) => ({
                id: p.id,
                name: `${p.year}年 ${p.name}`,
              }))
            }
            value={project}
            onChange={setProject}
            noOptionsText="项目清单中没有找到"
          />
          <LinkPicker
            label="关联的需求（可选）"
            queryKey={keys.needs}
            search={async (q) =>
              (await call('needs.list', { search: q, pageSize: 30 })).rows.map((n) => ({
                id: n.id,
                name: `${n.communityName} ${n.title}`,
              }))
            }
            value={need}
            onChange={setNeed}
            noOptionsText="需求清单中没有找到"
          />
        </Stack>
        <Autocomplete
          multiple
          disableCloseOnSelect
          options={all}
          value={chosen}
          onChange={(_e, v) => setChosen(v)}
          getOptionLabel={(o) => `${o.name}（${o.unitName}）`}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          groupBy={(o) => o.communityName}
          renderInput={(p) => <TextField {...p} label="参加的在职党员" placeholder="输入姓名或单位查找" />}
          noOptionsText="名册中没有在册的在职党员"
          limitTags={12}
        />
        <Stack direction="row" spacing={2} alignItems="center">
          <Button
            disabled={communityId === ''}
            onClick={() =>
              setChosen((c) => [
                ...c,
                ...all.filter((o) => o.communityId === communityId && !c.some((x) => x.id === o.id)),
              ])
            }
          >
            加入该社区报到的全部党员
          </Button>
          <Button onClick={() => setChosen([])} disabled={chosen.length === 0}>
            清空
          </Button>
          <Typography color="text.secondary" role="status">
            已选 {chosen.length} 人，合计 {Number.isFinite(h) ? roundHours(h * chosen.length) : 0} 小时
          </Typography>
        </Stack>
      </Stack>
    </FormDialog>
  );
}
