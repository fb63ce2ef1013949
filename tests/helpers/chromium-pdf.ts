import { chromium, type Browser } from 'playwright-core';
import type { PdfPort } from '../../electron/core/context';
import { PRINT_OPTIONS } from '../../electron/meetings/print/minutes-html';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The tests' PdfPort: Debian Chromium's page.pdf with the same options Electron's printToPDF gets, so the
 * print templates are exercised on the same engine. Call close() when done.
 */
export async function chromiumPdf(): Promise<PdfPort & { close(): Promise<void> }> {
  let browser: Browser | null = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    async printToPdf(html) {
      const page = await browser!.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ ...PRINT_OPTIONS, margin: undefined });
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser?.close();
      browser = null;
    },
  };
}
