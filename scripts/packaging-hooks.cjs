'use strict';
// electron-builder hooks (named in electron-builder.yml). electron-builder's npmRebuild rebuilds
// node_modules/better-sqlite3 *in place* for Electron, which would leave `npm test` with an addon it cannot load,
// and with ~/.npmrc's nodedir=/usr the "Electron" rebuild silently targets Node and the app crashes at start.
// These hooks make both failure modes impossible to miss.
const fs = require('node:fs');
const path = require('node:path');
const native = require('./lib/native.cjs');

/** Before the rebuild: drop nodedir from this process's env (the rebuild's children inherit it) and back up. */
exports.beforeBuild = async function beforeBuild() {
  for (const key of Object.keys(process.env)) if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  if (native.backupNodeAddon())
    console.log('  • backed up the Node build of better-sqlite3 to .electron-native/node-abi/');
  return true; // true: let electron-builder rebuild native dependencies
};

/** After each platform/arch is packed: the shipped addon must carry Electron's ABI, or the app cannot open its data. */
exports.afterPack = async function afterPack(context) {
  const { abi, version } = native.electronInfo();
  const resources =
    context.electronPlatformName === 'darwin'
      ? path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : path.join(context.appOutDir, 'resources');
  const addon = path.join(
    resources,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!fs.existsSync(addon)) throw new Error(`打包结果中缺少 better-sqlite3 原生模块 / native addon missing: ${addon}`);
  const found = native.addonAbi(addon);
  if (abi && found !== null && found !== abi) {
    throw new Error(
      `打包的 better-sqlite3 为 ABI ${found}，Electron ${version} 需要 ${abi} / packaged addon has ABI ${found}, Electron needs ${abi}`,
    );
  }
};

/** After everything is built: put the Node build back so `npm test` works again. */
exports.afterAllArtifactBuild = async function afterAllArtifactBuild() {
  if (native.restoreNodeAddon()) console.log('  • restored the Node build of better-sqlite3 in node_modules');
  return [];
};
