// Bundles the Electron main process and preload with esbuild (the renderer is built by Vite).
// main: CommonJS for Node inside Electron; `electron` is provided by the runtime and the package.json
// dependencies (better-sqlite3 with its native addon, exceljs, …) are loaded from node_modules, which
// electron-builder ships (and rebuilds for Electron) — bundling a native addon is not possible anyway.
// preload: CommonJS for the browser platform, because a sandboxed preload can only require('electron');
// a stray Node import fails the build here, not at run time. The preload needs only the channel *names*, so the
// contract (zod schemas) is evaluated here once and the preload gets a plain list: ~2 KB instead of ~750 KB of
// schema code running in every page load.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = path.join(root, 'dist', 'electron');
const production = process.env.NODE_ENV !== 'development';

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  minify: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'info',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

/** Evaluates shared/contract in Node and returns its channel names. */
async function contractChannelNames() {
  const probe = await build({
    absWorkingDir: root,
    entryPoints: ['shared/contract/index.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', probe.outputFiles[0].text)(mod, mod.exports);
  const names = mod.exports.channelNames;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) {
    throw new Error('shared/contract did not yield channelNames');
  }
  return names;
}

/** Replaces the preload's `import { channelNames } from '../shared/contract'` with the evaluated list. */
const channelNamesOnly = (names) => ({
  name: 'dgw-channel-names',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/shared\/contract(\/index)?$/ }, () => ({ path: 'channel-names', namespace: 'dgw' }));
    b.onLoad({ filter: /.*/, namespace: 'dgw' }, () => ({
      contents: `export const channelNames = Object.freeze(${JSON.stringify(names)});`,
      loader: 'js',
    }));
  },
});

const names = await contractChannelNames();

await Promise.all([
  build({
    ...common,
    // The backup thread's code runs in a worker of the main process (electron/db/backup-thread.ts).
    entryPoints: { main: 'electron/main.ts', 'backup-worker': 'electron/db/backup-worker.ts' },
    outExtension: { '.js': '.cjs' },
    outdir,
    platform: 'node',
    target: 'node20',
    external: ['electron', 'better-sqlite3', ...Object.keys(pkg.dependencies ?? {})],
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outExtension: { '.js': '.cjs' },
    outdir,
    platform: 'browser',
    target: 'chrome120',
    external: ['electron'],
    plugins: [channelNamesOnly(names)],
  }),
]);
