import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import Alert, { type AlertColor } from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { errorMessage } from './errors';

interface Note {
  key: number;
  message: string;
  severity: AlertColor;
}

interface Notifier {
  success: (message: string) => void;
  info: (message: string) => void;
  /** Shows an error's Chinese message as is. */
  error: (e: unknown) => void;
}

const NotifierContext = createContext<Notifier | null>(null);

/** One snackbar for the whole app: "已导出：…", "已保存", and failures that have no form to sit in. */
export function NotifierProvider({ children }: { children: ReactNode }) {
  const [note, setNote] = useState<Note | null>(null);
  const [open, setOpen] = useState(false);
  const show = useCallback((message: string, severity: AlertColor) => {
    setNote({ key: Date.now(), message, severity });
    setOpen(true);
  }, []);
  const api = useMemo<Notifier>(
    () => ({
      success: (m) => show(m, 'success'),
      info: (m) => show(m, 'info'),
      error: (e) => show(typeof e === 'string' ? e : errorMessage(e), 'error'),
    }),
    [show],
  );
  return (
    <NotifierContext.Provider value={api}>
      {children}
      <Snackbar
        key={note?.key}
        open={open}
        autoHideDuration={note?.severity === 'error' ? 10_000 : 6_000}
        onClose={(_e, reason) => reason !== 'clickaway' && setOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity={note?.severity ?? 'info'}
          variant="filled"
          onClose={() => setOpen(false)}
          sx={{ maxWidth: 720, wordBreak: 'break-all', alignItems: 'center' }}
        >
          {note?.message}
        </Alert>
      </Snackbar>
    </NotifierContext.Provider>
  );
}

export function useNotify(): Notifier {
  const ctx = useContext(NotifierContext);
  if (!ctx) throw new Error('useNotify outside NotifierProvider');
  return ctx;
}
