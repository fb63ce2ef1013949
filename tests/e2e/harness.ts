import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/app-core';
import { exportFolderPorts } from '../../electron/host/export-folder';
import { startHost, type RunningHost } from '../../electron/host/server';
import { tempDir } from '../helpers/core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RENDERER_DIR = path.resolve('dist/renderer');
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Everything a browser test gets: a fresh database, the web host on it, and a Chromium page at 1366×768. */
export interface E2E {
  page: Page;
  host: RunningHost;
  core: AppCore;
  dir: string;
  exportDir: string;
  screenshot(name: string): Promise<string>;
}

let browser: Browser;

/**
 * Registers the hooks of a browser test file: one Chromium per file, a fresh temp database and web host
 * per test, and a full-page screenshot in test-results/screenshots when a test fails.
 */
export function useE2E(): E2E {
  const e2e = {} as E2E;
  let context: BrowserContext;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('请先运行 npm run build:renderer');
    browser = await chromium.launch({
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
  });
  afterAll(async () => browser?.close());

  beforeEach(async () => {
    const dir = tempDir('dgw-e2e-');
    const exportDir = path.join(dir, 'exports');
    fs.mkdirSync(exportDir);
    const core = await createAppCore({
      dbPath: path.join(dir, 'data.sqlite'),
      shell: 'web',
      appVersion: 'e2e',
      validateOutput: true,
      files: exportFolderPorts(exportDir),
      logError: (channel, e) => console.error(`[${channel}]`, e),
    });
    const host = await startHost({ dispatch: core.dispatch, rendererDir: RENDERER_DIR, port: 0 });
    context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      acceptDownloads: false,
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('页面脚本错误：', err.message));
    Object.assign(e2e, {
      page,
      host,
      core,
      dir,
      exportDir,
      async screenshot(name: string) {
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
    });
  });

  afterEach(async (ctx) => {
    // The screenshot is taken here, while the page is still open (failure callbacks run after afterEach).
    if (ctx.task.result?.state === 'fail') {
      const testName = ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-');
      await e2e.screenshot(`失败-${testName}`).catch(() => undefined);
    }
    await context?.close();
    await e2e.host?.close();
    e2e.core?.close();
  });
  return e2e;
}
