import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Member } from '../../shared/contract/members';
import { COMMON_POSTS, MEMBER_STATUSES, MEMBER_STATUS_LABELS, type MemberStatus } from '../../shared/domain/members';
import { errorMessage } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useCommunities } from '../communities/queries';
import { SingleUnitPicker, type UnitRef } from '../lists/UnitPicker';
import { usePosts, useSaveMember, useDeleteMember } from './queries';

/** 登记 / 修改 an in-service member: only what the work needs (no ID numbers). */
export default function MemberDialog({ member, onClose }: { member?: Member; onClose: () => void }) {
  const [name, setName] = useState(member?.name ?? '');
  const [unit, setUnit] = useState<UnitRef | null>(
    member?.unitId ? { id: member.unitId, name: member.unitName } : null,
  );
  const [communityId, setCommunityId] = useState<number | ''>(member?.communityId ?? '');
  const [reportedOn, setReportedOn] = useState(member?.reportedOn ?? '');
  const [post, setPost] = useState(member?.post ?? '');
  const [phone, setPhone] = useState(member?.phone ?? '');
  const [status, setStatus] = useState<MemberStatus>(member?.status ?? 'active');
  const [dirty, setDirty] = useState(false);
  const communities = useCommunities();
  const posts = usePosts();
  const save = useSaveMember();
  const del = useDeleteMember();
  const own = posts.data?.find((p) => p.communityId === communityId)?.posts ?? [];
  const options = [...new Set([...own, ...COMMON_POSTS])];
  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };
  const submit = () => {
    if (!unit || communityId === '') return;
    save.mutate(
      {
        id: member?.id,
        name,
        unitId: unit.id,
        communityId,
        reportedOn: reportedOn || null,
        post,
        phone,
        status,
        notes: member?.notes ?? '',
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormDialog
      open
      title={member ? `修改在职党员：${member.name}` : '登记在职党员'}
      dirty={dirty}
      busy={save.isPending || del.isPending}
      formError={save.isError ? errorMessage(save.error) : del.isError ? errorMessage(del.error) : null}
      onSubmit={submit}
      onClose={onClose}
      extraActions={
        member && (
          <Button color="error" onClick={() => del.mutate(member.id, { onSuccess: onClose })}>
            删除
          </Button>
        )
      }
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField label="姓名" required autoFocus value={name} onChange={(e) => touch(setName)(e.target.value)} />
        <SingleUnitPicker label="工作单位" value={unit} onChange={touch(setUnit)} />
        <TextField
          select
          label="报到社区"
          required
          value={communityId}
          onChange={(e) => touch(setCommunityId)(Number(e.target.value))}
        >
          {(communities.data ?? []).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="报到日期"
          type="date"
          value={reportedOn}
          onChange={(e) => touch(setReportedOn)(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Autocomplete
          freeSolo
          options={options}
          inputValue={post}
          onInputChange={(_e, v) => touch(setPost)(v)}
          renderInput={(p) => <TextField {...p} label="认领岗位" />}
        />
        <TextField
          label="联系电话"
          value={phone}
          onChange={(e) => touch(setPhone)(e.target.value)}
          helperText="导出时默认隐去中间四位"
        />
        <TextField
          select
          label="状态"
          value={status}
          onChange={(e) => touch(setStatus)(e.target.value as MemberStatus)}
        >
          {MEMBER_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {MEMBER_STATUS_LABELS[s]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
    </FormDialog>
  );
}
