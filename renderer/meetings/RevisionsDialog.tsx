import { useQuery } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { LoadError, Loading } from '../common/LoadState';

/** 历史版本: each finalised text that a revision replaced, with who corrected it, when and why. */
export default function RevisionsDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const revisions = useQuery({
    queryKey: [...keys.meeting(id), 'revisions'],
    queryFn: () => call('meetings.revisions', { id }),
    staleTime: 0,
  });
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="revisions-title">
      <DialogTitle id="revisions-title">纪要历史版本</DialogTitle>
      <DialogContent dividers>
        {revisions.isPending ? (
          <Loading />
        ) : revisions.isError ? (
          <LoadError error={revisions.error} />
        ) : revisions.data.length === 0 ? (
          <Typography color="text.secondary">纪要没有修订过。</Typography>
        ) : (
          <Stack spacing={2}>
            {revisions.data.map((r) => (
              <Paper key={r.revision} variant="outlined" sx={{ p: 2 }}>
                <Typography variant="subtitle2">
                  第{r.revision}次修订前的定稿 · 修订人：{r.editor} ·{' '}
                  {new Date(r.createdAt).toLocaleString('zh-CN', { hour12: false })} · 原因：{r.reason}
                </Typography>
                <Typography component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', mt: 1, mb: 0 }}>
                  {r.text}
                </Typography>
              </Paper>
            ))}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>关闭</Button>
      </DialogActions>
    </Dialog>
  );
}
