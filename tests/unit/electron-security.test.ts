/**
 * The Electron shell's security, asserted with `electron` mocked (the binary cannot run here). The real main.ts
 * is imported and started against a real app core on a temp database, so these tests see the settings and
 * handlers the shipped app would install, not copies of them.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/contract';
import { MENU_EVENT } from '../../shared/contract/shell';
import { CSP, cspDirective } from '../../electron/shell/csp';
import { devNativeBinding, resolveDataDir } from '../../electron/shell/data-dir';
import { REFUSED } from '../../electron/shell/ipc';
import { buildMenuTemplate } from '../../electron/shell/menu';
import { APP_ENTRY_URL, createAppProtocolHandler } from '../../electron/shell/protocol';
import { webPreferences } from '../../electron/shell/window-options';
import { tempDir } from '../helpers/core';

/* eslint-disable @typescript-eslint/no-explicit-any -- the Electron fakes are deliberately loose */
type Fn = (...args: any[]) => any;

const h = vi.hoisted(() => ({
  isPackaged: false,
  paths: {} as Record<string, string>,
  appPath: '',
  windows: [] as any[],
  ipcHandlers: new Map<string, Fn>(),
  protocolHandlers: new Map<string, (r: Request) => Promise<Response>>(),
  privileged: [] as any[],
  exposed: new Map<string, any>(),
  app: null as any,
  session: null as any,
  menu: null as any,
  dialog: null as any,
  ipcRenderer: null as any,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  let nextId = 1;
  class FakeWebContents extends EventEmitter {
    id = nextId++;
    mainFrame = { processId: 7, routingId: this.id, url: '' };
    openHandler: Fn | null = null;
    send = vi.fn();
    setWindowOpenHandler(fn: Fn) {
      this.openHandler = fn;
    }
  }
  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    destroyed = false;
    loadURL = vi.fn(async (url: string) => {
      this.webContents.mainFrame.url = url;
    });
    loadFile = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    constructor(public options: any) {
      super();
      h.windows.push(this);
      // As Electron does: every new webContents is announced to the app.
      h.app.emit('web-contents-created', {}, this.webContents);
    }
    isDestroyed() {
      return this.destroyed;
    }
  }
  const app: any = new EventEmitter();
  Object.defineProperty(app, 'isPackaged', { get: () => h.isPackaged });
  Object.assign(app, {
    getPath: (name: string) => {
      if (!(name in h.paths)) throw new Error(`no path ${name}`);
      return h.paths[name];
    },
    setPath: vi.fn((name: string, p: string) => (h.paths[name] = p)),
    getAppPath: () => h.appPath,
    getVersion: () => '9.9.9-test',
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
    exit: vi.fn(),
    setAppUserModelId: vi.fn(),
  });
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    },
  };
  const menu = { buildFromTemplate: vi.fn((template: any) => ({ template })), setApplicationMenu: vi.fn() };
  const dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    showMessageBox: vi.fn(async () => ({ response: 0 })),
    showErrorBox: vi.fn(),
  };
  const ipcRenderer = {
    invoke: vi.fn(async () => ({ ok: true, value: 'reply' })),
    on: vi.fn(),
    removeListener: vi.fn(),
  };
  Object.assign(h, { app, session, menu, dialog, ipcRenderer });
  const mod = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session,
    Menu: menu,
    dialog,
    ipcMain: {
      handle: (name: string, fn: Fn) => {
        if (h.ipcHandlers.has(name)) throw new Error(`second handler for ${name}`);
        h.ipcHandlers.set(name, fn);
      },
      removeHandler: (name: string) => h.ipcHandlers.delete(name),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((schemes: any[]) => h.privileged.push(...schemes)),
      handle: (scheme: string, fn: any) => h.protocolHandlers.set(scheme, fn),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: any) => h.exposed.set(key, api) },
    ipcRenderer,
  };
  return { ...mod, default: mod };
});

let dir = '';
let win: any;
const event = (over: Record<string, unknown> = {}) => ({
  sender: win.webContents,
  senderFrame: win.webContents.mainFrame,
  ...over,
});
const call = (channel: string, input: unknown, ev = event()) => h.ipcHandlers.get(channel)!(ev, input);
const navEvent = (url: string) => ({ url, preventDefault: vi.fn() });

