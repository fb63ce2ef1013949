'use strict';
// Shared by scripts/electron-native.mjs and scripts/packaging-hooks.cjs: where the better-sqlite3 addon lives,
// which ABI a built addon targets, and keeping node_modules' copy built for Node (ABI of `npm test`).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');
const nodeAddon = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const nativeDir = path.join(root, '.electron-native');
/** The Electron build used by `npm start` (passed as nativeBinding by electron/main.ts). */
const electronAddon = path.join(nativeDir, 'better_sqlite3.node');
/** A copy of node_modules' Node build, taken before electron-builder rebuilds node_modules in place. */
const nodeBackup = path.join(nativeDir, 'node-abi', 'better_sqlite3.node');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The installed electron's version and ABI (node_modules/electron/abi_version ships with the package). */
function electronInfo() {
  const dir = path.join(root, 'node_modules', 'electron');
  const version = readJson(path.join(dir, 'package.json')).version;
  let abi = null;
  try {
    abi = Number(fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim()) || null;
  } catch {
    /* older electron packages lack the file; callers treat null as "unknown" */
  }
  return { version, abi };
}

function betterSqliteVersion() {
  return readJson(path.join(moduleDir, 'package.json')).version;
}

/**
 * The ABI an addon was built for, read without loading it: context-aware addons (better-sqlite3 uses
 * NODE_MODULE_INIT) export `node_register_module_v<ABI>`, visible in both ELF and PE files. null if not found.
 */
function addonAbi(file) {
  const buf = fs.readFileSync(file);
  const marker = Buffer.from('node_register_module_v');
  const found = new Set();
  for (let i = buf.indexOf(marker); i !== -1; i = buf.indexOf(marker, i + 1)) {
    let j = i + marker.length;
    let digits = '';
    while (j < buf.length && buf[j] >= 0x30 && buf[j] <= 0x39) digits += String.fromCharCode(buf[j++]);
    if (digits) found.add(Number(digits));
  }
  return found.size === 1 ? [...found][0] : null;
}

/** Saves node_modules' addon if (and only if) it is the Node build, so a failed packaging cannot lose it. */
function backupNodeAddon(nodeAbi = Number(process.versions.modules)) {
  if (!fs.existsSync(nodeAddon) || addonAbi(nodeAddon) !== nodeAbi) return false;
  fs.mkdirSync(path.dirname(nodeBackup), { recursive: true });
  fs.copyFileSync(nodeAddon, nodeBackup);
  return true;
}

/**
 * Puts the Node build back after electron-builder rebuilt node_modules for Electron. Also removes
 * @electron/rebuild's `.forge-meta` marker, which would otherwise make the next packaging skip its rebuild
 * and ship the Node build.
 */
function restoreNodeAddon() {
  if (!fs.existsSync(nodeBackup)) return false;
  fs.mkdirSync(path.dirname(nodeAddon), { recursive: true });
  fs.copyFileSync(nodeBackup, nodeAddon);
  fs.rmSync(path.join(path.dirname(nodeAddon), '.forge-meta'), { force: true });
  return true;
}

/** The env for a child that builds for Electron: ~/.npmrc's nodedir=/usr would silently make it a Node build. */
function envWithoutNodedir(env = process.env) {
  const out = { ...env };
  for (const key of Object.keys(out)) if (key.toLowerCase() === 'npm_config_nodedir') delete out[key];
  return out;
}

module.exports = {
  root,
  moduleDir,
  nodeAddon,
  nativeDir,
  electronAddon,
  nodeBackup,
  electronInfo,
  betterSqliteVersion,
  addonAbi,
  backupNodeAddon,
  restoreNodeAddon,
  envWithoutNodedir,
};
