import type { BrowserWindowConstructorOptions, Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './protocol';

export interface WindowSettings {
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  /** app.isPackaged: DevTools exist only in development. */
  isPackaged: boolean;
}

/**
 * The renderer's privileges, kept in one literal so the security test can assert each of them: the page gets
 * no Node, runs sandboxed in an isolated world, and reaches the main side only through the preload's channels.
 */
export function webPreferences(s: WindowSettings): WebPreferences {
  return {
    preload: s.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !s.isPackaged,
  };
}

export function windowOptions(s: WindowSettings): BrowserWindowConstructorOptions {
  return {
    title: '大工委工作台',
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    // Shown on 'ready-to-show' so the clerk never sees a blank white frame.
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    webPreferences: webPreferences(s),
  };
}

/**
 * Locks a webContents to our own pages: no navigation or redirect away from app://dgw, no new windows, no
 * <webview>. Applied to every webContents the app creates (app 'web-contents-created'), not only the main one.
 */
export function hardenWebContents(contents: WebContents): void {
  const stayHome = (e: { preventDefault(): void; url: string }) => {
    if (!isAppUrl(e.url)) e.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The app needs no camera, notifications, geolocation, clipboard-read, HID, …: every request and check is refused. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
