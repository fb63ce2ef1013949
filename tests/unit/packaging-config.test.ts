/**
 * electron-builder.yml and the pieces packaging depends on: targets, fuses, icons, the hooks, and the
 * Node/Electron ABI split for better-sqlite3 (node_modules must stay the Node build that these tests load).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const cfg = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const native = require('../../scripts/lib/native.cjs');

type Target = { target: string; arch: string[] };
const targets = (platform: { target: Target[] }) =>
  Object.fromEntries(platform.target.map((t) => [t.target, [...t.arch].sort()]));

describe('electron-builder.yml', () => {
  it('names the product and its folders', () => {
    expect(cfg.productName).toBe('大工委工作台');
    expect(cfg.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*){2,}$/);
    expect(cfg.directories).toEqual({ output: 'release', buildResources: 'build' });
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('ships the build and runtime dependencies only, never .electron-native', () => {
    expect(cfg.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json', 'node_modules/**/*']));
    expect(cfg.files.some((f: string) => f.startsWith('!') && f.includes('.electron-native'))).toBe(true);
    expect(
      cfg.files.some((f: string) => !f.startsWith('!') && /^(electron|renderer|shared|tests|scripts)\//.test(f)),
    ).toBe(false);
    expect(cfg.asar).toBe(true);
    expect(cfg.asarUnpack.some((p: string) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
  });

  it('rebuilds native modules for Electron, guarded by the hooks', async () => {
    expect(cfg.npmRebuild).toBe(true);
    const hooks = require('../../scripts/packaging-hooks.cjs');
    for (const name of ['beforeBuild', 'afterPack', 'afterAllArtifactBuild']) {
      expect(cfg[name]).toBe('./scripts/packaging-hooks.cjs');
      expect(hooks[name], name).toBeTypeOf('function');
    }
  });

  it('builds a Chinese NSIS installer and a portable exe for Windows x64', () => {
    expect(targets(cfg.win)).toMatchObject({
      nsis: expect.arrayContaining(['x64']),
      portable: expect.arrayContaining(['x64']),
    });
    expect(cfg.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
    expect(cfg.nsis.installerLanguages).toContain('zh_CN');
    expect(cfg.win.icon).toBe('build/icon.ico');
  });

  it('builds deb and AppImage for Linux x64 and arm64', () => {
    expect(targets(cfg.linux)).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(cfg.linux.category).toBe('Office');
    expect(cfg.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(cfg.linux.executableName).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(cfg.linux.icon).toBe('build/icon.png');
  });

  it('flips the Electron fuses that close the usual escape hatches', () => {
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('icons', () => {
  it('has a 512×512 PNG under 200 KB', () => {
    const png = fs.readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(png.length).toBeLessThan(200 * 1024);
  });

  it('has a multi-size ICO (16 to 256) under 200 KB', () => {
    const ico = fs.readFileSync(path.join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // type 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256); // 0 means 256
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(ico.length).toBeLessThan(200 * 1024);
  });
});

describe('the Node/Electron ABI split', () => {
  it('keeps node_modules/better-sqlite3 built for Node, which the tests need', () => {
    expect(
      native.addonAbi(native.nodeAddon),
      'node_modules/better-sqlite3 is not the Node build: after a failed `npm run dist` run ' +
        '`node scripts/electron-native.mjs --restore-node` (or `npm rebuild better-sqlite3`)',
    ).toBe(Number(process.versions.modules));
  });

  it('knows the installed Electron version and ABI', () => {
    const e = native.electronInfo();
    expect(e.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(e.abi).toBeGreaterThan(Number(process.versions.modules));
  });

  it('drops npm nodedir from the environment of an Electron build', () => {
    const env = native.envWithoutNodedir({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', PATH: '/bin' });
    expect(env).toEqual({ PATH: '/bin' });
  });

  it('never builds the Electron addon from install or test scripts', () => {
    for (const name of [
      'preinstall',
      'install',
      'postinstall',
      'prepare',
      'pretest',
      'test',
      'test:unit',
      'posttest',
    ]) {
      expect(pkg.scripts[name] ?? '', name).not.toMatch(/electron-native|electron-rebuild|electron-builder/);
    }
    expect(pkg.scripts.start).toMatch(/electron-native\.mjs/);
    expect(pkg.scripts.dist).toMatch(/electron-native\.mjs --check/);
  });
});