beforeAll(async () => {
  delete process.env.PORTABLE_EXECUTABLE_DIR;
  dir = tempDir('dgw-shell-');
  h.paths = {
    userData: path.join(dir, 'userData'),
    exe: path.join(dir, 'program', 'dagongwei'),
    documents: path.join(dir, 'docs'),
    home: dir,
  };
  // A stand-in for the built renderer (dist/renderer) below the app path.
  h.appPath = path.join(dir, 'app');
  const renderer = path.join(h.appPath, 'dist', 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>大工委工作台</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the app');
  await import('../../electron/main');
  await vi.waitFor(() => expect(h.windows).toHaveLength(1), { timeout: 15_000 });
  win = h.windows[0];
});

afterAll(() => {
  h.app?.emit('will-quit');
});

describe('the window', () => {
  it('runs the page sandboxed, isolated and without Node', () => {
    const wp = win.options.webPreferences;
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
    expect(wp.allowRunningInsecureContent).not.toBe(true);
    expect(wp.experimentalFeatures).not.toBe(true);
    expect(wp.preload).toBe(path.join(h.appPath, 'dist', 'electron', 'preload.cjs'));
    expect(h.app.enableSandbox).toHaveBeenCalled();
  });

  it('has DevTools only when not packaged', () => {
    expect(win.options.webPreferences.devTools).toBe(true); // this test runs "unpackaged"
    expect(webPreferences({ preloadPath: '/p.cjs', isPackaged: true }).devTools).toBe(false);
  });

  it('loads our own app:// page, never a remote URL or a file:// page', () => {
    expect(win.loadURL).toHaveBeenCalledTimes(1);
    expect(win.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://dgw/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(h.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('refuses navigation and redirects away from our page, and <webview>', () => {
    const wc = win.webContents;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(wc.listenerCount(name)).toBeGreaterThan(0);
      for (const url of [
        'https://example.com/',
        'http://127.0.0.1:8080/',
        'file:///etc/passwd',
        'app://evil/index.html',
      ]) {
        const e = navEvent(url);
        wc.emit(name, e, url);
        expect(e.preventDefault, `${name} → ${url}`).toHaveBeenCalled();
      }
      const own = navEvent('app://dgw/index.html#/units');
      wc.emit(name, own, own.url);
      expect(own.preventDefault).not.toHaveBeenCalled();
    }
    const attach = { preventDefault: vi.fn() };
    wc.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open', () => {
    const open = win.webContents.openHandler;
    expect(open).toBeTypeOf('function');
    expect(open({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const ses = h.session.defaultSession;
    const request = ses.setPermissionRequestHandler.mock.calls.at(-1)[0];
    const check = ses.setPermissionCheckHandler.mock.calls.at(-1)[0];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      const cb = vi.fn();
      request(win.webContents, permission, cb, {});
      expect(cb).toHaveBeenCalledWith(false);
      expect(check(win.webContents, permission, 'app://dgw', {})).toBe(false);
    }
    expect(ses.setDevicePermissionHandler.mock.calls.at(-1)[0]({})).toBe(false);
  });

  it('focuses the existing window when a second instance starts', () => {
    h.app.emit('second-instance', {}, [], '');
    expect(win.focus).toHaveBeenCalled();
  });

  it('keeps the database in userData (no data/ folder beside the program)', () => {
    expect(fs.existsSync(path.join(h.paths.userData!, 'dagongwei.sqlite'))).toBe(true);
  });
});

describe('the CSP', () => {
  it('allows scripts only from our own files', () => {
    const script = cspDirective(CSP, 'script-src')!;
    expect(script).toEqual(["'self'"]);
    expect(script.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|blob:|https?:/);
    expect(cspDirective(CSP, 'default-src')).toEqual(["'self'"]);
    expect(cspDirective(CSP, 'object-src')).toEqual(["'none'"]);
    expect(cspDirective(CSP, 'base-uri')).toEqual(["'none'"]);
    expect(cspDirective(CSP, 'form-action')).toEqual(["'none'"]);
    expect(cspDirective(CSP, 'frame-src')).toEqual(["'none'"]);
    expect(cspDirective(CSP, 'connect-src')).toEqual(["'self'"]);
    expect(cspDirective(CSP, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('is sent with every page the app:// protocol serves', async () => {
    const handle = h.protocolHandlers.get('app')!;
    expect(handle).toBeTypeOf('function');
    const page = await handle(new Request('app://dgw/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('大工委工作台');
    const script = await handle(new Request('app://dgw/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(CSP);
    // A client-side route reloads into the app.
    expect(await (await handle(new Request('app://dgw/units/42'))).text()).toContain('大工委工作台');
  });

  it('serves nothing outside dist/renderer and nothing for other hosts', async () => {
    const handle = createAppProtocolHandler(path.join(h.appPath, 'dist', 'renderer'));
    for (const url of [
      'app://dgw/../../../secret.txt',
      'app://dgw/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      'app://dgw/..%2f..%2f..%2fsecret.txt',
      'app://dgw/missing.js',
      'app://evil/index.html',
    ]) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
    }
    expect((await handle(new Request('app://dgw/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('IPC', () => {
  it('has one handler per contract channel and nothing else', () => {
    expect([...h.ipcHandlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('answers our own page through the real dispatcher, with input validated', async () => {
    expect(await call('app.info', {})).toMatchObject({ ok: true, value: { shell: 'electron', version: '9.9.9-test' } });
    const bad = await call('settings.save', { streetName: '', committeeName: 'x' });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(bad.message).toContain('街道名称');
    const saved = await call('settings.save', { streetName: '  测试街道 ', committeeName: '测试大工委' });
    expect(saved).toMatchObject({ ok: true, value: { streetName: '测试街道', committeeName: '测试大工委' } });
  });

  it('refuses calls from any other page, frame or window — before they reach the dispatcher', async () => {
    const other = new (await import('electron')).BrowserWindow({} as never) as any;
    const foreign = [
      event({ senderFrame: { ...win.webContents.mainFrame, url: 'https://evil.example/' } }),
      event({ senderFrame: { ...win.webContents.mainFrame, url: 'file:///tmp/x.html' } }),
      event({ senderFrame: { ...win.webContents.mainFrame, routingId: 999 } }), // a subframe
      event({ senderFrame: null }),
      event({ sender: other.webContents, senderFrame: other.webContents.mainFrame }),
    ];
    for (const ev of foreign) {
      expect(await call('settings.save', { streetName: '被篡改', committeeName: '被篡改' }, ev)).toEqual(REFUSED);
    }
    expect(REFUSED).toEqual({ ok: false, code: 'INVALID_INPUT', message: '拒绝来自未知页面的请求' });
    expect(await call('settings.get', {})).toMatchObject({ ok: true, value: { streetName: '测试街道' } });
    h.windows.pop();
  });

  it('refuses everything once the window is gone', async () => {
    win.destroyed = true;
    try {
      expect(await call('app.info', {})).toEqual(REFUSED);
    } finally {
      win.destroyed = false;
    }
  });
});

describe('the preload', () => {
  beforeAll(async () => {
    await import('../../electron/preload');
  });

  it('exposes exactly one function per channel on window.dgw', () => {
    const dgw = h.exposed.get('dgw');
    expect(Object.keys(dgw).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(dgw[name], name).toBeTypeOf('function');
    expect(Object.isFrozen(dgw)).toBe(true);
  });

  it('exposes no raw IPC: nothing named ipcRenderer, invoke, send or on', () => {
    expect([...h.exposed.keys()].sort()).toEqual(['dgw', 'dgwShell']);
    expect(Object.keys(h.exposed.get('dgwShell'))).toEqual(['onMenuCommand']);
    for (const api of h.exposed.values()) {
      for (const key of Object.keys(api))
        expect(key).not.toMatch(/^(ipcRenderer|invoke|send|sendSync|on|postMessage)$/i);
      expect(Object.values(api)).not.toContain(h.ipcRenderer);
    }
  });

  it('invokes the channel of the same name and turns transport failures into an envelope', async () => {
    const dgw = h.exposed.get('dgw');
    expect(await dgw['units.list']({ page: 0 })).toEqual({ ok: true, value: 'reply' });
    expect(h.ipcRenderer.invoke).toHaveBeenLastCalledWith('units.list', { page: 0 });
    h.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    expect(await dgw['app.info']({ f: () => 1 })).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('passes on only known menu commands, without the IPC event', () => {
    const cb = vi.fn();
    const off = h.exposed.get('dgwShell').onMenuCommand(cb);
    const [eventName, listener] = h.ipcRenderer.on.mock.calls.at(-1);
    expect(eventName).toBe(MENU_EVENT);
    listener({ sender: 'secret' }, 'export');
    listener({ sender: 'secret' }, 'rm -rf /');
    listener({ sender: 'secret' }, { toString: () => 'export' });
    expect(cb.mock.calls).toEqual([['export']]);
    off();
    expect(h.ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_EVENT, listener);
  });
});

describe('the menu', () => {
  const labels = (t: any[]): string[] =>
    t.flatMap((i) => [i.label, ...(i.submenu ? labels(i.submenu) : [])]).filter(Boolean);

  it('is Chinese, with roles for editing, and sends 导出 to the page', () => {
    const template = h.menu.buildFromTemplate.mock.calls.at(-1)[0];
    expect(h.menu.setApplicationMenu).toHaveBeenCalled();
    expect(labels(template)).toEqual(
      expect.arrayContaining([
        '导出…',
        '退出',
        '撤销',
        '重做',
        '剪切',
        '复制',
        '粘贴',
        '全选',
        '实际大小',
        '放大',
        '缩小',
        '全屏',
        '关于大工委工作台',
      ]),
    );
    const edit = template.find((m: any) => m.label.startsWith('编辑')).submenu;
    expect(edit.filter((i: any) => i.role).map((i: any) => i.role)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    const exportItem = template[0].submenu.find((i: any) => i.label === '导出…');
    expect(exportItem.accelerator).toBe('CmdOrCtrl+E');
    exportItem.click();
    expect(win.webContents.send).toHaveBeenCalledWith(MENU_EVENT, 'export');
    template.at(-1).submenu[0].click();
    expect(h.dialog.showMessageBox).toHaveBeenCalled();
  });

  it('offers reload and DevTools only in development', () => {
    const actions = { sendCommand: vi.fn(), showAbout: vi.fn() };
    const roles = (t: any[]): string[] =>
      t.flatMap((i) => [i.role, ...(i.submenu ? roles(i.submenu) : [])]).filter(Boolean);
    expect(roles(buildMenuTemplate({ ...actions, isPackaged: false }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
    const packaged = roles(buildMenuTemplate({ ...actions, isPackaged: true }));
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('forceReload');
  });
});

describe('data folder and native addon', () => {
  const exists = (dirs: string[]) => (p: string) => dirs.includes(p);

  it('uses userData unless a data folder sits beside the program', () => {
    const base = { userData: '/home/u/.config/大工委工作台', exePath: '/opt/dgw/dagongwei' };
    expect(resolveDataDir({ ...base, isDirectory: exists([]) })).toEqual({ dir: base.userData, portable: false });
    expect(resolveDataDir({ ...base, isDirectory: exists(['/opt/dgw/data']) })).toEqual({
      dir: '/opt/dgw/data',
      portable: true,
    });
  });

  it('looks beside the portable exe, not in its temp unpack folder', () => {
    const i = { userData: '/u', exePath: '/tmp/unpacked/dagongwei', portableExecutableDir: '/media/usb' };
    expect(resolveDataDir({ ...i, isDirectory: exists(['/media/usb/data']) })).toEqual({
      dir: '/media/usb/data',
      portable: true,
    });
    expect(resolveDataDir({ ...i, isDirectory: exists(['/tmp/unpacked/data']) }).portable).toBe(false);
  });

  it('passes the Electron build of better-sqlite3 only when running from the source tree', () => {
    const file = path.join('/src', '.electron-native', 'better_sqlite3.node');
    expect(devNativeBinding('/src', false, (p) => p === file)).toBe(file);
    expect(devNativeBinding('/src', false, () => false)).toBeUndefined();
    expect(devNativeBinding('/src', true, () => true)).toBeUndefined();
  });
});

describe('start-up failure', () => {
  it('shows a Chinese error and quits without touching a database from a newer version', async () => {
    h.app.emit('will-quit'); // close the first core
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const userData = path.join(dir, 'newer');
    fs.mkdirSync(userData);
    const file = path.join(userData, 'dagongwei.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = createHash('sha256').update(fs.readFileSync(file)).digest('hex');

    h.paths.userData = userData;
    h.windows.length = 0;
    h.ipcHandlers.clear();
    vi.resetModules();
    await import('../../electron/main');
    await vi.waitFor(() => expect(h.dialog.showErrorBox).toHaveBeenCalled(), { timeout: 15_000 });

    const [title, message] = h.dialog.showErrorBox.mock.calls.at(-1);
    expect(title).toBe('大工委工作台无法启动');
    expect(message).toContain('更新版本');
    expect(message).toContain(file);
    expect(h.app.exit).toHaveBeenCalledWith(1);
    expect(h.windows).toHaveLength(0);
    expect(h.ipcHandlers.size).toBe(0);
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
    expect(fs.readdirSync(userData)).toEqual(['dagongwei.sqlite']);
    consoleError.mockRestore();
  });
});
