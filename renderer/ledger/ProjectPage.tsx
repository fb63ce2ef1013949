import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import type { Attachment } from '../../shared/contract/attachments';
import type { ProjectDetail } from '../../shared/contract/ledger';
import { todayIso } from '../../shared/domain/dates';
import { CLOSURE_RESULT_LABELS, NEED_STATUS_LABELS, PROJECT_SOURCE_LABELS } from '../../shared/domain/lists';
import { call } from '../api/client';
import { paths } from '../app/paths';
import { useConfirm } from '../common/Confirm';
import { errorMessage } from '../common/errors';
import { fileToBase64 } from '../common/fileToBase64';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { PageHeader } from '../common/PageHeader';
import { cnDate } from '../lists/gridStyle';
import { ReasonDialog } from '../lists/ReasonDialog';
import { ProjectFlags, ProjectStatusChip } from '../lists/StatusChips';
import { useProject, useProjectWrite } from './queries';

const ProjectDialog = lazy(() => import('./ProjectDialog'));

const names = (xs: { name: string }[]) => xs.map((x) => x.name).join('、') || '—';

async function uploads(files: File[]) {
  return Promise.all(files.map(async (f) => ({ fileName: f.name, dataBase64: await fileToBase64(f) })));
}

/** One project: its 责任分解 fields, the 进度台账 with files, and 销号. */
export default function ProjectPage() {
  const id = Number(useParams().id);
  const project = useProject(id);
  const navigate = useNavigate();
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} onRetry={() => void project.refetch()} />;
  return <ProjectView p={project.data} onBack={() => navigate(paths.ledger)} />;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack direction="row" spacing={1}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 72, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Stack>
  );
}

function Files({ files }: { files: Attachment[] }) {
  const notify = useNotify();
  if (files.length === 0) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
      {files.map((a) => (
        <Chip
          key={a.id}
          size="small"
          variant="outlined"
          label={a.fileName}
          title="另存一份"
          onClick={() =>
            void call('attachments.saveCopy', { id: a.id }).then(
              (r) => r.saved && notify.success(`已保存：${r.path}`),
              (e: unknown) => notify.error(e),
            )
          }
        />
      ))}
    </Stack>
  );
}

