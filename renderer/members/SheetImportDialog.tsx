import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import type { ListImportPreview, ListImportResult } from '../../shared/contract/lists';
import { errorMessage } from '../common/errors';
import { fileToBase64 } from '../common/fileToBase64';
import { importFileProblem } from '../units/importFile';
import { IMPORT_ACTION_COLORS, IMPORT_ACTION_LABELS, sortImportRows } from '../units/importLabels';

/**
 * 选择文件 → 预览（每行新增/更新/无变化/跳过/有错误及原因）→ 确认导入, for the roster, the record sheet and
 * the 群众评议 survey: the same preview rules as every other import.
 */
export default function SheetImportDialog(props: {
  title: string;
  hint: string;
  preview: (file: { fileName: string; dataBase64: string }) => Promise<ListImportPreview>;
  commit: (previewId: string) => Promise<ListImportResult>;
  onDone: () => void;
  onClose: () => void;
  /** 下载填报模板, when the sheet has one. */
  template?: { run: () => void; busy: boolean };
}) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: async (f: File) => props.preview({ fileName: f.name, dataBase64: await fileToBase64(f) }),
  });
  const commit = useMutation({ mutationFn: (id: string) => props.commit(id), onSuccess: props.onDone });
  const p = preview.data;
  const result = commit.data;
  const busy = preview.isPending || commit.isPending;
  const error =
    problem ?? (preview.isError ? errorMessage(preview.error) : commit.isError ? errorMessage(commit.error) : null);
  const choose = (f: File) => {
    const why = importFileProblem(f);
    setProblem(why);
    commit.reset();
    if (why) preview.reset();
    else preview.mutate(f);
  };
  return (
    <Dialog open onClose={() => !busy && props.onClose()} maxWidth="md" fullWidth aria-labelledby="sheet-import-title">
      <DialogTitle id="sheet-import-title">{props.title}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 260 }}>
        {error && (
          <Alert severity="error" sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>
            {error}
          </Alert>
        )}
        {preview.isPending ? (
          <LinearProgress aria-label="正在读取文件" sx={{ my: 6 }} />
        ) : result ? (
          <Alert severity="success" role="status">
            导入完成：新增 {result.added} 行，更新 {result.updated} 行，无变化 {result.unchanged} 行
            {result.leftOut > 0 ? `，未导入 ${result.leftOut} 行` : ''}。
          </Alert>
        ) : p ? (
          <Stack spacing={1.5}>
            <Typography variant="body2" color="text.secondary">
              文件“{p.fileName}”，工作表“{p.sheetName}”，第 {p.headerRow} 行为表头。新增 {p.counts.add}，更新{' '}
              {p.counts.update}，无变化 {p.counts.unchanged}，跳过 {p.counts.skip}，有错误 {p.counts.error}
              （有错误和跳过的行不会导入）。
            </Typography>
            <Table size="small" aria-label="导入预览">
              <TableHead>
                <TableRow>
                  <TableCell width={70}>行号</TableCell>
                  <TableCell width={90}>处理</TableCell>
                  <TableCell>内容</TableCell>
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
                      />
                    </TableCell>
                    <TableCell>{r.label}</TableCell>
                    <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{r.messages.join('\n')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Stack>
        ) : (
          <Typography color="text.secondary" sx={{ py: 4 }}>
            {props.hint}
          </Typography>
        )}
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,.csv"
          aria-label="选择导入文件"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) choose(f);
            e.target.value = '';
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button
          startIcon={<UploadFileOutlined />}
          onClick={() => input.current?.click()}
          disabled={busy}
          sx={{ mr: 'auto' }}
        >
          选择文件
        </Button>
        {props.template && (
          <Button onClick={props.template.run} disabled={props.template.busy}>
            下载填报模板
          </Button>
        )}
        <Button onClick={props.onClose} disabled={busy}>
          {result ? '关闭' : '取消'}
        </Button>
        {!result && (
          <Button
            variant="contained"
            disabled={!p || busy || p.counts.add + p.counts.update === 0}
            onClick={() => p && commit.mutate(p.previewId)}
          >
            确认导入
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
