import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { errorMessage } from './errors';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  /** The button that goes ahead, e.g. 删除. */
  confirmText?: string;
  cancelText?: string;
  /** Red confirm button for what cannot be undone. */
  danger?: boolean;
  /**
   * Runs when the clerk confirms; the dialog stays open (busy) until it settles and shows a failure's
   * message inside itself, so a refusal ("还有 3 个结对共建单位…") is read where it was asked for.
   */
  action?: () => Promise<unknown>;
}

type Confirm = (opts: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Confirm | null>(null);

interface State extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<State | null>(null);

  const confirm = useCallback<Confirm>(
    (opts) =>
      new Promise<boolean>((resolve) => {
        const s = { ...opts, resolve };
        current.current = s;
        setState(s);
        setError(null);
        setBusy(false);
        setOpen(true);
      }),
    [],
  );

  const finish = (ok: boolean) => {
    current.current?.resolve(ok);
    current.current = null;
    setOpen(false);
  };

  const onConfirm = async () => {
    const s = current.current;
    if (!s) return;
    if (!s.action) return finish(true);
    setBusy(true);
    setError(null);
    try {
      await s.action();
      finish(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <Dialog
        open={open}
        onClose={() => !busy && finish(false)}
        maxWidth="xs"
        fullWidth
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
      >
        <DialogTitle id="confirm-title">{state?.title}</DialogTitle>
        <DialogContent>
          <DialogContentText id="confirm-message" component="div" sx={{ color: 'text.primary' }}>
            {state?.message}
          </DialogContentText>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          {/* For what cannot be undone the safe choice has the focus, so a stray Enter does no harm. */}
          <Button onClick={() => finish(false)} disabled={busy} color="inherit" autoFocus={!!state?.danger}>
            {state?.cancelText ?? '取消'}
          </Button>
          <Button
            onClick={() => void onConfirm()}
            disabled={busy}
            variant="contained"
            color={state?.danger ? 'error' : 'primary'}
            autoFocus={!state?.danger}
          >
            {state?.confirmText ?? '确定'}
          </Button>
        </DialogActions>
      </Dialog>
    </ConfirmContext.Provider>
  );
}

/** `await confirm({...})` resolves true when the clerk went ahead (and the action, if any, succeeded). */
export function useConfirm(): Confirm {
  const ctx = useContext(ConfirmContext);
  if (!ctx) throw new Error('useConfirm outside ConfirmProvider');
  return ctx;
}
