import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import type { AgendaItem, MeetingDetail } from '../../shared/contract/meetings';
import type { Unit } from '../../shared/contract/units';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { errorMessage } from '../common/errors';
import { isComposing } from '../common/keyboard';
import { useNotify } from '../common/Notifier';
import { DecisionEditor } from './DecisionEditor';
import { invalidateMeetings, useMeetingMutation } from './queries';
import { useAutosave, type SaveState } from './useAutosave';

function saveLabel(s: SaveState): string {
  if (s.kind === 'saved') return `已自动保存 ${new Date(s.at).toLocaleTimeString('zh-CN', { hour12: false })}`;
  if (s.kind === 'error') return `保存失败：${s.message}（内容已暂存在本机，恢复后会继续保存）`;
  return '正在保存…';
}

function ItemPanel({
  item,
  index,
  meeting,
  units,
  locked,
}: {
  item: AgendaItem;
  index: number;
  meeting: MeetingDetail;
  units: Unit[];
  locked: boolean;
}) {
  const qc = useQueryClient();
  const notify = useNotify();
  const draft = useAutosave(item.id, item.discussion, item.savedAt, locked);
  const [focusDecision, setFocusDecision] = useState<number | null>(null);
  const refresh = () =>
    void qc.invalidateQueries({ queryKey: keys.meeting(meeting.id) }).then(() => invalidateMeetings(qc));

  const addDecision = async () => {
    if (locked) return;
    try {
      const d = await call('meetings.saveDecision', { agendaItemId: item.id, content: '' });
      setFocusDecision(d.id);
      refresh();
    } catch (e) {
      notify.error(e);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (isComposing(e)) return;
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void addDecision();
    }
  };

  return (
    <Stack spacing={1.5} onKeyDown={onKeyDown} sx={{ minWidth: 0 }}>
      <Stack direction="row" alignItems="baseline" spacing={1}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          议题{index + 1}：{item.title}
        </Typography>
        {item.presenter && <Typography color="text.secondary">汇报：{item.presenter}</Typography>}
      </Stack>
      {item.carryover && <CarryoverList meetingId={meeting.id} />}
      {item.notes && !item.carryover && (
        <Typography variant="body2" color="text.secondary">
          {item.notes}
        </Typography>
      )}
      {draft.restored && (
        <Alert severity="info" onClose={draft.dismissRestored}>
          已恢复未保存的草稿：上次关闭前输入的内容已找回，并已重新保存。
        </Alert>
      )}
      <TextField
        label="讨论记录"
        value={draft.text}
        onChange={(e) => draft.change(e.target.value)}
        onBlur={() => void draft.flush()}
        multiline
        minRows={7}
        maxRows={14}
        fullWidth
        slotProps={{ input: { readOnly: locked } }}
        helperText={locked ? '纪要已定稿，如需更正请“修订纪要”' : saveLabel(draft.state)}
        error={draft.state.kind === 'error'}
      />
      <Stack spacing={1}>
        {item.decisions.map((d, i) => (
          <DecisionEditor
            key={d.id}
            decision={d}
            index={i}
            units={units}
            locked={locked}
            autoFocus={focusDecision === d.id}
            onDeleted={refresh}
            onSaved={() => void invalidateMeetings(qc)}
          />
        ))}
      </Stack>
      {!locked && (
        <Box>
          <Button startIcon={<AddIcon />} onClick={() => void addDecision()}>
            新增议定事项（Ctrl+Enter）
          </Button>
        </Box>
      )}
    </Stack>
  );
}

/** The open 督办事项 of earlier meetings, read out under the standing item. */
function CarryoverList({ meetingId }: { meetingId: number }) {
  const [rows, setRows] = useState<{ id: number; text: string }[] | null>(null);
  useEffect(() => {
    let live = true;
    call('supervision.list', { pageSize: 100 }).then(
      (r) =>
        live &&
        setRows(
          r.rows
            .filter((d) => d.meetingId !== meetingId && d.status !== 'closed')
            .map((d) => ({
              id: d.id,
              text: `${d.content}（${d.leadUnitName}${d.deadline ? `，${d.deadline}` : ''}）`,
            })),
        ),
      () => live && setRows([]),
    );
    return () => {
      live = false;
    };
  }, [meetingId]);
  if (!rows?.length) return null;
  return (
    <Alert severity="warning" icon={false}>
      <Typography variant="subtitle2">尚未办结的督办事项</Typography>
      {rows.map((r, i) => (
        <Typography key={r.id} variant="body2">
          {i + 1}. {r.text}
        </Typography>
      ))}
    </Alert>
  );
}

