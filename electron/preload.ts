import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, type ChannelName, type Envelope } from '../shared/contract';
import { isMenuCommand, MENU_EVENT, type MenuCommand, type ShellBridge } from '../shared/contract/shell';

/*
 * The page's only way to the main side. It gets one named function per contract channel (window.dgw) and a
 * menu-command listener (window.dgwShell) — never ipcRenderer itself nor a generic invoke(channel, …), so a
 * script injected into the page could not reach an IPC name that is not in the contract.
 * Bundled to CommonJS (dist/electron/preload.cjs): sandboxed preloads cannot load ES modules.
 */

const unreachable: Envelope<never> = {
  ok: false,
  code: 'INTERNAL',
  message: '与程序主进程通信失败，请关闭后重新打开大工委工作台',
};

function channel(name: ChannelName) {
  // invoke only rejects when the message cannot be sent (e.g. uncloneable input); turn that into an envelope
  // so the page has one way of handling failures.
  return (input: unknown): Promise<Envelope<unknown>> =>
    ipcRenderer.invoke(name, input).catch(() => unreachable) as Promise<Envelope<unknown>>;
}

const dgw = Object.freeze(Object.fromEntries(channelNames.map((name) => [name, channel(name)])));

const shell: ShellBridge = {
  onMenuCommand(cb: (command: MenuCommand) => void) {
    if (typeof cb !== 'function') return () => undefined;
    // The IPC event object stays here: passing it on would hand the page a reference to `sender`.
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) cb(command);
    };
    ipcRenderer.on(MENU_EVENT, listener);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT, listener);
    };
  },
};

contextBridge.exposeInMainWorld('dgw', dgw);
contextBridge.exposeInMainWorld('dgwShell', Object.freeze(shell));
