import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

type AnyKeyboardEvent = KeyboardEvent | ReactKeyboardEvent;

/** True while an input method (拼音, 五笔 …) is composing: Enter/Esc then belong to the IME, never to us. */
export function isComposing(e: AnyKeyboardEvent): boolean {
  const native = 'nativeEvent' in e ? e.nativeEvent : e;
  return native.isComposing || native.keyCode === 229;
}

/** Ctrl (or ⌘ on a Mac) with the given letter, no Alt/Shift, and not mid-composition. */
export function isCtrlKey(e: AnyKeyboardEvent, letter: string): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === letter && !isComposing(e);
}
