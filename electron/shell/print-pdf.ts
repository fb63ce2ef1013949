import { BrowserWindow } from 'electron';
import type { PdfPort } from '../core/context';
import { PRINT_OPTIONS } from '../meetings/print/minutes-html';

/**
 * PDF printing in the desktop app: the print template is loaded into a hidden, script-less, sandboxed window
 * and printed with webContents.printToPDF using the same options the tests give Chromium's page.pdf.
 */
export const electronPdf: PdfPort = {
  async printToPdf(html) {
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        spellcheck: false,
      },
    });
    try {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      const data = await win.webContents.printToPDF({
        pageSize: PRINT_OPTIONS.format,
        printBackground: PRINT_OPTIONS.printBackground,
        preferCSSPageSize: PRINT_OPTIONS.preferCSSPageSize,
        displayHeaderFooter: PRINT_OPTIONS.displayHeaderFooter,
        headerTemplate: PRINT_OPTIONS.headerTemplate,
        footerTemplate: PRINT_OPTIONS.footerTemplate,
      });
      return Buffer.from(data);
    } finally {
      win.destroy();
    }
  },
};
