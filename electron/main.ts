import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import path from 'node:path';
import { MENU_EVENT, type MenuCommand } from '../shared/contract/shell';
import { createAppCore, type AppCore } from './app-core';
import { electronPdf } from './shell/print-pdf';
import type { FilePorts } from './core/context';
import { recoverFromBackup } from './backup/recover';
import { AppError } from './core/errors';
import { DB_FILE_NAME, devNativeBinding, resolveDataDir } from './shell/data-dir';
import { registerIpcHandlers } from './shell/ipc';
import { buildMenuTemplate } from './shell/menu';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './shell/protocol';
import { hardenSession, hardenWebContents, windowOptions } from './shell/window-options';

/*
 * The Electron shell: one window onto the app core. Everything the app does lives in createAppCore (shared with
 * the web host); this file only wires Electron's pieces (window, menu, dialogs, IPC) to it.
 */

// Both must happen before 'ready': Chromium fixes its scheme list and sandbox policy at start-up.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

// Decided before the single-instance lock, because the lock lives in userData and a portable copy must keep
// its Chromium profile (and so its lock) inside its own data folder.
const data = resolveDataDir({
  userData: app.getPath('userData'),
  exePath: app.getPath('exe'),
  portableExecutableDir: process.env.PORTABLE_EXECUTABLE_DIR,
});
if (data.portable) app.setPath('userData', path.join(data.dir, 'profile'));
const dbPath = path.join(data.dir, DB_FILE_NAME);

let core: AppCore | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second start would open the same database twice: hand over to the running window instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // Quitting takes the 退出时 backup first (only if something was written), then closes the database.
  app.on('before-quit', (event) => {
    const c = core;
    if (!c) return;
    event.preventDefault();
    core = null; // IPC now answers "程序正在退出" instead of writing into a closing database
    c.quit()
      .catch((e: unknown) => console.error('退出时备份或关闭失败 / quit backup or close failed', e))
      .finally(() => app.quit());
  });
  app.on('will-quit', closeCore);
  app.whenReady().then(start, (e: unknown) => void fail(e));
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('cn.gov.street.dagongwei');
  const appPath = app.getAppPath();
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(appPath, 'dist', 'renderer')));

  try {
    core = await createAppCore({
      dbPath,
      shell: 'electron',
      appVersion: app.getVersion(),
      nativeBinding: devNativeBinding(appPath, app.isPackaged),
      // Built beside main.cjs; Electron loads a worker's code from inside app.asar.
      backupWorker: { file: path.join(appPath, 'dist', 'electron', 'backup-worker.cjs') },
      files,
      pdf: electronPdf,
      logError: (channel, error) => console.error(`[${channel}]`, error),
    });
  } catch (e) {
    await fail(e);
    return;
  }
  if (core.preMigrationBackup) console.info('升级前备份 / pre-migration backup:', core.preMigrationBackup);

  registerIpcHandlers(ipcMain, {
    dispatch: (channel, input) =>
      core
        ? core.dispatch(channel, input)
        : Promise.resolve({ ok: false, code: 'INTERNAL', message: '程序正在退出，操作未执行' }),
    getWindow: () => mainWindow,
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ isPackaged: app.isPackaged, sendCommand, showAbout: () => void showAbout() }),
    ),
  );
  createWindow(appPath);
}

function createWindow(appPath: string): void {
  const preloadPath = path.join(appPath, 'dist', 'electron', 'preload.cjs');
  const win = new BrowserWindow(windowOptions({ preloadPath, isPackaged: app.isPackaged }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => console.error('无法加载界面 / failed to load UI', e));
}

const files: FilePorts = {
  async chooseSavePath(suggestedName, filters) {
    const options = { title: '导出到…', defaultPath: path.join(documentsDir(), suggestedName), filters };
    const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  async chooseFolder(title) {
    const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
    const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
  },
};

function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

function sendCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_EVENT, command);
}

async function showAbout(): Promise<void> {
  const options = {
    type: 'info' as const,
    title: '关于大工委工作台',
    message: `大工委工作台 ${app.getVersion()}`,
    detail: `数据文件：${dbPath}${data.portable ? '（便携模式）' : ''}\nElectron ${process.versions.electron ?? ''}`,
    buttons: ['确定'],
  };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

/**
 * Start-up failed. Say so in Chinese and leave the file alone. When the data file is damaged, openDatabase
 * names the latest good backup (details[0]): offer it; recovering renames the damaged files aside, never deletes them.
 */
async function fail(e: unknown): Promise<void> {
  console.error(e);
  const message = (e as Error)?.message ?? String(e);
  const reason =
    e instanceof AppError
      ? e.message
      : /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)
        ? `数据库组件与本程序的 Electron 版本不匹配，请重新安装大工委工作台（开发环境：运行 node scripts/electron-native.mjs）。\n${message}`
        : `无法打开数据文件：${message}`;
  const backup = e instanceof AppError ? e.details?.[0] : undefined;
  if (backup) {
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: '大工委工作台无法启动',
      message: reason,
      detail: `数据文件位置：${dbPath}\n最近的完好备份：${backup}\n\n恢复时，损坏的数据文件会改名保留在原文件夹中，不会被删除。`,
      buttons: ['从最近的完好备份恢复', '退出'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) {
      try {
        const { movedAside } = await recoverFromBackup(
          dbPath,
          backup,
          devNativeBinding(app.getAppPath(), app.isPackaged),
        );
        dialog.showMessageBoxSync({
          type: 'info',
          title: '已从备份恢复',
          message: '已从最近的完好备份恢复数据，程序将重新启动。',
          detail: movedAside.length ? `损坏的文件已改名保留：\n${movedAside.join('\n')}` : undefined,
        });
        app.relaunch();
        app.exit(0);
        return;
      } catch (err) {
        dialog.showErrorBox('恢复失败', `${(err as Error).message}\n\n数据文件位置：${dbPath}`);
      }
    }
    app.exit(1);
    return;
  }
  dialog.showErrorBox('大工委工作台无法启动', `${reason}\n\n数据文件位置：${dbPath}`);
  // exit, not quit: nothing was opened, so there is nothing to close, and the exit code tells scripts it failed.
  app.exit(1);
}

function closeCore(): void {
  const c = core;
  core = null;
  try {
    c?.close();
  } catch (e) {
    console.error('关闭数据库出错 / closing the database failed', e);
  }
}
