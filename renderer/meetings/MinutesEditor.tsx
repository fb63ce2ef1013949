import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import DeleteOutline from '@mui/icons-material/DeleteOutline';
import EditOutlined from '@mui/icons-material/EditOutlined';
import type { AgendaItem, Decision, MeetingDetail } from '../../shared/contract/meetings';
import type { Unit } from '../../shared/contract/units';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { errorMessage } from '../common/errors';
import { isComposing } from '../common/keyboard';
import { useConfirm } from '../common/Confirm';
import { useNotify } from '../common/Notifier';
import { AgendaItemDialog } from './AgendaItemDialog';
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
  const draft = useAutosave(item.id, item.discussion, item.savedAt, locked);
  // Decisions added on this screen: on screen (and typeable) before the database has them, under a key that
  // stays the same once they come back from the server, so the field keeps its focus and text.
  const [fresh, setFresh] = useState<{ key: string; id?: number }[]>([]);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const refresh = () =>
    void qc.invalidateQueries({ queryKey: keys.meeting(meeting.id) }).then(() => invalidateMeetings(qc));

  const addDecision = () => {
    if (locked) return;
    const key = `new-${Date.now()}-${Math.random()}`;
    // Synchronously: the next key typed right after Ctrl+Enter already lands in the new field.
    flushSync(() => {
      setFresh((f) => [...f, { key }]);
      setFocusKey(key);
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (isComposing(e)) return;
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      addDecision();
    }
  };

  const known = new Set(item.decisions.map((d) => d.id));
  const keyOfId = new Map(fresh.flatMap((f) => (f.id ? [[f.id, f.key] as const] : [])));
  const rows = [
    ...item.decisions.map((d) => ({ key: keyOfId.get(d.id) ?? `d${d.id}`, decision: d as Decision | null })),
    ...fresh.filter((f) => !f.id || !known.has(f.id)).map((f) => ({ key: f.key, decision: null })),
  ];

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
        {rows.map((r, i) => (
          <DecisionEditor
            key={r.key}
            decision={r.decision}
            agendaItemId={item.id}
            index={i}
            units={units}
            locked={locked}
            autoFocus={focusKey === r.key}
            onCreated={(id) => {
              setFresh((f) => f.map((x) => (x.key === r.key ? { ...x, id } : x)));
              refresh();
            }}
            onDeleted={() => {
              setFresh((f) => f.filter((x) => x.key !== r.key));
              refresh();
            }}
            onSaved={() => void invalidateMeetings(qc)}
          />
        ))}
      </Stack>
      {!locked && (
        <Box>
          <Button startIcon={<AddIcon />} onClick={addDecision}>
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
 * The agenda is arranged from the keyboard too: Alt+Shift+↑/↓ moves the current item (Alt+↑/↓ on a focused
 * item in the list), F2 edits it and Delete removes it; all of it is locked once the minutes are finalised.
 */
export function MinutesEditor({ meeting, units }: { meeting: MeetingDetail; units: Unit[] }) {
  const [current, setCurrent] = useState(0);
  const [newTitle, setNewTitle] = useState('');
  const [editing, setEditing] = useState<AgendaItem | null>(null);
  const addItem = useMeetingMutation('meetings.saveAgendaItem');
  const moveItem = useMeetingMutation('meetings.moveAgendaItem');
  const deleteItem = useMeetingMutation('meetings.deleteAgendaItem');
  const notify = useNotify();
  const confirm = useConfirm();
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

  const move = (i: number, direction: 'up' | 'down') => {
    const a = meeting.agenda[i];
    const j = direction === 'up' ? i - 1 : i + 1;
    if (locked || !a || j < 0 || j >= count || moveItem.isPending) return;
    moveItem.mutate(
      { id: a.id, direction },
      {
        // The moved item stays the current one.
        onSuccess: (m) =>
          setCurrent(
            Math.max(
              0,
              m.agenda.findIndex((x) => x.id === a.id),
            ),
          ),
        onError: (e) => notify.error(errorMessage(e)),
      },
    );
  };

  const remove = (a: AgendaItem) => {
    if (locked) return;
    void confirm({
      title: '删除议题？',
      message: `删除“${a.title}”。只有还没有讨论记录和议定事项的议题可以删除；删除的议题名称、汇报人和说明不进入回收站，需要时请重新添加。`,
      confirmText: '删除',
      danger: true,
      action: () => deleteItem.mutateAsync({ id: a.id }),
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (isComposing(e) || !e.altKey || e.ctrlKey) return;
    const up = e.key === 'ArrowUp' || e.key === 'PageUp';
    const down = e.key === 'ArrowDown' || e.key === 'PageDown';
    if (!up && !down) return;
    e.preventDefault();
    if (e.shiftKey) move(index, up ? 'up' : 'down');
    else go(up ? index - 1 : index + 1);
  };

  /** Keys on a focused item of the agenda list: it is the one to move, edit or remove. */
  const onItemKeyDown = (e: KeyboardEvent, i: number) => {
    if (isComposing(e)) return;
    const a = meeting.agenda[i]!;
    if (e.altKey && !e.ctrlKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      e.stopPropagation();
      move(i, e.key === 'ArrowUp' ? 'up' : 'down');
    } else if (e.key === 'F2' && !locked) {
      e.preventDefault();
      setEditing(a);
    } else if (e.key === 'Delete' && !locked) {
      e.preventDefault();
      remove(a);
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

  const lockHint = '纪要已定稿，如需调整议程请先“修订纪要”';
  const action = (label: string, icon: ReactNode, onClick: () => void, disabled: boolean) => (
    <Tooltip title={locked ? lockHint : label}>
      <span>
        <IconButton size="small" aria-label={label} disabled={locked || disabled} onClick={onClick}>
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );

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
        {item && (
          <Stack direction="row" aria-label="调整议程" role="toolbar" sx={{ px: 0.5 }}>
            {action('编辑议题', <EditOutlined fontSize="small" />, () => setEditing(item), false)}
            {action('上移议题', <ArrowUpward fontSize="small" />, () => move(index, 'up'), index === 0)}
            {action('下移议题', <ArrowDownward fontSize="small" />, () => move(index, 'down'), index >= count - 1)}
            {action('删除议题', <DeleteOutline fontSize="small" />, () => remove(item), false)}
          </Stack>
        )}
        <List dense aria-label="议程" sx={{ flex: 1, overflow: 'auto' }}>
          {meeting.agenda.map((a, i) => (
            <ListItemButton
              key={a.id}
              selected={i === index}
              onClick={() => go(i)}
              onKeyDown={(e) => onItemKeyDown(e, i)}
              title={locked ? undefined : 'Alt+↑/↓ 调整顺序，F2 编辑，Delete 删除'}
            >
              <ListItemText
                primary={`${i + 1}. ${a.title}`}
                secondary={`${a.presenter ? `${a.presenter} · ` : ''}${a.discussion.trim() ? '已记录' : '未记录'}${a.decisions.length ? ` · 议定${a.decisions.length}项` : ''}`}
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
      {editing && <AgendaItemDialog meetingId={meeting.id} item={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
