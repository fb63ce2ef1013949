/**
 * The web host in a process of its own, for the host fuzz test (tests/unit/web-host-fuzz.test.ts bundles it
 * with esbuild; it is not a test). A request that throws where nothing catches it ends a Node process: only a
 * separate process shows that the host survived. Prints "ready <port> <token>" once it listens.
 *
 *   host-child <dir>   database, renderer stand-in and exports all inside <dir>
 */
import fs from 'node:fs';
import path from 'node:path';
import { createAppCore } from '../../electron/app-core';
import { exportFolderPorts } from '../../electron/host/export-folder';
import { startHost } from '../../electron/host/server';

const dir = process.argv[2]!;
const rendererDir = path.join(dir, 'renderer');
const exportDir = path.join(dir, 'exports');
fs.mkdirSync(rendererDir, { recursive: true });
fs.mkdirSync(exportDir, { recursive: true });
fs.writeFileSync(
  path.join(rendererDir, 'index.html'),
  '<html><head><title>大工委工作台</title></head><body></body></html>',
);
fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');

const core = await createAppCore({
  dbPath: path.join(dir, 'data.sqlite'),
  shell: 'web',
  appVersion: 'fuzz',
  files: exportFolderPorts(exportDir),
  logError: (channel, e) => console.error(`[${channel}]`, e),
});
const host = await startHost({ dispatch: core.dispatch, rendererDir, port: 0 });
fs.writeSync(1, `ready ${host.port} ${host.token}\n`);
