import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { errorMessage } from '../common/errors';
import { clearLocalDraft, draftToRestore, minutesDraftKey, writeLocalDraft } from './draftStore';

export type SaveState =
  { kind: 'saved'; at: string } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string };

const DEBOUNCE_MS = 500;

/**
 * The discussion record of one agenda item, saved as it is typed: every change goes to localStorage at once,
 * and to the database (meetings.saveDraft, one small transaction) half a second after typing pauses, at most
 * a second apart while typing goes on, and immediately when the field loses focus, the window is hidden or
 * closed, or the item changes. A restored local copy is reported so the screen can say so.
 */
export function useAutosave(agendaItemId: number, serverText: string, serverSavedAt: string, locked: boolean) {
  const [text, setText] = useState(serverText);
  const [restored, setRestored] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: serverSavedAt });
  const latest = useRef(serverText);
  const saved = useRef(serverText);
  const timer = useRef<number | null>(null);
  const firstPending = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    firstPending.current = null;
    if (inFlight.current) await inFlight.current;
    const value = latest.current;
    if (value === saved.current) return;
    setState({ kind: 'saving' });
    const p = call('meetings.saveDraft', { agendaItemId, discussion: value })
      .then((r) => {
        saved.current = value;
        clearLocalDraft(minutesDraftKey(agendaItemId), value);
        setState(latest.current === value ? { kind: 'saved', at: r.savedAt } : { kind: 'pending' });
      })
      .catch((e: unknown) => setState({ kind: 'error', message: errorMessage(e) }))
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = p;
    await p;
  }, [agendaItemId]);

  // A new agenda item: start from the database's text, or from a newer local copy.
  useEffect(() => {
    const local = locked ? null : draftToRestore(minutesDraftKey(agendaItemId), serverText, serverSavedAt);
    const start = local ? local.text : serverText;
    latest.current = start;
    saved.current = serverText;
    setText(start);
    setRestored(local !== null);
    setState({ kind: local ? 'pending' : 'saved', at: serverSavedAt } as SaveState);
    if (local) void flush();
    // Leaving the item (or the screen) saves what was typed.
    return () => void flush();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the item changes; server echoes of our own saves must not reset typing
  }, [agendaItemId, locked]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onUnload = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onUnload);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onUnload);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [flush]);

  const change = (value: string) => {
    if (locked) return;
    latest.current = value;
    setText(value);
    writeLocalDraft(minutesDraftKey(agendaItemId), value);
    setState({ kind: 'pending' });
    const now = Date.now();
    firstPending.current ??= now;
    if (timer.current !== null) window.clearTimeout(timer.current);
    // Continuous typing still reaches the database every second: the debounce never postpones beyond that.
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPending.current + 2 * DEBOUNCE_MS - now));
    timer.current = window.setTimeout(() => void flush(), wait);
  };

  return { text, change, flush, state, restored, dismissRestored: () => setRestored(false) };
}
