import { useEffect, useRef } from 'react';
import type { MenuCommand, ShellBridge } from '../../shared/contract/shell';
import { isCtrlKey } from './keyboard';

declare global {
  interface Window {
    dgwShell?: ShellBridge;
  }
}

const KEYS: Record<MenuCommand, string> = { export: 'e' };

/**
 * A command from the desktop menu (文件 → 导出…, Ctrl+E) handled by the current screen. In a browser there is
 * no menu, so the same key does it; in Electron the menu's accelerator already sends it.
 */
export function useMenuCommand(command: MenuCommand, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    if (window.dgwShell) {
      return window.dgwShell.onMenuCommand((c) => {
        if (c === command && !document.querySelector('.MuiDialog-root')) ref.current();
      });
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isCtrlKey(e, KEYS[command])) return;
      if (document.querySelector('.MuiDialog-root, .MuiPopover-root')) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [command, enabled]);
}