/**
 * The minutes screen: agenda on the left, the current item's discussion and decisions on the right.
 * Alt+↓ / Alt+↑ move between items, Ctrl+Enter adds a decision; nothing fires while an IME is composing.
 */
export function MinutesEditor({ meeting, units }: { meeting: MeetingDetail; units: Unit[] }) {
  const [current, setCurrent] = useState(0);
  const [newTitle, setNewTitle] = useState('');
  const addItem = useMeetingMutation('meetings.saveAgendaItem');
  const notify = useNotify();
  const locked = meeting.status === 'finalized';
  const count = meeting.agenda.length;
  const itemRef = useRef<HTMLDivElement>(null);
  const index = Math.min(current, Math.max(0, count - 1));
  const item = meeting.agenda[index];

  const [focusRequest, setFocusRequest] = useState(0);
  // Typing continues in the chosen item's discussion record once it is on screen.
  useEffect(() => {
    if (focusRequest) itemRef.current?.querySelector('textarea')?.focus();
  }, [focusRequest, index, count]);

  const go = (i: number, total = count) => {
    if (i < 0 || i >= total) return;
    setCurrent(i);
    setFocusRequest((n) => n + 1);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (isComposing(e) || !e.altKey || e.ctrlKey) return;
    if (e.key === 'ArrowDown' || e.key === 'PageDown') {
      e.preventDefault();
      go(index + 1);
    } else if (e.key === 'ArrowUp' || e.key === 'PageUp') {
      e.preventDefault();
      go(index - 1);
    }
  };

  const add = () => {
    const title = newTitle.trim();
    if (!title) return;
    addItem.mutate(
      { meetingId: meeting.id, title },
      {
        onSuccess: (m) => {
          setNewTitle('');
          go(m.agenda.length - 1, m.agenda.length);
        },
        onError: (e) => notify.error(errorMessage(e)),
      },
    );
  };

  return (
    <Stack direction="row" spacing={2} sx={{ flex: 1, minHeight: 0 }} onKeyDown={onKeyDown}>
      <Box
        sx={{
          width: 230,
          flexShrink: 0,
          display: 'flex',
          flexDirection: 'column',
          borderRight: 1,
          borderColor: 'divider',
          pr: 1,
        }}
      >
        <Typography variant="subtitle2" color="text.secondary" sx={{ px: 1 }}>
          议程（Alt+↑/↓ 切换）
        </Typography>
        <List dense aria-label="议程" sx={{ flex: 1, overflow: 'auto' }}>
          {meeting.agenda.map((a, i) => (
            <ListItemButton key={a.id} selected={i === index} onClick={() => go(i)}>
              <ListItemText
                primary={`${i + 1}. ${a.title}`}
                secondary={`${a.discussion.trim() ? '已记录' : '未记录'}${a.decisions.length ? ` · 议定${a.decisions.length}项` : ''}`}
              />
            </ListItemButton>
          ))}
        </List>
        {!locked && (
          <TextField
            size="small"
            label="新增议题"
            placeholder="输入议题后按 Enter"
            value={newTitle}
            onChange={(e) => setNewTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !isComposing(e)) {
                e.preventDefault();
                add();
              }
            }}
          />
        )}
      </Box>
      <Box ref={itemRef} sx={{ flex: 1, minWidth: 0, overflow: 'auto', pr: 1 }}>
        {item ? (
          <ItemPanel key={item.id} item={item} index={index} meeting={meeting} units={units} locked={locked} />
        ) : (
          <Typography color="text.secondary" sx={{ mt: 4 }}>
            还没有议题。请在左下角输入议题后按 Enter，再记录讨论情况和议定事项。
          </Typography>
        )}
      </Box>
    </Stack>
  );
}