function ProjectView({ p, onBack }: { p: ProjectDetail; onBack: () => void }) {
  const navigate = useNavigate();
  const notify = useNotify();
  const confirm = useConfirm();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<'terminate' | 'return' | null>(null);
  const setStatus = useProjectWrite('projects.setStatus');
  const remove = useProjectWrite('projects.delete');
  const addProgress = useProjectWrite('projects.addProgress');
  const applyClose = useProjectWrite('projects.applyClose');
  const review = useProjectWrite('projects.reviewClose');
  const [entry, setEntry] = useState({
    entryOn: todayIso(),
    percent: String(p.progressPercent ?? ''),
    text: '',
    files: [] as File[],
  });
  const [closing, setClosing] = useState({ applicant: p.leadUnits[0]?.name ?? '', evidence: '', files: [] as File[] });
  const open = p.status === 'planning' || p.status === 'active';
  const pending = p.closures.find((c) => c.result === 'pending');
  const fail = (e: unknown) => notify.error(errorMessage(e));

  const submitProgress = async () => {
    const percent = Number(entry.percent);
    if (entry.percent === '' || !Number.isInteger(percent) || percent < 0 || percent > 100)
      return notify.error('进度请填写0到100之间的整数');
    if (!entry.text.trim()) return notify.error('请填写进展情况');
    addProgress.mutate(
      { projectId: p.id, entryOn: entry.entryOn, percent, text: entry.text, files: await uploads(entry.files) },
      {
        onSuccess: () => {
          notify.success('进度已登记');
          setEntry({ entryOn: todayIso(), percent: String(percent), text: '', files: [] });
        },
        onError: fail,
      },
    );
  };
  const submitClose = async () => {
    if (!closing.applicant.trim() || !closing.evidence.trim()) return notify.error('请填写申请单位和完成情况及佐证');
    applyClose.mutate(
      {
        projectId: p.id,
        appliedOn: todayIso(),
        applicant: closing.applicant,
        evidence: closing.evidence,
        files: await uploads(closing.files),
      },
      { onSuccess: () => notify.success('已提交销号申请，等待街道审核'), onError: fail },
    );
  };

  return (
    <Box sx={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title={p.name} subtitle={`${p.year}年度 · 来源：${PROJECT_SOURCE_LABELS[p.source]}`}>
        <Button startIcon={<ArrowBack />} onClick={onBack} color="inherit">
          返回项目台账
        </Button>
        {p.status !== 'closed' && (
          <Button variant="outlined" onClick={() => setEditing(true)}>
            编辑项目
          </Button>
        )}
        {p.status === 'planning' && (
          <Button
            variant="outlined"
            onClick={() => setStatus.mutate({ id: p.id, status: 'active' }, { onError: fail })}
          >
            开始推进
          </Button>
        )}
        {(open || p.status === 'pending_close') && (
          <Button variant="outlined" color="warning" onClick={() => setAsking('terminate')}>
            终止项目
          </Button>
        )}
        {p.status !== 'closed' && (
          <Button
            color="error"
            onClick={() =>
              void confirm({
                title: '删除项目？',
                message: `删除“${p.name}”及其进度记录后，可在回收站恢复。`,
                confirmText: '删除',
                danger: true,
                action: () => remove.mutateAsync({ id: p.id }).then(onBack),
              })
            }
          >
            删除
          </Button>
        )}
      </PageHeader>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 2 }} aria-label="项目状态">
        <ProjectStatusChip status={p.status} />
        <ProjectFlags {...p} />
        {p.statusReason && <Typography variant="body2">（{p.statusReason}）</Typography>}
        {p.progressPercent !== null && <Typography variant="body2">当前进度 {p.progressPercent}%</Typography>}
      </Stack>

      <Stack direction="row" spacing={2} alignItems="flex-start">
        <Paper variant="outlined" sx={{ p: 2, flex: 1 }}>
          <Stack spacing={1}>
            <Field label="项目目标">{p.goal || '—'}</Field>
            <Field label="主要内容">{p.content || '—'}</Field>
            <Field label="责任单位">{names(p.leadUnits)}</Field>
            <Field label="配合单位">{names(p.supportUnits)}</Field>
            <Field label="服务社区">{names(p.communities)}</Field>
            <Field label="领办人">{p.leader || '—'}</Field>
            <Field label="开始日期">{cnDate(p.startOn) || '—'}</Field>
            <Field label="完成时限">
              {p.longTerm
                ? '长期坚持'
                : `${cnDate(p.deadlineOn) || '—'}${p.deadlineText ? `（${p.deadlineText}）` : ''}`}
            </Field>
            <Field label="时间节点">{p.milestones || '—'}</Field>
            <Field label="预算">{p.budget === null ? '—' : `${p.budget}万元`}</Field>
            {p.needs.length > 0 && (
              <Field label="对接需求">
                {p.needs.map((n) => (
                  <div key={n.id}>
                    {n.communityName} · {n.title}（{NEED_STATUS_LABELS[n.status]}）
                  </div>
                ))}
              </Field>
            )}
            {p.resources.length > 0 && (
              <Field label="对接资源">
                {p.resources.map((r) => (
                  <div key={r.id}>
                    {r.unitName} · {r.title}
                  </div>
                ))}
              </Field>
            )}
          </Stack>
        </Paper>

        <Stack spacing={2} sx={{ flex: 1.2 }}>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="进度台账">
            <Typography variant="h6" sx={{ mb: 1 }}>
              进度台账
            </Typography>
            {open && (
              <Stack spacing={1.5} sx={{ mb: 2 }}>
                <Stack direction="row" spacing={1.5}>
                  <TextField
                    size="small"
                    label="日期"
                    type="date"
                    value={entry.entryOn}
                    onChange={(e) => setEntry({ ...entry, entryOn: e.target.value })}
                    slotProps={{ inputLabel: { shrink: true } }}
                    sx={{ width: 170 }}
                  />
                  <TextField
                    size="small"
                    label="进度（%）"
                    value={entry.percent}
                    onChange={(e) => setEntry({ ...entry, percent: e.target.value.replace(/\D/g, '').slice(0, 3) })}
                    sx={{ width: 110 }}
                  />
                  <Button component="label" size="small">
                    附件{entry.files.length ? `（${entry.files.length}）` : ''}
                    <input
                      hidden
                      type="file"
                      multiple
                      aria-label="进度附件"
                      onChange={(e) => setEntry({ ...entry, files: [...(e.target.files ?? [])] })}
                    />
                  </Button>
                </Stack>
                <TextField
                  size="small"
                  label="进展情况"
                  multiline
                  minRows={2}
                  value={entry.text}
                  onChange={(e) => setEntry({ ...entry, text: e.target.value })}
                />
                <Box>
                  <Button
                    variant="contained"
                    size="small"
                    onClick={() => void submitProgress()}
                    disabled={addProgress.isPending}
                  >
                    登记进度
                  </Button>
                </Box>
              </Stack>
            )}
            {p.progress.length === 0 ? (
              <Typography color="text.secondary">还没有进度记录</Typography>
            ) : (
              <Stack divider={<Divider flexItem />} spacing={1} aria-label="进度记录">
                {p.progress.map((e) => (
                  <Box key={e.id}>
                    <Typography variant="body2">
                      <b>{cnDate(e.entryOn)}</b> · {e.percent}%{' '}
                      {e.operator && (
                        <Typography component="span" variant="caption" color="text.secondary">
                          （{e.operator}）
                        </Typography>
                      )}
                    </Typography>
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                      {e.text}
                    </Typography>
                    <Files files={e.attachments} />
                  </Box>
                ))}
              </Stack>
            )}
          </Paper>

          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="销号">
            <Typography variant="h6" sx={{ mb: 1 }}>
              销号
            </Typography>
            {open && (
              <Stack spacing={1.5} sx={{ mb: 2 }}>
                <TextField
                  size="small"
                  label="申请单位（人）"
                  value={closing.applicant}
                  onChange={(e) => setClosing({ ...closing, applicant: e.target.value })}
                />
                <TextField
                  size="small"
                  label="完成情况及佐证"
                  multiline
                  minRows={2}
                  value={closing.evidence}
                  onChange={(e) => setClosing({ ...closing, evidence: e.target.value })}
                />
                <Stack direction="row" spacing={1}>
                  <Button component="label" size="small">
                    佐证材料{closing.files.length ? `（${closing.files.length}）` : ''}
                    <input
                      hidden
                      type="file"
                      multiple
                      aria-label="佐证材料"
                      onChange={(e) => setClosing({ ...closing, files: [...(e.target.files ?? [])] })}
                    />
                  </Button>
                  <Button
                    variant="contained"
                    size="small"
                    onClick={() => void submitClose()}
                    disabled={applyClose.isPending}
                  >
                    申请销号
                  </Button>
                </Stack>
              </Stack>
            )}
            {pending && (
              <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
                <Button
                  variant="contained"
                  color="success"
                  size="small"
                  onClick={() =>
                    review.mutate(
                      { projectId: p.id, pass: true, reviewedOn: todayIso() },
                      { onSuccess: () => notify.success('已销号'), onError: fail },
                    )
                  }
                >
                  审核通过，予以销号
                </Button>
                <Button variant="outlined" color="warning" size="small" onClick={() => setAsking('return')}>
                  退回
                </Button>
              </Stack>
            )}
            {p.closures.length === 0 ? (
              <Typography color="text.secondary">
                {p.status === 'closed' ? '' : '完成后由责任单位提出销号申请，街道审核后销号。'}
              </Typography>
            ) : (
              <Stack spacing={1} divider={<Divider flexItem />} aria-label="销号记录">
                {p.closures.map((c) => (
                  <Box key={c.id}>
                    <Typography variant="body2">
                      <b>{cnDate(c.appliedOn)}</b> {c.applicant} 申请销号 · {CLOSURE_RESULT_LABELS[c.result]}
                      {c.reviewedOn ? `（${cnDate(c.reviewedOn)}${c.reviewer ? `，${c.reviewer}` : ''}）` : ''}
                    </Typography>
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                      {c.evidence}
                    </Typography>
                    {c.reviewNote && (
                      <Typography variant="body2" color="warning.main">
                        审核意见：{c.reviewNote}
                      </Typography>
                    )}
                    <Files files={c.attachments} />
                  </Box>
                ))}
              </Stack>
            )}
          </Paper>
        </Stack>
      </Stack>
      {p.needs.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          <Link component="button" type="button" onClick={() => navigate(paths.needs)}>
            查看需求清单
          </Link>
        </Typography>
      )}
      <Suspense fallback={null}>{editing && <ProjectDialog project={p} onClose={() => setEditing(false)} />}</Suspense>
      {asking === 'terminate' && (
        <ReasonDialog
          title="终止项目"
          label="终止原因"
          confirmText="终止项目"
          onClose={() => setAsking(null)}
          onConfirm={(reason) => {
            setAsking(null);
            setStatus.mutate({ id: p.id, status: 'terminated', reason }, { onError: fail });
          }}
        />
      )}
      {asking === 'return' && (
        <ReasonDialog
          title="退回销号申请"
          label="退回原因"
          confirmText="退回"
          onClose={() => setAsking(null)}
          onConfirm={(note) => {
            setAsking(null);
            review.mutate(
              { projectId: p.id, pass: false, reviewedOn: todayIso(), note },
              { onSuccess: () => notify.success('已退回'), onError: fail },
            );
          }}
        />
      )}
    </Box>
  );
}
