import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { IMPORT_ACTIONS } from '../../shared/contract/import';
import type { ListImportPreview } from '../../shared/contract/lists';
import { call } from '../api/client';
import { invalidateLists, keys } from '../app/queryClient';
import { errorMessage } from '../common/errors';
import { fileToBase64 } from '../common/fileToBase64';
import { useFileAction } from '../common/useFileAction';
import { importFileProblem } from '../units/importFile';
import { IMPORT_ACTION_COLORS, IMPORT_ACTION_LABELS, sortImportRows } from '../units/importLabels';

export type ListKind = 'needs' | 'resources' | 'projects';

const WHAT: Record<ListKind, { title: string; file: string; label: string; hint: string }> = {
  needs: {
    title: '导入需求清单',
    file: '需求清单',
    label: '需求名称',
    hint: '常见的列：社区、网格、需求名称、需求内容、类别、来源、提出日期、紧急程度、联系人、联系电话、状态。社区须已在“社区与网格”中。',
  },
  resources: {
    title: '导入资源清单',
    file: '资源清单',
    label: '资源名称',
    hint: '常见的列：单位（提供单位）、资源类型、资源名称、资源内容、可提供时间、数量/规模、联系人、联系电话。单位按共建单位名录匹配，找不到的由您指定。',
  },
  projects: {
    title: '导入项目责任分解表',
    file: '责任分解表',
    label: '项目名称',
    hint: '常见的列：项目名称、项目目标、主要内容、责任单位（牵头单位）、配合单位（协办单位）、完成时限（时间节点）、进度情况。年度取自标题，如“2025年度……”。',
  },
};

const TEMPLATE = {
  needs: 'needs.importTemplate',
  resources: 'resources.importTemplate',
  projects: 'projects.importTemplate',
} as const;

