/**
 * What the desktop shell offers the renderer besides the channels: menu commands the main process pushes
 * (e.g. 文件 → 导出…), exposed by the preload as `window.dgwShell`. The list is closed: the preload drops any
 * other string, so a compromised main-side message cannot smuggle arbitrary values into the page.
 */
export const MENU_COMMANDS = ['export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The one main → renderer IPC event name (not a contract channel: nothing is invoked through it). */
export const MENU_EVENT = 'dgw:menu-command';

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

export interface ShellBridge {
  /** Calls `cb` for each menu command; returns the unsubscribe function. Absent in the browser (web host). */
  onMenuCommand(cb: (command: MenuCommand) => void): () => void;
}
