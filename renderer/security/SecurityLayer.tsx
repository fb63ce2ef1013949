import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../shared/contract/settings';
import { onLockedRefusal } from '../api/client';
import { isCtrlKey } from '../common/keyboard';
import { keys } from '../app/queryClient';
import { LockScreen } from './LockScreen';
import { lock, useAuthAction, useAuthStatus } from './queries';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Everything that makes the lock happen in the window: the lock screen itself, Ctrl+L, the idle timer and
 * the reaction to a call refused as LOCKED. The main side enforces the lock whatever happens here; this only
 * makes the screen hide the content as soon as it should.
 */
export function SecurityLayer({ settings }: { settings: Settings | undefined }) {
  const status = useAuthStatus();
  const qc = useQueryClient();
  const lockAction = useAuthAction(lock);
  const lockNow = lockAction.mutate;
  const s = status.data;
  const armed = !!s && s.passwordSet && !s.locked;

  // A refusal anywhere means the main side locked (its own idle timeout): ask for the status at once.
  useEffect(() => onLockedRefusal(() => void qc.invalidateQueries({ queryKey: keys.auth })), [qc]);

  // Ctrl+L locks, even with a dialog open: the dialog stays as it is under the lock screen.
  useEffect(() => {
    if (!armed) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isCtrlKey(e, 'l')) return;
      e.preventDefault();
      e.stopPropagation();
      lockNow(undefined);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [armed, lockNow]);

  // The idle timer: any mouse or keyboard activity resets it; checked every 5 s so the lock is prompt.
  const lastActivity = useRef(Date.now());
  const idleMinutes = s?.idleMinutes ?? 0;
  useEffect(() => {
    if (!armed || idleMinutes <= 0) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= idleMinutes * 60_000) lockNow(undefined);
    }, 5_000);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [armed, idleMinutes, lockNow]);

  return s ? <LockScreen status={s} settings={settings} /> : null;
}