/** Import of a list: choose → preview with per-row reasons (and pick units for unknown names) → 确认导入. */
export default function ListImportDialog({ kind, onClose }: { kind: ListKind; onClose: () => void }) {
  const qc = useQueryClient();
  const what = WHAT[kind];
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [choices, setChoices] = useState<Record<string, number>>({});
  const template = useFileAction(TEMPLATE[kind]);
  const units = useQuery({
    queryKey: [...keys.units, 'all-names'],
    queryFn: () => call('units.list', { pageSize: 100 }),
  });

  const preview = useMutation({
    mutationFn: async (f: File) =>
      call(`${kind}.importPreview`, { fileName: f.name, dataBase64: await fileToBase64(f) }),
  });
  const replan = useMutation({
    mutationFn: (v: { previewId: string; choices: { name: string; unitId: number }[] }) =>
      call(`${kind}.importReplan`, v),
  });
  const commit = useMutation({
    mutationFn: (p: ListImportPreview) => call(`${kind}.importCommit`, { previewId: p.previewId }),
    onSuccess: () => invalidateLists(qc),
  });

  const chooseFile = (f: File) => {
    const why = importFileProblem(f);
    setProblem(why);
    setFileName(f.name);
    setChoices({});
    replan.reset();
    commit.reset();
    if (why) preview.reset();
    else preview.mutate(f);
  };
  const p = replan.data ?? preview.data;
  const busy = preview.isPending || replan.isPending || commit.isPending;
  const result = commit.data;
  const error =
    problem ?? [preview, replan, commit].map((m) => (m.isError ? errorMessage(m.error) : null)).find(Boolean) ?? null;
  const importable = p ? p.counts.add + p.counts.update : 0;
  const pick = (name: string, unitId: number | null) => {
    const next = { ...choices };
    if (unitId === null) delete next[name];
    else next[name] = unitId;
    setChoices(next);
    if (p)
      replan.mutate({
        previewId: p.previewId,
        choices: Object.entries(next).map(([n, id]) => ({ name: n, unitId: id })),
      });
  };
  const allUnits = units.data?.rows ?? [];

  return (
    <Dialog open onClose={() => !busy && onClose()} maxWidth="md" fullWidth aria-labelledby="list-import-title">
      <DialogTitle id="list-import-title">{what.title}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 300 }}>
        {error && (
          <Alert severity="error" sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>
            {error}
          </Alert>
        )}
        {preview.isPending ? (
          <Box sx={{ py: 8, px: 4, textAlign: 'center' }} role="status">
            <Typography sx={{ mb: 2 }}>正在读取“{fileName}”并检查数据…</Typography>
            <LinearProgress aria-label="正在读取文件" />
          </Box>
        ) : result ? (
          <Alert severity="success" role="status">
            导入完成：新增 {result.added} 行，更新 {result.updated} 行，无变化 {result.unchanged} 行
            {result.leftOut > 0 ? `，未导入 ${result.leftOut} 行` : ''}。
          </Alert>
        ) : p ? (
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              文件“{p.fileName}”，工作表“{p.sheetName}”，第 {p.headerRow} 行为表头。
            </Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label="导入统计">
              {IMPORT_ACTIONS.map((a) => (
                <Chip
                  key={a}
                  label={`${IMPORT_ACTION_LABELS[a]} ${p.counts[a]}`}
                  color={IMPORT_ACTION_COLORS[a]}
                  variant="outlined"
                  disabled={p.counts[a] === 0}
                />
              ))}
            </Stack>
            {p.unmatched.length > 0 && (
              <Alert severity="warning" icon={false}>
                <Typography variant="subtitle2" sx={{ mb: 1 }}>
                  以下单位名称在共建单位名录中找不到，请指定对应的单位（不指定的行不导入；导入不会新建单位）：
                </Typography>
                <Stack spacing={1}>
                  {p.unmatched.map((u) => {
                    const options = [
                      ...u.suggestions,
                      ...allUnits.filter((x) => !u.suggestions.some((s) => s.id === x.id)),
                    ];
                    return (
                      <Stack key={u.name} direction="row" spacing={2} alignItems="center">
                        <Typography sx={{ minWidth: 220 }}>
                          “{u.name}”（第{u.rows.join('、')}行）
                        </Typography>
                        <Autocomplete
                          size="small"
                          sx={{ flex: 1 }}
                          options={options}
                          getOptionLabel={(o) => o.name}
                          isOptionEqualToValue={(a, b) => a.id === b.id}
                          value={options.find((o) => o.id === choices[u.name]) ?? null}
                          onChange={(_e, v) => pick(u.name, v?.id ?? null)}
                          renderInput={(params) => <TextField {...params} label={`“${u.name}”对应的单位`} />}
                        />
                      </Stack>
                    );
                  })}
                </Stack>
              </Alert>
            )}
            <TableContainer sx={{ maxHeight: 320, border: 1, borderColor: 'divider', borderRadius: 1 }}>
              <Table size="small" stickyHeader aria-label="导入预览">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ width: 64 }}>行号</TableCell>
                    <TableCell sx={{ width: 88 }}>处理</TableCell>
                    <TableCell sx={{ width: 200 }}>{what.label}</TableCell>
                    <TableCell>说明</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {sortImportRows(p.rows).map((r) => (
                    <TableRow key={r.row}>
                      <TableCell>{r.row}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          label={IMPORT_ACTION_LABELS[r.action]}
                          color={IMPORT_ACTION_COLORS[r.action]}
                          variant="outlined"
                        />
                      </TableCell>
                      <TableCell sx={{ wordBreak: 'break-all' }}>{r.label || '—'}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                        {r.messages.map((m, i) => (
                          <div key={i}>{m}</div>
                        ))}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Stack>
        ) : (
          <Stack spacing={2}>
            <Box
              sx={{
                border: '2px dashed',
                borderColor: 'divider',
                bgcolor: '#FAFAFB',
                borderRadius: 2,
                py: 5,
                textAlign: 'center',
              }}
            >
              <UploadFileOutlined sx={{ fontSize: 44, color: 'action.active', mb: 1 }} />
              <Typography sx={{ mb: 2 }}>选择{what.file}（.xlsx 或 .csv）</Typography>
              <Button variant="contained" onClick={() => input.current?.click()} autoFocus>
                选择文件
              </Button>
              <input
                ref={input}
                type="file"
                accept=".xlsx,.csv"
                hidden
                aria-label={`选择要导入的${what.file}文件`}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) chooseFile(f);
                }}
              />
            </Box>
            <Typography variant="body2" color="text.secondary">
              {what.hint} 导入前先显示预览，确认后才写入；同一文件重复导入不会重复登记。
            </Typography>
            <Box>
              <Button onClick={template.run} disabled={template.busy}>
                下载填报模板
              </Button>
            </Box>
          </Stack>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        {result ? (
          <Button variant="contained" onClick={onClose} autoFocus>
            完成
          </Button>
        ) : (
          <>
            {p && (
              <Button
                onClick={() => {
                  preview.reset();
                  replan.reset();
                  setProblem(null);
                }}
                disabled={busy}
                color="inherit"
              >
                重新选择文件
              </Button>
            )}
            <Box sx={{ flex: 1 }} />
            {p && p.counts.error > 0 && (
              <Typography variant="body2" color="error" sx={{ mr: 1 }}>
                有错误的 {p.counts.error} 行不会导入
              </Typography>
            )}
            <Button onClick={onClose} disabled={busy} color="inherit">
              取消
            </Button>
            {p && (
              <Button
                variant="contained"
                onClick={() => commit.mutate(p)}
                disabled={busy || importable === 0}
                startIcon={commit.isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
              >
                确认导入
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
