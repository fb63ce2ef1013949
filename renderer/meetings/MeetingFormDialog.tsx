import { useEffect, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { todayIso } from '../../shared/domain/dates';
import { call } from '../api/client';
import { errorMessage } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useMeetingKinds, useMeetingMutation, useUnitOptions } from './queries';

interface Option {
  key: string;
  unitId: number | null;
  communityId: number | null;
  name: string;
  group: string;
}
interface Picked extends Option {
  delegate: string;
}

const keyOf = (i: { unitId: number | null; communityId: number | null }) =>
  i.unitId ? `u${i.unitId}` : `c${i.communityId}`;

/** 新建会议 (from the kind's last meeting: same invitees and who attends for them, next number) and 会议信息. */
export default function MeetingFormDialog({
  meeting,
  onClose,
  onCreated,
}: {
  meeting?: MeetingDetail;
  onClose: () => void;
  onCreated?: (id: number) => void;
}) {
  const kinds = useMeetingKinds();
  const options = useUnitOptions();
  const create = useMeetingMutation('meetings.create');
  const update = useMeetingMutation('meetings.update');
  const setInvitees = useMeetingMutation('meetings.setInvitees');
  const [kind, setKind] = useState(meeting?.kind ?? '');
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [suggested, setSuggested] = useState('');
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? todayIso());
  const [startTime, setStartTime] = useState(meeting?.startTime ?? '');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [host, setHost] = useState(meeting?.host ?? '');
  const [recorder, setRecorder] = useState(meeting?.recorder ?? '');
  const [status, setStatus] = useState<'preparing' | 'held'>(meeting?.status === 'held' ? 'held' : 'preparing');
  const [picked, setPicked] = useState<Picked[]>(
    () =>
      meeting?.invitees.filter((i) => i.unitId || i.communityId).map((i) => ({ ...i, key: keyOf(i), group: '' })) ?? [],
  );
  const [fromNote, setFromNote] = useState('');
  const [openItems, setOpenItems] = useState(0);
  const [carryover, setCarryover] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);

  // Choosing a kind proposes the next number and the last meeting's invitees.
  useEffect(() => {
    if (meeting || !kind) return;
    let live = true;
    call('meetings.nextDefaults', { kind }).then(
      (d) => {
        if (!live) return;
        setSuggested(d.title);
        setOpenItems(d.openItemCount);
        setPicked(d.invitees.map((i) => ({ ...i, key: keyOf(i), group: '' })));
        setFromNote(d.fromMeeting ? `已按上次会议“${d.fromMeeting.title}”带出参会单位${d.invitees.length}个` : '');
      },
      (e: unknown) => setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [kind, meeting]);

  const all: Option[] = [
    ...(options.data?.communities ?? []).map((c) => ({
      key: `c${c.id}`,
      unitId: null,
      communityId: c.id,
      name: c.name,
      group: '社区',
    })),
    ...(options.data?.units ?? []).map((u) => ({
      key: `u${u.id}`,
      unitId: u.id,
      communityId: null,
      name: u.name,
      group: '共建单位',
    })),
  ];
  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };

  const submit = async () => {
    setError(null);
    const invitees = picked.map((p) => ({ unitId: p.unitId, communityId: p.communityId, delegate: p.delegate }));
    try {
      if (meeting) {
        await update.mutateAsync({ id: meeting.id, title, heldOn, startTime, place, host, recorder, status });
        await setInvitees.mutateAsync({ meetingId: meeting.id, invitees });
        onClose();
      } else {
        if (!kind) return setError('请选择会议类型');
        const m = await create.mutateAsync({
          kind,
          title,
          heldOn,
          startTime,
          place,
          host,
          recorder,
          invitees,
          includeCarryover: carryover,
        });
        onCreated?.(m.id);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <FormDialog
      open
      title={meeting ? '会议信息' : '新建会议'}
      dirty={dirty}
      busy={create.isPending || update.isPending || setInvitees.isPending}
      formError={error}
      submitText={meeting ? '保存' : '创建会议'}
      onSubmit={() => void submit()}
      onClose={onClose}
      maxWidth="md"
    >
      <Stack spacing={2}>
        <Stack direction="row" spacing={2}>
          {meeting ? (
            <TextField label="会议类型" value={kind} disabled sx={{ width: 200 }} />
          ) : (
            <TextField
              select
              label="会议类型"
              value={kind}
              onChange={(e) => touch(setKind)(e.target.value)}
              sx={{ width: 200 }}
              autoFocus
            >
              {(kinds.data?.kinds ?? []).map((k) => (
                <MenuItem key={k} value={k}>
                  {k}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            label="会议名称"
            value={title}
            placeholder={suggested}
            helperText={meeting ? '' : '留空则自动编号'}
            onChange={(e) => touch(setTitle)(e.target.value)}
            sx={{ flex: 1 }}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
        <Stack direction="row" spacing={2}>
          <TextField
            label="会议日期"
            type="date"
            value={heldOn}
            onChange={(e) => touch(setHeldOn)(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label="开始时间"
            type="time"
            value={startTime}
            onChange={(e) => touch(setStartTime)(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label="会议地点"
            value={place}
            onChange={(e) => touch(setPlace)(e.target.value)}
            sx={{ flex: 1 }}
          />
        </Stack>
        <Stack direction="row" spacing={2}>
          <TextField label="主持人" value={host} onChange={(e) => touch(setHost)(e.target.value)} sx={{ flex: 1 }} />
          <TextField
            label="记录人"
            value={recorder}
            onChange={(e) => touch(setRecorder)(e.target.value)}
            sx={{ flex: 1 }}
          />
          {meeting && meeting.status !== 'finalized' && (
            <TextField
              select
              label="状态"
              value={status}
              onChange={(e) => touch(setStatus)(e.target.value as 'preparing' | 'held')}
              sx={{ width: 140 }}
            >
              <MenuItem value="preparing">筹备中</MenuItem>
              <MenuItem value="held">已召开</MenuItem>
            </TextField>
          )}
        </Stack>
        <Autocomplete<Option, true>
          multiple
          options={all}
          groupBy={(o) => o.group}
          value={all.filter((o) => picked.some((p) => p.key === o.key))}
          getOptionLabel={(o) => o.name}
          isOptionEqualToValue={(a, b) => a.key === b.key}
          onChange={(_e, v) =>
            touch(setPicked)(v.map((o) => picked.find((p) => p.key === o.key) ?? { ...o, delegate: '' }))
          }
          renderInput={(p) => (
            <TextField {...p} label="参会单位" helperText={fromNote || '从共建单位名录和社区中选择'} />
          )}
        />
        {picked.length > 0 && (
          <Stack spacing={1}>
            <Typography variant="subtitle2">各单位参会人</Typography>
            {picked.map((p) => (
              <Stack key={p.key} direction="row" spacing={2} alignItems="center">
                <Typography sx={{ width: 260 }} noWrap>
                  {p.name}
                </Typography>
                <TextField
                  size="small"
                  label={`${p.name}参会人`}
                  value={p.delegate}
                  onChange={(e) =>
                    touch(setPicked)(picked.map((x) => (x.key === p.key ? { ...x, delegate: e.target.value } : x)))
                  }
                />
              </Stack>
            ))}
          </Stack>
        )}
        {!meeting && openItems > 0 && (
          <FormControlLabel
            control={<Checkbox checked={carryover} onChange={(e) => touch(setCarryover)(e.target.checked)} />}
            label={`列入议题“上次会议议定事项落实情况”（尚有${openItems}项督办事项未办结）`}
          />
        )}
      </Stack>
    </FormDialog>
  );
}
