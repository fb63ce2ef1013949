import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Dispatch } from '../electron/core/registry';
import { startHost } from '../electron/host/server';
import { summarise, type Timing } from './timing';

export const RENDERER_DIR = path.join(import.meta.dirname, '..', 'dist', 'renderer');

/** The JS the first screen loads before anything lazy: index.html's module script and its modulepreloads, gzipped. */
export function initialJsGzipKb(): number | null {
  const index = path.join(RENDERER_DIR, 'index.html');
  if (!fs.existsSync(index)) return null;
  const html = fs.readFileSync(index, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = [...new Set(files)].reduce(
    (sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(RENDERER_DIR, f)), { level: 9 }).length,
    0,
  );
  return bytes / 1024;
}

/**
 * From navigation to the first screen usable (工作台's 待办 counts shown), in Chromium via the web host,
 * each run in a fresh browser context (no cache).
 */
export async function firstScreenTiming(dispatch: Dispatch, runs: number): Promise<Timing> {
  const host = await startHost({ dispatch, rendererDir: RENDERER_DIR, port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${host.url}#/home`);
      await page
        .getByRole('group', { name: '待办' })
        .or(page.locator('[aria-label="待办"]'))
        .first()
        .waitFor({ timeout: 30_000 });
      if (i > 0) samples.push(performance.now() - t0); // the first run warms the host's file cache
      await context.close();
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return summarise(samples);
}
