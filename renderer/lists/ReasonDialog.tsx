import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { apiFieldErrors, errorProps, type FieldErrors } from '../common/errors';

/**
 * Asks for the reason of a step (不予受理, 终止, 退回): required unless `optional`. When `onConfirm` returns a
 * promise the dialog stays open until it settles, and a refusal is shown in the dialog (at the reason when it is
 * about the reason), so the clerk can correct it instead of retyping it.
 */
export function ReasonDialog({
  title,
  label,
  optional = false,
  confirmText = '确定',
  field = 'reason',
  onConfirm,
  onClose,
}: {
  title: string;
  label: string;
  optional?: boolean;
  confirmText?: string;
  /** The input's key for the reason, where the main side's field error for it arrives. */
  field?: string;
  onConfirm: (reason: string) => Promise<unknown> | void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const ok = optional || text.trim() !== '';
  const confirm = async () => {
    const pending = onConfirm(text.trim());
    if (!pending) return;
    setBusy(true);
    try {
      await pending;
    } catch (e) {
      setErrors(apiFieldErrors(e, [field]));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={() => !busy && onClose()} maxWidth="sm" fullWidth aria-labelledby="reason-title">
      <DialogTitle id="reason-title">{title}</DialogTitle>
      <DialogContent>
        {errors._form && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {errors._form}
          </Alert>
        )}
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
          {...errorProps(errors, field)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} color="inherit" disabled={busy}>
          取消
        </Button>
        <Button variant="contained" disabled={!ok || busy} onClick={() => void confirm()}>
          {confirmText}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
