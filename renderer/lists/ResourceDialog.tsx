import { useState } from 'react';
import { useNavigate } from 'react-router';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ResourceInput, type ResourceDetail } from '../../shared/contract/lists';
import { RESOURCE_STATUSES, RESOURCE_STATUS_LABELS, type ResourceStatus } from '../../shared/domain/lists';
import { paths } from '../app/paths';
import { useConfirm } from '../common/Confirm';
import { apiFieldErrors, checkDraft, errorProps, type FieldErrors } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useOptionList } from '../options/queries';
import { useNotify } from '../common/Notifier';
import { useListWrite } from './queries';
import { SingleUnitPicker, type UnitRef } from './UnitPicker';

type Draft = {
  unit: UnitRef | null;
  type: string;
  title: string;
  content: string;
  capacity: string;
  availableTime: string;
  contactName: string;
  contactPhone: string;
  validUntil: string;
  status: ResourceStatus;
};

const FIELDS = [
  'unitId',
  'type',
  'title',
  'content',
  'capacity',
  'availableTime',
  'contactName',
  'contactPhone',
  'validUntil',
  'status',
];

const draftOf = (r?: ResourceDetail): Draft => ({
  unit: r ? { id: r.unitId, name: r.unitName } : null,
  type: r?.type ?? '',
  title: r?.title ?? '',
  content: r?.content ?? '',
  capacity: r?.capacity ?? '',
  availableTime: r?.availableTime ?? '',
  contactName: r?.contactName ?? '',
  contactPhone: r?.contactPhone ?? '',
  validUntil: r?.validUntil ?? '',
  status: r?.status ?? 'available',
});

/** 登记 / 编辑资源 of a co-building unit. */
export default function ResourceDialog({ resource, onClose }: { resource?: ResourceDetail; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(resource));
  const types = useOptionList('resourceTypes');
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useListWrite('resources.save');
  const remove = useListWrite('resources.delete');
  const confirm = useConfirm();
  const notify = useNotify();
  const navigate = useNavigate();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(resource));

  const submit = () => {
    const { unit, validUntil, ...rest } = draft;
    const input = { ...rest, unitId: unit?.id ?? 0, validUntil: validUntil || null, id: resource?.id };
    const parsed = checkDraft(ResourceInput, input, FIELDS);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(input, {
      onSuccess: () => {
        notify.success(resource ? '资源已保存' : '资源已登记');
        onClose();
      },
      onError: (e) => setErrors(apiFieldErrors(e, FIELDS)),
    });
  };

  return (
    <FormDialog
      open
      title={resource ? '编辑资源' : '登记资源'}
      dirty={dirty}
      busy={save.isPending}
      formError={errors._form}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="md"
      extraActions={
        resource && (
          <>
            <Button
              color="error"
              onClick={() =>
                void confirm({
                  title: '删除资源？',
                  message: `删除“${resource.title}”后可在回收站恢复。`,
                  confirmText: '删除',
                  danger: true,
                  action: () => remove.mutateAsync({ id: resource.id }).then(onClose),
                })
              }
            >
              删除资源
            </Button>
            <Button onClick={() => navigate(`${paths.matching}?resource=${resource.id}`)} disabled={dirty}>
              可服务的需求
            </Button>
          </>
        )
      }
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Stack direction="row" spacing={2}>
          <Stack sx={{ flex: 2 }}>
            <SingleUnitPicker
              label="提供单位"
              value={draft.unit}
              onChange={(v) => set('unit', v)}
              error={errors.unitId}
            />
          </Stack>
          <Autocomplete
            freeSolo
            options={types.data ?? []}
            value={draft.type}
            onInputChange={(_e, v) => set('type', v)}
            sx={{ flex: 1 }}
            renderInput={(p) => <TextField {...p} label="资源类型" required {...errorProps(errors, 'type')} />}
          />
          <TextField
            select
            label="状态"
            value={draft.status}
            onChange={(e) => set('status', e.target.value as ResourceStatus)}
            {...errorProps(errors, 'status')}
            sx={{ width: 120 }}
          >
            {RESOURCE_STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {RESOURCE_STATUS_LABELS[s]}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <TextField
          label="资源名称"
          required
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          error={!!errors.title}
          helperText={errors.title}
        />
        <TextField
          label="资源内容"
          multiline
          minRows={2}
          value={draft.content}
          onChange={(e) => set('content', e.target.value)}
          {...errorProps(errors, 'content')}
        />
        <Stack direction="row" spacing={2}>
          <TextField
            label="数量/规模"
            value={draft.capacity}
            onChange={(e) => set('capacity', e.target.value)}
            {...errorProps(errors, 'capacity')}
            sx={{ flex: 1 }}
          />
          <TextField
            label="可提供时间"
            value={draft.availableTime}
            onChange={(e) => set('availableTime', e.target.value)}
            {...errorProps(errors, 'availableTime')}
            sx={{ flex: 1 }}
          />
          <TextField
            label="有效期至"
            type="date"
            value={draft.validUntil}
            onChange={(e) => set('validUntil', e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            error={!!errors.validUntil}
            helperText={errors.validUntil ?? '长期有效可不填'}
            sx={{ width: 180 }}
          />
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
            helperText={errors.contactPhone}
            sx={{ flex: 1 }}
          />
        </Stack>
        {resource && resource.projects.length > 0 && (
          <Typography variant="body2">
            对接项目：
            {resource.projects.map((p) => (
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
      </Stack>
    </FormDialog>
  );
}
