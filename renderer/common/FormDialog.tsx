import { useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog, { type DialogProps } from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useConfirm } from './Confirm';
import { isCtrlKey } from './keyboard';

export interface FormDialogProps {
  open: boolean;
  title: string;
  /** True when something was typed: closing then asks instead of dropping it silently. */
  dirty: boolean;
  busy?: boolean;
  /** A failure that belongs to no single field. */
  formError?: string | null;
  submitText?: string;
  onSubmit: () => void;
  /** Called once closing is settled (not dirty, or the clerk chose to discard). */
  onClose: () => void;
  /** Left side of the action bar, e.g. 删除单位. */
  extraActions?: ReactNode;
  maxWidth?: DialogProps['maxWidth'];
  children: ReactNode;
}

/**
 * A dialog that is one form: Enter in a one-line field or Ctrl+S saves, Esc closes,
 * and closing with unsaved typing asks first.
 */
export function FormDialog(props: FormDialogProps) {
  const {
    open,
    title,
    dirty,
    busy = false,
    formError,
    submitText = '保存',
    onSubmit,
    onClose,
    extraActions,
    maxWidth = 'sm',
    children,
  } = props;
  const confirm = useConfirm();
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();

  const requestClose = async () => {
    if (busy) return;
    if (dirty) {
      const discard = await confirm({
        title: '放弃未保存的内容？',
        message: '填写的内容还没有保存。关闭后这些内容将丢失。',
        confirmText: '放弃并关闭',
        cancelText: '继续编辑',
        danger: true,
      });
      if (!discard) return;
    }
    onClose();
  };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };

  const handleKeyDown = (e: KeyboardEvent) => {
    if (isCtrlKey(e, 's')) {
      e.preventDefault();
      e.stopPropagation();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <Dialog
      open={open}
      onClose={() => void requestClose()}
      maxWidth={maxWidth}
      fullWidth
      aria-labelledby={titleId}
      onKeyDown={handleKeyDown}
    >
      <Box
        component="form"
        ref={formRef}
        noValidate
        onSubmit={handleSubmit}
        sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden' }}
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent dividers>
          {formError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 1.5 }}>
          {extraActions}
          <Box sx={{ flex: 1 }} />
          <Button onClick={() => void requestClose()} color="inherit" disabled={busy}>
            取消
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy}
            startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            {submitText}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
