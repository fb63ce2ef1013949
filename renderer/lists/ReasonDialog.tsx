import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';

/** Asks for the reason of a step (不予受理, 终止, 退回): required unless `optional`. */
export function ReasonDialog({
  title,
  label,
  optional = false,
  confirmText = '确定',
  onConfirm,
  onClose,
}: {
  title: string;
  label: string;
  optional?: boolean;
  confirmText?: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const ok = optional || text.trim() !== '';
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="reason-title">
      <DialogTitle id="reason-title">{title}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={2}
          label={label}
          value={text}
          onChange={(e) => setText(e.target.value)}
          sx={{ mt: 1 }}
          required={!optional}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} color="inherit">
          取消
        </Button>
        <Button variant="contained" disabled={!ok} onClick={() => onConfirm(text.trim())}>
          {confirmText}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
