/**
 * The web host: `npm run host -- --db FILE --port N --export-dir DIR`
 * Serves the built renderer and every channel on http://127.0.0.1:N/ so the real UI runs in a browser
 * without Electron. Exports are written into the export folder (never outside it, never over a file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppCore } from '../app-core';
import { exportFolderPorts } from './export-folder';
import { startHost } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: path.join('host-data', 'dagongwei.sqlite') },
    port: { type: 'string', default: '5180' },
    'export-dir': { type: 'string' },
    renderer: { type: 'string', default: path.join('dist', 'renderer') },
  },
});

const dbPath = path.resolve(values.db!);
const exportDir = path.resolve(values['export-dir'] ?? path.join(path.dirname(dbPath), 'exports'));
fs.mkdirSync(exportDir, { recursive: true });
const version = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

try {
  const core = await createAppCore({
    dbPath,
    shell: 'web',
    appVersion: version,
    files: exportFolderPorts(exportDir),
    logError: (channel, e) => console.error(`[${channel}]`, e),
  });
  const host = await startHost({
    dispatch: core.dispatch,
    rendererDir: path.resolve(values.renderer!),
    port: Number(values.port),
  });
  console.log(`大工委工作台（网页方式）已启动：${host.url}`);
  console.log(`数据文件：${dbPath}`);
  console.log(`导出文件夹：${exportDir}`);
  const stop = async () => {
    await host.close();
    await core.quit(); // the quit backup, as when the desktop app is closed
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
