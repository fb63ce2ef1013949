import { useEffect, useRef } from 'react';
import { isCtrlKey } from './keyboard';

/**
 * A window-wide Ctrl+<letter> shortcut, e.g. Ctrl+N for 新增 in a list. Off while `enabled` is false
 * (a dialog is open) and while an IME is composing. The browser's own action (new window, find) is prevented.
 */
export function useShortcut(letter: string, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isCtrlKey(e, letter)) return;
      // A MUI dialog or menu above the page owns the keyboard.
      if (document.querySelector('.MuiDialog-root, .MuiPopover-root, .MuiMenu-root')) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [letter, enabled]);
}
