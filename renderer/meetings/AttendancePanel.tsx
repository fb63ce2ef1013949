import { useState, type KeyboardEvent } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { Invitee, MeetingDetail } from '../../shared/contract/meetings';
import { ATTENDANCE_LABELS, type Attendance } from '../../shared/domain/meetings';
import { isComposing } from '../common/keyboard';
import { useNotify } from '../common/Notifier';
import { useMeetingMutation } from './queries';

const KEYS: Record<string, Attendance> = { '1': 'present', '2': 'leave', '3': 'absent' };

function InviteeRow({ inv, locked }: { inv: Invitee; locked: boolean }) {
  const mark = useMeetingMutation('meetings.markAttendance');
  const notify = useNotify();
  const [attendee, setAttendee] = useState(inv.attendee);
  const [reason, setReason] = useState(inv.leaveReason);
  const [pending, setPending] = useState<Attendance | null>(null);

  const save = (attendance: Attendance, patch: { attendee?: string; leaveReason?: string } = {}) => {
    if (locked) return;
    const leaveReason = patch.leaveReason ?? reason;
    if (attendance === 'leave' && !leaveReason.trim()) {
      // 请假 needs a reason: show the field and wait for it.
      setPending('leave');
      return;
    }
    mark.mutate(
      { inviteeId: inv.id, attendance, attendee: patch.attendee ?? attendee, leaveReason },
      {
        onSuccess: (r) => {
          setAttendee(r.attendee);
          setPending(null);
        },
        onError: (e) => notify.error(e),
      },
    );
  };
  const shown = pending ?? inv.attendance;

  // 1 / 2 / 3 on a focused row mark 出席 / 请假 / 缺席; the arrow keys move between rows.
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (isComposing(e) || e.ctrlKey || e.altKey || (e.target as HTMLElement).tagName === 'INPUT') return;
    const a = KEYS[e.key];
    if (a) {
      e.preventDefault();
      save(a);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const row = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      (row as HTMLElement | null)?.focus();
    }
  };

  return (
    <TableRow
      tabIndex={0}
      hover
      onKeyDown={onKeyDown}
      aria-label={inv.name}
      sx={{ '&:focus': { outline: '2px solid', outlineColor: 'primary.main' } }}
    >
      <TableCell>{inv.name}</TableCell>
      <TableCell>{inv.delegate}</TableCell>
      <TableCell>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={shown}
          disabled={locked}
          aria-label={`${inv.name}出席情况`}
          onChange={(_e, v: Attendance | null) => v && save(v)}
        >
          {(['present', 'leave', 'absent'] as const).map((a) => (
            <ToggleButton key={a} value={a} tabIndex={-1}>
              {ATTENDANCE_LABELS[a]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </TableCell>
      <TableCell>
        <TextField
          size="small"
          label="出席人"
          value={attendee}
          disabled={locked}
          onChange={(e) => setAttendee(e.target.value)}
          onBlur={() => attendee !== inv.attendee && inv.attendance !== 'pending' && save(inv.attendance, { attendee })}
        />
      </TableCell>
      <TableCell>
        {shown === 'leave' && (
          <TextField
            size="small"
            label="请假事由"
            value={reason}
            disabled={locked}
            autoFocus={pending === 'leave'}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !isComposing(e)) save('leave', { leaveReason: reason });
            }}
            onBlur={() => reason.trim() && reason !== inv.leaveReason && save('leave', { leaveReason: reason })}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

export function AttendancePanel({ meeting }: { meeting: MeetingDetail }) {
  const locked = meeting.status === 'finalized';
  if (!meeting.invitees.length)
    return <Typography color="text.secondary">本次会议没有邀请单位。可在“会议信息”中添加参会单位。</Typography>;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        选中一行后按 1 出席、2 请假、3 缺席，↑/↓ 换行；出席人默认为通知的参会人。
      </Typography>
      <Table size="small" aria-label="出席情况">
        <TableHead>
          <TableRow>
            <TableCell>参会单位</TableCell>
            <TableCell>通知参会人</TableCell>
            <TableCell>出席情况</TableCell>
            <TableCell>出席人</TableCell>
            <TableCell>请假事由</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {meeting.invitees.map((i) => (
            <InviteeRow key={i.id} inv={i} locked={locked} />
          ))}
        </TableBody>
      </Table>
    </>
  );
}
