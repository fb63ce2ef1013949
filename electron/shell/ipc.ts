import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, type Envelope } from '../../shared/contract';
import { isAppUrl } from './protocol';

export const REFUSED: Envelope<never> = { ok: false, code: 'INVALID_INPUT', message: '拒绝来自未知页面的请求' };

/**
 * A call is answered only when it comes from the main frame of our one window showing our own page. A subframe,
 * another window, a page that navigated elsewhere or a destroyed frame is refused, even though the preload would
 * not be there in those cases: this check is what still holds if some other defence fails.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  if (event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  const main = win.webContents.mainFrame;
  if (!frame || !main) return false;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

export interface IpcDeps {
  dispatch(channel: string, input: unknown): Promise<Envelope<unknown>>;
  getWindow(): BrowserWindow | null;
}

/** One handler per contract channel, never a generic one: an unknown name has no handler at all. */
export function registerIpcHandlers(ipc: IpcMain, deps: IpcDeps): void {
  for (const name of channelNames) {
    ipc.handle(name, async (event, input: unknown) => {
      if (!isTrustedSender(event, deps.getWindow())) return REFUSED;
      return deps.dispatch(name, input);
    });
  }
}

export function removeIpcHandlers(ipc: IpcMain): void {
  for (const name of channelNames) ipc.removeHandler(name);
}
