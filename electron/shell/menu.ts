import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract/shell';

export interface MenuActions {
  isPackaged: boolean;
  /** Pushes a command to the page (文件 → 导出… lets the current page decide what to export). */
  sendCommand(command: MenuCommand): void;
  showAbout(): void;
}

/**
 * The Chinese application menu. Edit items use roles so copy/paste work in every text field without page code;
 * reload and DevTools exist only in development, where a reload is how one sees a rebuilt renderer.
 */
export function buildMenuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const dev = !a.isPackaged;
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '导出…', accelerator: 'CmdOrCtrl+E', click: () => a.sendCommand('export') },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: '重做', role: 'redo', accelerator: 'CmdOrCtrl+Y' },
        { type: 'separator' },
        { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        ...(dev
          ? ([
              { label: '重新加载', role: 'reload', accelerator: 'CmdOrCtrl+R' },
              { label: '开发者工具', role: 'toggleDevTools', accelerator: 'F12' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
    {
      label: '窗口(&W)',
      submenu: [
        { label: '最小化', role: 'minimize' },
        { label: '关闭窗口', role: 'close' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于大工委工作台', click: () => a.showAbout() }],
    },
  ];
}
