import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ChannelName, Input, Output } from '../../shared/contract';
import { createAppCore, type AppCore } from '../../electron/app-core';

export function tempDir(prefix = 'dgw-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const open: AppCore[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

export interface TestCore extends AppCore {
  dir: string;
  dbPath: string;
  exportDir: string;
  /** Calls a channel through the real dispatcher; throws with the Chinese message when it fails. */
  call<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Calls a channel and returns the raw envelope (to assert on failures). */
  raw(channel: string, input: unknown): ReturnType<AppCore['dispatch']>;
}

/**
 * A fresh app core on a temp database, with exports written into `exportDir` (as the web host does).
 * Closed automatically after each test.
 */
export async function testCore(dbPath?: string): Promise<TestCore> {
  const dir = tempDir();
  const exportDir = path.join(dir, 'exports');
  fs.mkdirSync(exportDir);
  const file = dbPath ?? path.join(dir, 'data.sqlite');
  const core = await createAppCore({
    dbPath: file,
    shell: 'web',
    appVersion: 'test',
    validateOutput: true,
    files: { chooseSavePath: async (name) => path.join(exportDir, name) },
  });
  open.push(core);
  return {
    ...core,
    dir,
    dbPath: file,
    exportDir,
    raw: (channel, input) => core.dispatch(channel, input),
    async call(channel, input) {
      const res = await core.dispatch(channel, input);
      if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
      return res.value as never;
    },
  };
}
