import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { NeedInput, type NeedDetail } from '../../shared/contract/lists';
import { todayIso } from '../../shared/domain/dates';
import { NEED_STATUS_LABELS, NEED_TRANSITIONS, URGENCIES, type NeedStatus } from '../../shared/domain/lists';
import { paths } from '../app/paths';
import { useConfirm } from '../common/Confirm';
import { apiFieldErrors, checkDraft, errorProps, type FieldErrors } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useNotify } from '../common/Notifier';
import { useCommunities } from '../communities/queries';
import { useOptionList } from '../options/queries';
import { needKey, useListWrite, useNeed, useNeedCategories } from './queries';
import { ReasonDialog } from './ReasonDialog';
import { NeedStatusChip } from './StatusChips';
import { cnDate } from './gridStyle';

type Draft = {
  communityId: number | '';
  grid: string;
  title: string;
  description: string;
  category: string;
  source: string;
  raisedOn: string;
  urgency: string;
  contactName: string;
  contactPhone: string;
};

const FIELDS = [
  'communityId',
  'grid',
  'title',
  'description',
  'category',
  'source',
  'raisedOn',
  'urgency',
  'contactName',
  'contactPhone',
];

const draftOf = (n?: NeedDetail): Draft => ({
  communityId: n?.communityId ?? '',
  grid: n?.grid ?? '',
  title: n?.title ?? '',
  description: n?.description ?? '',
  category: n?.category ?? '',
  source: n?.source ?? '',
  raisedOn: n?.raisedOn ?? todayIso(),
  urgency: n?.urgency ?? '一般',
  contactName: n?.contactName ?? '',
  contactPhone: n?.contactPhone ?? '',
});

/**
 * 登记 / 编辑需求, with its status steps, history and the way to 供需对接. The need shown is the current one:
 * after a status step (here or anywhere else) its status, buttons and history are read again.
 */
