import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ProjectDetail } from '../../shared/contract/ledger';
import { todayIso } from '../../shared/domain/dates';
import { errorMessage } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useNotify } from '../common/Notifier';
import { useCommunities } from '../communities/queries';
import { UnitPicker, type UnitRef } from '../lists/UnitPicker';
import { useProjectWrite } from './queries';

const draftOf = (p?: ProjectDetail) => ({
  year: String(p?.year ?? todayIso().slice(0, 4)),
  name: p?.name ?? '',
  goal: p?.goal ?? '',
  content: p?.content ?? '',
  lead: (p?.leadUnits ?? []) as UnitRef[],
  support: (p?.supportUnits ?? []) as UnitRef[],
  communityIds: (p?.communities ?? []).map((c) => c.id),
  leader: p?.leader ?? '',
  startOn: p?.startOn ?? '',
  deadlineOn: p?.deadlineOn ?? '',
  longTerm: p?.longTerm ?? false,
  milestones: p?.milestones ?? '',
  budget: p?.budget === null || p?.budget === undefined ? '' : String(p.budget),
  notes: p?.notes ?? '',
});

/** 新增 / 编辑项目: the columns of the 责任分解表 plus 领办人, 时间节点 and 预算. */
export default function ProjectDialog({
  project,
  onClose,
  onSaved,
}: {
  project?: ProjectDetail;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const [d, setD] = useState(() => draftOf(project));
  const [error, setError] = useState<string | null>(null);
  const save = useProjectWrite('projects.save');
  const communities = useCommunities();
  const notify = useNotify();
  const set = <K extends keyof typeof d>(k: K, v: (typeof d)[K]) => setD((x) => ({ ...x, [k]: v }));
  const dirty = JSON.stringify(d) !== JSON.stringify(draftOf(project));

  const submit = () => {
    if (!d.name.trim()) return setError('请填写项目名称');
    if (d.lead.length === 0) return setError('请选择责任单位');
    save.mutate(
      {
        id: project?.id,
        year: Number(d.year),
        name: d.name,
        source: project?.source ?? 'manual',
        decisionId: project?.decisionId ?? null,
        goal: d.goal,
        content: d.content,
        leadUnitIds: d.lead.map((u) => u.id),
        supportUnitIds: d.support.map((u) => u.id),
        communityIds: d.communityIds,
        leader: d.leader,
        startOn: d.startOn || null,
        deadlineOn: d.longTerm ? null : d.deadlineOn || null,
        longTerm: d.longTerm,
        milestones: d.milestones,
        budget: d.budget === '' ? null : Number(d.budget),
        notes: d.notes,
      },
      {
        onSuccess: (p) => {
          notify.success(project ? '项目已保存' : '项目已新增');
          onClose();
          onSaved?.(p.id);
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  return (
    <FormDialog
      open
      title={project ? '编辑项目' : '新增项目'}
      dirty={dirty}
      busy={save.isPending}
      formError={error}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="md"
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Stack direction="row" spacing={2}>
          <TextField
            label="项目名称"
            required
            value={d.name}
            onChange={(e) => set('name', e.target.value)}
            sx={{ flex: 1 }}
          />
          <TextField
            label="年度"
            required
            value={d.year}
            onChange={(e) => set('year', e.target.value.replace(/\D/g, '').slice(0, 4))}
            sx={{ width: 100 }}
          />
          <TextField
            label="领办人"
            value={d.leader}
            onChange={(e) => set('leader', e.target.value)}
            placeholder="如：书记领办"
            sx={{ width: 160 }}
          />
        </Stack>
        <TextField label="项目目标" multiline value={d.goal} onChange={(e) => set('goal', e.target.value)} />
        <TextField label="主要内容" multiline value={d.content} onChange={(e) => set('content', e.target.value)} />
        <UnitPicker label="责任单位" required value={d.lead} onChange={(v) => set('lead', v)} />
        <UnitPicker label="配合单位" value={d.support} onChange={(v) => set('support', v)} />
        <TextField
          select
          label="服务社区"
          value={d.communityIds}
          onChange={(e) => set('communityIds', e.target.value as unknown as number[])}
          slotProps={{ select: { multiple: true } }}
        >
          {(communities.data ?? []).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction="row" spacing={2} alignItems="center">
          <TextField
            label="开始日期"
            type="date"
            value={d.startOn}
            onChange={(e) => set('startOn', e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 180 }}
          />
          <TextField
            label="完成时限"
            type="date"
            value={d.deadlineOn}
            disabled={d.longTerm}
            onChange={(e) => set('deadlineOn', e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 180 }}
          />
          <FormControlLabel
            control={<Checkbox checked={d.longTerm} onChange={(e) => set('longTerm', e.target.checked)} />}
            label="长期坚持（不设时限）"
          />
          <TextField
            label="预算（万元）"
            value={d.budget}
            onChange={(e) => set('budget', e.target.value.replace(/[^\d.]/g, ''))}
            sx={{ width: 140 }}
          />
        </Stack>
        <TextField
          label="时间节点"
          multiline
          value={d.milestones}
          onChange={(e) => set('milestones', e.target.value)}
          placeholder="如：9月底前完成方案，11月底前实施"
        />
        <TextField label="备注" multiline value={d.notes} onChange={(e) => set('notes', e.target.value)} />
      </Stack>
    </FormDialog>
  );
}
