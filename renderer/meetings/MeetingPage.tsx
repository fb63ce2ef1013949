import { lazy, Suspense, useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { MEETING_STATUS_LABELS } from '../../shared/domain/meetings';
import { useConfirm } from '../common/Confirm';
import { errorMessage } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { isComposing } from '../common/keyboard';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { PageHeader } from '../common/PageHeader';
import { paths } from '../app/paths';
import { AttendancePanel } from './AttendancePanel';
import { MinutesEditor } from './MinutesEditor';
import { useExport, useMeeting, useMeetingMutation, useUnitOptions } from './queries';

const MeetingFormDialog = lazy(() => import('./MeetingFormDialog'));
const RevisionsDialog = lazy(() => import('./RevisionsDialog'));

function ReviseDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const revise = useMeetingMutation('meetings.revise');
  const [editor, setEditor] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <FormDialog
      open
      title="修订纪要"
      dirty={!!(editor || reason)}
      busy={revise.isPending}
      formError={error}
      submitText="开始修订"
      onClose={onClose}
      onSubmit={() =>
        revise.mutate({ id, editor, reason }, { onSuccess: onClose, onError: (e) => setError(errorMessage(e)) })
      }
    >
      <Stack spacing={2}>
        <Alert severity="info">定稿的纪要原文会保留为历史版本。修订后请重新定稿。</Alert>
        <TextField label="修订人" value={editor} onChange={(e) => setEditor(e.target.value)} autoFocus />
        <TextField label="修订原因" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Stack>
    </FormDialog>
  );
}

/** One meeting: 出席情况 and 会议记录 (the live minutes), its paperwork, 定稿 and 修订. */
export default function MeetingPage() {
  const id = Number(useParams().id);
  const meeting = useMeeting(id);
  const units = useUnitOptions();
  const finalize = useMeetingMutation('meetings.finalize');
  const exporter = useExport();
  const confirm = useConfirm();
  const notify = useNotify();
  const [tab, setTab] = useState(0);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [more, setMore] = useState<HTMLElement | null>(null);
  const remove = useMeetingMutation('meetings.delete');
  const [dialog, setDialog] = useState<'info' | 'revise' | 'revisions' | null>(null);
  const navigate = useNavigate();

  // Alt+1 出席情况, Alt+2 会议记录: switching without the mouse.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isComposing(e) || !e.altKey || e.ctrlKey) return;
      if (e.key === '1' || e.key === '2') {
        e.preventDefault();
        setTab(Number(e.key) - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const locked = m.status === 'finalized';

  const doFinalize = async () => {
    // Typing still waiting for its autosave goes first.
    (document.activeElement as HTMLElement | null)?.blur();
    const ok = await confirm({
      title: '定稿纪要？',
      message: '定稿后纪要不能直接修改；如需更正，要通过“修订纪要”并保留原文。',
      confirmText: '定稿',
    });
    if (!ok) return;
    await new Promise((r) => window.setTimeout(r, 700));
    finalize.mutate({ id }, { onSuccess: () => notify.success('纪要已定稿'), onError: (e) => notify.error(e) });
  };

  const doDelete = async () => {
    setMore(null);
    const ok = await confirm({
      title: '删除会议？',
      message: `“${m.title}”及其出席、会议记录和议定事项将移入回收站，可以恢复。`,
      confirmText: '删除',
      danger: true,
    });
    if (ok)
      remove.mutate(
        { id },
        {
          onSuccess: () => {
            notify.success('会议已移入回收站');
            navigate(paths.meetings);
          },
          onError: (e) => notify.error(e),
        },
      );
  };

  const exportItem = (label: string, run: () => void) => (
    <MenuItem
      onClick={() => {
        setMenu(null);
        run();
      }}
    >
      {label}
    </MenuItem>
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader
        title={m.title}
        subtitle={
          <>
            {m.heldOn} {m.startTime} {m.place && `· ${m.place}`} {m.host && `· 主持人：${m.host}`}{' '}
            {m.recorder && `· 记录人：${m.recorder}`}{' '}
            <Chip
              size="small"
              label={MEETING_STATUS_LABELS[m.status] + (m.revision && !locked ? `（第${m.revision}次修订中）` : '')}
              color={locked ? 'success' : 'default'}
            />
          </>
        }
      >
        <Button component={RouterLink} to={paths.meetings} color="inherit">
          返回会议列表
        </Button>
        {!locked && <Button onClick={() => setDialog('info')}>会议信息</Button>}
        <Button startIcon={<FileDownloadOutlined />} onClick={(e) => setMenu(e.currentTarget)} disabled={exporter.busy}>
          导出
        </Button>
        <Button color="inherit" onClick={(e) => setMore(e.currentTarget)} aria-label="更多操作">
          更多
        </Button>
        {locked ? (
          <Button variant="outlined" onClick={() => setDialog('revise')}>
            修订纪要
          </Button>
        ) : (
          <Button variant="contained" onClick={() => void doFinalize()} disabled={finalize.isPending}>
            定稿
          </Button>
        )}
      </PageHeader>
      <Menu anchorEl={menu} open={!!menu} onClose={() => setMenu(null)}>
        {exportItem('会议通知（Word）', () => exporter.run('meetings.exportNotice', { id }))}
        {exportItem('签到表（Word）', () => exporter.run('meetings.exportSignInDocx', { id }))}
        {exportItem('签到表（Excel）', () => exporter.run('meetings.exportSignInXlsx', { id }))}
        {exportItem('会议纪要（Word）', () => exporter.run('meetings.exportMinutesDocx', { id }))}
        {exportItem('会议纪要（PDF）', () => exporter.run('meetings.exportMinutesPdf', { id }))}
      </Menu>
      <Menu anchorEl={more} open={!!more} onClose={() => setMore(null)}>
        <MenuItem
          onClick={() => {
            setMore(null);
            setDialog('revisions');
          }}
        >
          纪要历史版本{m.revision ? `（${m.revision}）` : ''}
        </MenuItem>
        <MenuItem disabled={locked} onClick={() => void doDelete()}>
          删除会议
        </MenuItem>
      </Menu>
      <Tabs
        value={tab}
        onChange={(_e, v: number) => setTab(v)}
        sx={{ mb: 1.5, borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab label={`出席情况（${m.presentCount}/${m.inviteeCount}）Alt+1`} />
        <Tab label="会议记录 Alt+2" />
      </Tabs>
      {tab === 0 ? <AttendancePanel meeting={m} /> : <MinutesEditor meeting={m} units={units.data?.units ?? []} />}
      <Suspense>
        {dialog === 'info' && <MeetingFormDialog meeting={m} onClose={() => setDialog(null)} />}
        {dialog === 'revise' && <ReviseDialog id={id} onClose={() => setDialog(null)} />}
        {dialog === 'revisions' && <RevisionsDialog id={id} onClose={() => setDialog(null)} />}
      </Suspense>
    </Box>
  );
}
