import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Feedback, SupervisionDetail } from '../../shared/contract/meetings';
import { todayIso } from '../../shared/domain/dates';
import { CHECK_STATUS_LABELS, SUPERVISION_STATUS_LABELS } from '../../shared/domain/meetings';
import { call } from '../api/client';
import { errorMessage } from '../common/errors';
import { fileToBase64 } from '../common/fileToBase64';
import { isComposing } from '../common/keyboard';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { invalidateMeetings, useSupervisionItem } from './queries';

function FeedbackCard({ f, onChecked }: { f: Feedback; onChecked: (d: SupervisionDetail) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const notify = useNotify();
  const check = (passed: boolean) =>
    call('supervision.check', { feedbackId: f.id, passed, reason }).then(
      (d) => {
        notify.success(passed ? '审核通过，事项已办结' : '已退回');
        onChecked(d);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  const save = (attId: number) =>
    call('attachments.saveCopy', { id: attId }).then(
      (r) => r.saved && notify.success(`已保存：${r.path}`),
      notify.error,
    );
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} aria-label={`反馈 ${f.reportedOn}`} role="group">
      <Typography variant="subtitle2">
        {f.reportedOn} 反馈 · {CHECK_STATUS_LABELS[f.checkStatus]}
        {f.checkReason && `：${f.checkReason}`}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', my: 0.5 }}>{f.content}</Typography>
      {f.attachments.map((a) => (
        <Link key={a.id} component="button" type="button" onClick={() => void save(a.id)} sx={{ mr: 1 }}>
          附件：{a.fileName}
        </Link>
      ))}
      {f.checkStatus === 'pending' && (
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
          <Button variant="contained" size="small" onClick={() => void check(true)}>
            审核通过
          </Button>
          <TextField
            size="small"
            label="退回原因"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            sx={{ flex: 1 }}
          />
          <Button size="small" color="warning" onClick={() => void check(false)}>
            退回
          </Button>
        </Stack>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </Paper>
  );
}

/** A 督办事项: what was decided, the responsible unit's reports (反馈) and the street's checks, until 办结. */
export default function SupervisionDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const item = useSupervisionItem(id);
  const qc = useQueryClient();
  const [reportedOn, setReportedOn] = useState(todayIso());
  const [content, setContent] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refreshed = (d: SupervisionDetail) => {
    qc.setQueryData(['supervision', 'detail', id], d);
    void invalidateMeetings(qc);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const attachments = await Promise.all(
        files.map(async (f) => ({ fileName: f.name, dataBase64: await fileToBase64(f) })),
      );
      refreshed(await call('supervision.addFeedback', { decisionId: id, reportedOn, content, attachments }));
      setContent('');
      setFiles([]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const d = item.data;
  const canReport = d && !d.closedOn && !d.feedback.some((f) => f.checkStatus === 'pending');
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="supervision-title">
      <DialogTitle id="supervision-title">督办事项</DialogTitle>
      <DialogContent dividers>
        {item.isPending ? (
          <Loading />
        ) : item.isError ? (
          <LoadError error={item.error} />
        ) : (
          d && (
            <Stack spacing={1.5}>
              <Typography variant="h6">{d.content}</Typography>
              <Typography variant="body2" color="text.secondary">
                {d.meetingTitle} · {d.agendaTitle}
              </Typography>
              <Typography>
                责任单位：{d.leadUnitName}
                {d.partners.length > 0 && `；配合单位：${d.partners.map((p) => p.name).join('、')}`}
                {d.deadline && `；完成时限：${d.deadline}`}
                {d.target && `；目标：${d.target}`}
              </Typography>
              <Typography>
                状态：<b>{d.status && SUPERVISION_STATUS_LABELS[d.status]}</b>
                {d.closedOn && `（${d.closedOn}办结）`}
              </Typography>
              <Divider />
              {d.feedback.length === 0 && <Typography color="text.secondary">还没有反馈。</Typography>}
              {d.feedback.map((f) => (
                <FeedbackCard key={f.id} f={f} onChecked={refreshed} />
              ))}
              {canReport && (
                <Paper variant="outlined" sx={{ p: 1.5 }}>
                  <Typography variant="subtitle2" sx={{ mb: 1 }}>
                    录入责任单位反馈
                  </Typography>
                  <Stack spacing={1.5}>
                    <TextField
                      label="反馈日期"
                      type="date"
                      value={reportedOn}
                      onChange={(e) => setReportedOn(e.target.value)}
                      sx={{ width: 180 }}
                      slotProps={{ inputLabel: { shrink: true } }}
                    />
                    <TextField
                      label="反馈内容"
                      value={content}
                      onChange={(e) => setContent(e.target.value)}
                      multiline
                      minRows={3}
                      onKeyDown={(e) => {
                        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !isComposing(e)) void submit();
                      }}
                    />
                    <Stack direction="row" spacing={1} alignItems="center">
                      <Button component="label" size="small">
                        添加附件
                        <input
                          hidden
                          type="file"
                          multiple
                          aria-label="反馈附件"
                          onChange={(e) => setFiles([...(e.target.files ?? [])])}
                        />
                      </Button>
                      <Typography variant="body2" color="text.secondary">
                        {files.map((f) => f.name).join('、')}
                      </Typography>
                      <Stack sx={{ flex: 1 }} />
                      <Button variant="contained" disabled={busy} onClick={() => void submit()}>
                        提交反馈
                      </Button>
                    </Stack>
                  </Stack>
                </Paper>
              )}
              {error && <Alert severity="error">{error}</Alert>}
            </Stack>
          )
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>关闭</Button>
      </DialogActions>
    </Dialog>
  );
}
