// The Node/Electron ABI split for better-sqlite3.
//
// node_modules/better-sqlite3 stays built for Node (ABI of `npm test`, vitest, the web host). Electron needs the
// same addon built against its own headers (another ABI), so this script builds a second copy into
// .electron-native/better_sqlite3.node, which electron/main.ts passes as `nativeBinding` when run from the
// source tree. A packaged app does not use it: electron-builder rebuilds better-sqlite3 for Electron itself.
//
//   node scripts/electron-native.mjs                build (skipped when the stamp says it is up to date)
//   node scripts/electron-native.mjs --check        verify what packaging (`npm run dist`) needs; builds nothing
//   node scripts/electron-native.mjs --restore-node put node_modules' Node build back after a failed `dist`
//
// Run by `npm start` and `npm run dist` only — never from install or test scripts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import native from './lib/native.cjs';

const { root, moduleDir, nodeAddon, nativeDir, electronAddon, nodeBackup } = native;
const stampFile = path.join(nativeDir, 'stamp.json');
const args = new Set(process.argv.slice(2));

function fail(zh, en, extra = '') {
  console.error(`\n✖ ${zh}\n  ${en}${extra ? `\n\n${extra}` : ''}\n`);
  process.exit(1);
}

function electronOrFail() {
  try {
    return native.electronInfo();
  } catch {
    fail(
      '未找到 electron 开发依赖，请先运行 npm install。',
      'The electron devDependency is not installed; run npm install first.',
    );
  }
}

function wantedStamp(electron) {
  return {
    electron: electron.version,
    abi: electron.abi,
    betterSqlite3: native.betterSqliteVersion(),
    platform: process.platform,
    arch: process.arch,
  };
}

function upToDate(stamp) {
  try {
    const have = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return fs.existsSync(electronAddon) && JSON.stringify(have) === JSON.stringify(stamp);
  } catch {
    return false;
  }
}

function buildForElectron() {
  const electron = electronOrFail();
  const stamp = wantedStamp(electron);
  if (upToDate(stamp)) {
    console.log(`better-sqlite3 for Electron ${electron.version} is up to date (.electron-native/).`);
    return;
  }
  // Build in a copy so node_modules' Node build is never touched (node-gyp rebuild starts by deleting build/).
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dgw-electron-native-'));
  const copy = path.join(work, 'better-sqlite3');
  fs.cpSync(moduleDir, copy, {
    recursive: true,
    filter: (src) => path.relative(moduleDir, src).split(path.sep)[0] !== 'build',
  });
  const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  console.log(
    `Building better-sqlite3 ${stamp.betterSqlite3} for Electron ${electron.version} (ABI ${electron.abi ?? '?'})…`,
  );
  const r = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electron.version}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
      `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
    ],
    { cwd: copy, stdio: 'inherit', env: native.envWithoutNodedir() },
  );
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  const ok = r.status === 0 && fs.existsSync(built);
  const abi = ok ? native.addonAbi(built) : null;
  if (ok && (!electron.abi || abi === electron.abi)) {
    fs.mkdirSync(nativeDir, { recursive: true });
    fs.copyFileSync(built, electronAddon);
    fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
  }
  // Cleaned before reporting: fail() exits the process, which would skip a finally block.
  fs.rmSync(work, { recursive: true, force: true });
  if (!ok) {
    fail(
      '无法为 Electron 编译 better-sqlite3：需要联网下载 Electron 头文件（https://electronjs.org/headers）并具备 C++ 编译环境（Python 3、make、g++；Windows 上为 Visual Studio 生成工具）。',
      'Could not build better-sqlite3 for Electron: node-gyp needs network access to download the Electron headers (https://electronjs.org/headers) and a C++ toolchain (Python 3, make, g++; on Windows the Visual Studio Build Tools).',
      '单元测试与网页版（npm test / npm run host）不受影响，它们使用 node_modules 中为 Node 编译的版本。\n' +
        'Unit tests and the web host (npm test / npm run host) are unaffected: they use the Node build in node_modules.',
    );
  }
  if (electron.abi && abi !== electron.abi) {
    fail(
      `编译结果的 ABI 为 ${abi}，而 Electron ${electron.version} 需要 ${electron.abi}（是否设置了 nodedir？）。`,
      `The build targets ABI ${abi} but Electron ${electron.version} needs ${electron.abi} (is npm's nodedir set?).`,
    );
  }
  console.log(`✔ .electron-native/better_sqlite3.node (Electron ${electron.version}, ABI ${abi ?? '?'})`);
}

function checkForPackaging() {
  const electron = electronOrFail();
  const problems = [];
  const need = (file, zh) => {
    if (!fs.existsSync(path.join(root, file))) problems.push(`缺少 ${file}（${zh}） / missing ${file}`);
  };
  need('dist/electron/main.cjs', '请先 npm run build');
  need('dist/electron/preload.cjs', '请先 npm run build');
  need('dist/renderer/index.html', '请先 npm run build');
  need('build/icon.png', '应用图标');
  need('build/icon.ico', 'Windows 图标');
  need('electron-builder.yml', '打包配置');
  if (!fs.existsSync(nodeAddon)) {
    problems.push(
      'node_modules 中没有 better-sqlite3 的编译结果，请运行 npm rebuild better-sqlite3 / better-sqlite3 is not built',
    );
  } else {
    const abi = native.addonAbi(nodeAddon);
    const nodeAbi = Number(process.versions.modules);
    if (abi !== nodeAbi && !fs.existsSync(nodeBackup)) {
      problems.push(
        `node_modules 中的 better-sqlite3 不是为 Node（ABI ${nodeAbi}）编译的（ABI ${abi}），npm test 将失败；请运行 npm rebuild better-sqlite3 / ` +
          `node_modules' better-sqlite3 targets ABI ${abi}, not Node's ${nodeAbi}`,
      );
    }
  }
  if (problems.length)
    fail('打包前检查未通过：', 'Packaging pre-check failed:', problems.map((p) => ` - ${p}`).join('\n'));
  console.log(
    `✔ 打包前检查通过 / packaging pre-check passed (Electron ${electron.version}, ABI ${electron.abi ?? '?'}).\n` +
      '  electron-builder 将为 Electron 重新编译 node_modules 中的 better-sqlite3；scripts/packaging-hooks.cjs 会先备份 Node 版本并在打包后恢复。\n' +
      "  electron-builder rebuilds node_modules' better-sqlite3 for Electron; scripts/packaging-hooks.cjs backs up the Node build first and restores it afterwards.",
  );
}

if (args.has('--restore-node')) {
  if (native.restoreNodeAddon())
    console.log('✔ 已恢复为 Node 编译的 better-sqlite3 / restored the Node build of better-sqlite3');
  else
    fail(
      '没有可恢复的备份，请运行 npm rebuild better-sqlite3。',
      'No backup to restore; run npm rebuild better-sqlite3.',
    );
} else if (args.has('--check')) {
  checkForPackaging();
} else {
  buildForElectron();
}