export default function NeedDialog({ need: opened, onClose }: { need?: NeedDetail; onClose: () => void }) {
  const qc = useQueryClient();
  const need = useNeed(opened?.id, opened).data ?? opened;
  const [draft, setDraft] = useState<Draft>(() => draftOf(opened));
  const [errors, setErrors] = useState<FieldErrors>({});
  const communities = useCommunities();
  const categories = useNeedCategories();
  const sources = useOptionList('needSources');
  const save = useListWrite('needs.save');
  const setStatus = useListWrite('needs.setStatus');
  const remove = useListWrite('needs.delete');
  const confirm = useConfirm();
  const notify = useNotify();
  const navigate = useNavigate();
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(need));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = () => {
    const parsed = checkDraft(
      NeedInput,
      { ...draft, communityId: draft.communityId === '' ? 0 : draft.communityId, id: need?.id },
      FIELDS,
    );
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(
      {
        ...draft,
        communityId: Number(draft.communityId),
        urgency: draft.urgency as (typeof URGENCIES)[number],
        id: need?.id,
      },
      {
        onSuccess: () => {
          notify.success(need ? '需求已保存' : '需求已登记');
          onClose();
        },
        onError: (e) => setErrors(apiFieldErrors(e, FIELDS)),
      },
    );
  };

  const [asking, setAsking] = useState<NeedStatus | null>(null);
  /** A status step; the dialog then shows the need as it is now (new status, its next steps, the history line). */
  const move = (to: NeedStatus, reason = '') =>
    setStatus.mutateAsync({ id: need!.id, status: to, reason }).then((fresh) => {
      qc.setQueryData(needKey(fresh.id), fresh);
      setAsking(null);
      setErrors({});
      notify.success(`已改为“${NEED_STATUS_LABELS[to]}”`);
    });

  return (
    <FormDialog
      open
      title={need ? '编辑需求' : '登记需求'}
      dirty={dirty}
      busy={save.isPending}
      formError={errors._form}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="md"
      extraActions={
        need && (
          <Button
            color="error"
            onClick={() =>
              void confirm({
                title: '删除需求？',
                message: `删除“${need.title}”后可在回收站恢复。`,
                confirmText: '删除',
                danger: true,
                action: () => remove.mutateAsync({ id: need.id }).then(onClose),
              })
            }
          >
            删除需求
          </Button>
        )
      }
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Stack direction="row" spacing={2}>
          <TextField
            select
            required
            label="社区"
            value={draft.communityId}
            onChange={(e) => set('communityId', Number(e.target.value))}
            error={!!errors.communityId}
            helperText={errors.communityId}
            sx={{ flex: 1 }}
          >
            {(communities.data ?? []).map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="网格"
            value={draft.grid}
            onChange={(e) => set('grid', e.target.value)}
            {...errorProps(errors, 'grid')}
            sx={{ width: 160 }}
          />
          <TextField
            label="提出日期"
            type="date"
            required
            value={draft.raisedOn}
            onChange={(e) => set('raisedOn', e.target.value)}
            error={!!errors.raisedOn}
            helperText={errors.raisedOn}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 180 }}
          />
        </Stack>
        <TextField
          label="需求名称"
          required
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          error={!!errors.title}
          helperText={errors.title}
        />
        <TextField
          label="需求内容"
          multiline
          minRows={2}
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          error={!!errors.description}
          helperText={errors.description}
        />
        <Stack direction="row" spacing={2}>
          <Autocomplete
            freeSolo
            options={categories.data ?? []}
            value={draft.category}
            onInputChange={(_e, v) => set('category', v)}
            sx={{ flex: 1 }}
            renderInput={(p) => (
              <TextField {...p} label="类别" required error={!!errors.category} helperText={errors.category} />
            )}
          />
          <Autocomplete
            freeSolo
            options={sources.data ?? []}
            value={draft.source}
            onInputChange={(_e, v) => set('source', v)}
            sx={{ flex: 1 }}
            renderInput={(p) => <TextField {...p} label="来源" {...errorProps(errors, 'source')} />}
          />
          <TextField
            select
            label="紧急程度"
            value={draft.urgency}
            onChange={(e) => set('urgency', e.target.value)}
            {...errorProps(errors, 'urgency')}
            sx={{ width: 140 }}
          >
            {URGENCIES.map((u) => (
              <MenuItem key={u} value={u}>
                {u}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <Stack direction="row" spacing={2}>
          <TextField
            label="联系人"
            value={draft.contactName}
            onChange={(e) => set('contactName', e.target.value)}
            {...errorProps(errors, 'contactName')}
            sx={{ flex: 1 }}
          />
          <TextField
            label="联系电话"
            value={draft.contactPhone}
            onChange={(e) => set('contactPhone', e.target.value)}
            error={!!errors.contactPhone}
            helperText={errors.contactPhone ?? '居民联系方式导出时默认隐去部分号码'}
            sx={{ flex: 1 }}
          />
        </Stack>

        {need && (
          <>
            <Divider />
            <Stack direction="row" spacing={1} alignItems="center" useFlexGap sx={{ flexWrap: 'wrap' }}>
              <Typography variant="subtitle2">状态：</Typography>
              <NeedStatusChip status={need.status} />
              {need.rejectReason && <Typography variant="body2">（{need.rejectReason}）</Typography>}
              <Box sx={{ flex: 1 }} />
              {NEED_TRANSITIONS[need.status].map((to) => (
                <Button
                  key={to}
                  size="small"
                  variant="outlined"
                  onClick={() => (to === 'rejected' ? setAsking(to) : move(to).catch((e) => notify.error(e)))}
                  disabled={setStatus.isPending || dirty}
                >
                  改为{NEED_STATUS_LABELS[to]}
                </Button>
              ))}
              {(need.status === 'open' || need.status === 'matched') && (
                <Button
                  size="small"
                  variant="contained"
                  onClick={() => navigate(`${paths.matching}?need=${need.id}`)}
                  disabled={dirty}
                >
                  供需对接
                </Button>
              )}
            </Stack>
            {need.projects.length > 0 && (
              <Typography variant="body2">
                对接项目：
                {need.projects.map((p) => (
                  <Link
                    key={p.id}
                    component="button"
                    type="button"
                    onClick={() => navigate(paths.project(p.id))}
                    sx={{ mr: 1 }}
                  >
                    {p.year}年 {p.name}
                  </Link>
                ))}
              </Typography>
            )}
            <Box aria-label="状态记录">
              <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                状态记录
              </Typography>
              {need.history.map((h, i) => (
                <Typography key={i} variant="body2" color="text.secondary">
                  {cnDate(h.at.slice(0, 10))} {h.from ? `${NEED_STATUS_LABELS[h.from]} → ` : ''}
                  {NEED_STATUS_LABELS[h.to]}
                  {h.reason ? `：${h.reason}` : ''}
                  {h.operator ? `（${h.operator}）` : ''}
                </Typography>
              ))}
            </Box>
          </>
        )}
      </Stack>
      {asking && (
        <ReasonDialog
          title="不予受理"
          label="不予受理的原因"
          confirmText="不予受理"
          onConfirm={(r) => move(asking, r)}
          onClose={() => setAsking(null)}
        />
      )}
    </FormDialog>
  );
}
