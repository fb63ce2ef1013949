import fs from 'node:fs';
import path from 'node:path';
import type { ChannelName, Input, Output } from '../shared/contract';
import { channelNames } from '../shared/contract';
import { createAppCore, type AppCore } from '../electron/app-core';

/** The app's core on the benchmark database, as the web host runs it; exports land in `exportDir`. */
export interface BenchApp {
  core: AppCore;
  exportDir: string;
  has(channel: string): channel is ChannelName;
  call<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>>;
}

/** The backup thread's code as the packaged app runs it (`npm run bench` builds it first). */
const BUILT_WORKER = path.resolve('dist', 'electron', 'backup-worker.cjs');

export async function openApp(dbPath: string, workDir: string): Promise<BenchApp> {
  const exportDir = path.join(workDir, 'exports');
  fs.mkdirSync(exportDir, { recursive: true });
  const core = await createAppCore({
    dbPath,
    shell: 'web',
    appVersion: 'bench',
    backupDir: path.join(workDir, 'backups'),
    backupWorker: fs.existsSync(BUILT_WORKER) ? { file: BUILT_WORKER } : undefined,
    files: { chooseSavePath: async (name) => path.join(exportDir, name) },
  });
  return {
    core,
    exportDir,
    has: (c): c is ChannelName => (channelNames as string[]).includes(c),
    async call(channel, input) {
      const res = await core.dispatch(channel, input);
      if (!res.ok) throw new Error(`${channel}: ${res.message}`);
      return res.value as never;
    },
  };
}
