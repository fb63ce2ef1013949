import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { call } from '../api/client';
import type { ImportPreview, ImportResult } from '../../shared/contract/units';
import { invalidateDirectory } from '../app/queryClient';
import { errorMessage } from '../common/errors';
import { fileToBase64 } from '../common/fileToBase64';
import { ImportChooser } from './ImportChooser';
import { importFileProblem } from './importFile';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportResultView } from './ImportResultView';

/**
 * 导入分配表: choose an .xlsx → the main side reads it and answers with a preview (nothing written yet)
 * → 确认导入 writes it → the result. Opened from the unit list and from the first-run setup.
 */
export default function ImportDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported?: (r: ImportResult) => void;
}) {
  const qc = useQueryClient();
  const [fileName, setFileName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const preview = useMutation({
    mutationFn: async (file: File) =>
      call('units.importPreview', { fileName: file.name, dataBase64: await fileToBase64(file) }),
  });
  const commit = useMutation({
    mutationFn: (p: ImportPreview) => call('units.importCommit', { previewId: p.previewId }),
    onSuccess: async (r) => {
      await invalidateDirectory(qc);
      onImported?.(r);
    },
  });

  const chooseFile = (f: File) => {
    const why = importFileProblem(f);
    setProblem(why);
    setFileName(f.name);
    commit.reset();
    if (why) preview.reset();
    else preview.mutate(f);
  };

  const busy = preview.isPending || commit.isPending;
  const p = preview.data;
  const result = commit.data;
  const importable = p ? p.counts.add + p.counts.update : 0;
  const error =
    problem ?? (preview.isError ? errorMessage(preview.error) : commit.isError ? errorMessage(commit.error) : null);

  const startOver = () => {
    preview.reset();
    commit.reset();
    setProblem(null);
  };

  return (
    <Dialog open onClose={() => !busy && onClose()} maxWidth="md" fullWidth aria-labelledby="import-title">
      <DialogTitle id="import-title">导入分配表</DialogTitle>
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
          <ImportResultView result={result} />
        ) : p ? (
          <ImportPreviewView preview={p} />
        ) : (
          <ImportChooser onFile={chooseFile} />
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        {result ? (
          <Button variant="contained" onClick={onClose} autoFocus>
            完成
          </Button>
        ) : p ? (
          <>
            <Button onClick={startOver} disabled={busy} color="inherit">
              重新选择文件
            </Button>
            <Box sx={{ flex: 1 }} />
            {p.counts.error > 0 && (
              <Typography variant="body2" color="error" sx={{ mr: 1 }}>
                有错误的 {p.counts.error} 行不会导入
              </Typography>
            )}
            {importable === 0 && p.counts.error === 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }}>
                没有需要新增或更新的单位
              </Typography>
            )}
            <Button onClick={onClose} disabled={busy} color="inherit">
              取消
            </Button>
            <Button
              variant="contained"
              onClick={() => commit.mutate(p)}
              disabled={busy || importable === 0}
              startIcon={commit.isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              确认导入
            </Button>
          </>
        ) : (
          <Button onClick={onClose} disabled={busy} color="inherit">
            取消
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
