import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPragmas, migrate } from '../electron/db/open';
import { insertNeedsInBulk } from '../electron/needs/repo';
import { openApp, type BenchApp } from './app';
import * as F from './floors';
import { FULL_SCALE, QUICK_SCALE, generateStreet } from './generator';
import { needsImportSheet } from './import-sheet';
import { firstScreenTiming, initialJsGzipKb } from './renderer-timing';
import { writeReport, type Figure, type Report } from './report';
import { measure, measureTimed, type Timing } from './timing';

/**
 * `npm run bench [-- --quick] [--seed N] [--reuse] [--no-renderer]`: generates a street after ten years and
 * times what a clerk waits for through the app's own core, each beside its raw-library floor. Results go to
 * bench/RESULTS.md (bench/RESULTS-quick.md for --quick). Reports only; nothing here fails on a slow figure.
 */
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const seedArg = argv.indexOf('--seed');
const seed = seedArg >= 0 ? Number(argv[seedArg + 1]) : 20_251_122;
const scale = quick ? QUICK_SCALE : FULL_SCALE;
const RUNS = quick ? 3 : 5;
const SEARCH_RUNS = quick ? 10 : 30;
const workDir = path.join(import.meta.dirname, '.work', quick ? 'quick' : 'full');
const dbPath = path.join(workDir, 'street.sqlite');
const log = (s: string) => console.log(s);

const figures: Figure[] = [];
const add = (f: Figure) => {
  figures.push(f);
  const ratio = f.app && f.floor ? ` ×${(f.app.median / f.floor.median).toFixed(2)}` : '';
  log(
    `  ${f.op}: ${f.app ? f.app.median.toFixed(1) : '—'} ms${f.floor ? ` (floor ${f.floor.median.toFixed(1)} ms${ratio})` : ''}${f.note ? ` ${f.note}` : ''}`,
  );
};

async function generate(): Promise<number> {
  if (argv.includes('--reuse') && fs.existsSync(dbPath)) return 0;
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const db = new Database(dbPath);
  applyPragmas(db);
  migrate(db, 0);
  db.pragma('synchronous = OFF'); // generation only: the clerk's database keeps the app's settings
  const t0 = performance.now();
  generateStreet(db, seed, scale, log);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return performance.now() - t0;
}

/** One op through the app, one through the raw library, same runs. */
async function pair(
  group: string,
  op: string,
  target: Figure['target'],
  app: () => unknown,
  floor?: () => unknown,
  runs = RUNS,
) {
  let a: Timing | null = null;
  let note = '';
  try {
    a = await measure(runs, app);
  } catch (e) {
    note = `失败：${e instanceof Error ? e.message : String(e)}`;
  }
  const f = floor ? await measure(runs, floor) : null;
  add({ group, op, app: a, floor: f, target, note });
}

function child(
  op: string,
  sheet?: string,
): { ms?: number; beforeMb?: number; peakMb?: number; maxRssMb?: number; error?: string } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'child.ts'), op, dbPath, workDir, ...(sheet ? [sheet] : [])],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as never;
}

async function main() {
  const load0 = os.loadavg();
  log(`生成数据（${quick ? '快速' : '完整'}规模，种子 ${seed}）…`);
  const genMs = await generate();

  log('打开与迁移…');
  let app: BenchApp | null = null;
  await pair(
    '启动',
    '打开数据库（含启动检查）',
    null,
    async () => {
      app?.core.close();
      app = await openApp(dbPath, workDir);
    },
    () => {
      const db = new Database(dbPath);
      applyPragmas(db);
      db.pragma('user_version');
      db.close();
    },
  );
  const fresh = path.join(workDir, 'empty.sqlite');
  await pair(
    '启动',
    '新建数据库并迁移到最新结构',
    null,
    async () => {
      for (const f of fs.readdirSync(workDir)) if (f.startsWith('empty.sqlite')) fs.rmSync(path.join(workDir, f));
      const a = await openApp(fresh, path.join(workDir, 'empty'));
      a.core.close();
    },
    () => {
      const db = new Database(':memory:');
      applyPragmas(db);
      migrate(db, 0);
      db.close();
    },
  );
  const A = app! as BenchApp;
  const raw = new Database(dbPath, { readonly: true });

  log('页面数据…');
  await pair(
    '页面',
    '工作台首屏数据（待办计数）',
    { ms: 100 },
    () => A.call('supervision.summary', {}),
    () => F.firstScreenFloor(raw),
  );
  await pair(
    '页面',
    '需求清单一页（状态+类别筛选，按日期排序，100行）',
    { ms: 20 },
    () =>
      A.call('needs.list', {
        page: 0,
        pageSize: 100,
        status: 'done',
        category: '养老',
        sortBy: 'raisedOn',
        sortDir: 'desc',
      }),
    () => F.needsListFloor(raw),
    RUNS * 4,
  );
  await pair(
    '页面',
    '项目台账一页（状态筛选，按完成时限排序，100行）',
    { ms: 20 },
    () => A.call('projects.list', { page: 0, pageSize: 100, status: 'active', sortBy: 'deadlineOn', sortDir: 'asc' }),
    () => F.projectsListFloor(raw),
    RUNS * 4,
  );
  await pair(
    '页面',
    '督办事项一页（100行）',
    { ms: 20 },
    () => A.call('supervision.list', { page: 0, pageSize: 100 }),
    () => F.supervisionFloor(raw),
    RUNS * 4,
  );
  if (A.has('dashboard.summary')) {
    await pair(
      '页面',
      '统计看板（2025年）',
      { ms: 100 },
      () => A.call('dashboard.summary' as never, { year: 2025 } as never),
      () => F.dashboardFloor(raw, 2025),
    );
  } else
    add({ group: '页面', op: '统计看板', app: null, floor: null, target: { ms: 100 }, note: '本版本尚无统计看板通道' });

  log('全局搜索…');
  const unitName = raw.prepare('SELECT name FROM units ORDER BY id LIMIT 1').pluck().get() as string;
  const terms: [string, string, number][] = [
    ['1字', '社', 80],
    ['2字', '养老', 80],
    ['3字', '加装电', 30],
    ['5字', '老旧小区加', 30],
    ['中文+数字', '2019年', 30],
    ['单位名称', unitName, 30],
  ];
  for (const [label, term, ms] of terms) {
    await pair(
      '搜索',
      `全局搜索「${term}」（${label}）`,
      { ms, p95: true },
      () => A.call('search.global', { q: term, limitPerKind: 5 }),
      () => F.searchFloor(raw, term),
      SEARCH_RUNS,
    );
  }

  log('导出…');
  const meetingId = raw.prepare('SELECT max(id) FROM meetings').pluck().get() as number;
  const exportRuns = quick ? 3 : 3;
  await pair(
    '导出',
    `导出需求清单 .xlsx（${scale.needs}条）`,
    { ratio: 1.3 },
    () => A.call('needs.export', {}),
    () => F.streamRowsFloor(raw, F.NEEDS_FLOOR_SQL, path.join(workDir, 'floor-needs.xlsx')),
    exportRuns,
  );
  add({
    group: '导出',
    op: `  参考：同样的行每格带样式（exceljs 流式写）`,
    app: await measure(exportRuns, () => A.call('needs.export', {})),
    floor: await measure(exportRuns, () =>
      F.streamStyledRowsFloor(raw, F.NEEDS_FLOOR_SQL, path.join(workDir, 'floor-needs-styled.xlsx')),
    ),
    target: null,
    note: '倍数以带样式的写出为底：表格可打印所需的边框、字体、换行之外，程序自身的开销',
  });
  await pair(
    '导出',
    `导出项目进度台账 .xlsx（${scale.projects}个项目）`,
    null,
    () => A.call('projects.exportProgress', {}),
    () => F.streamRowsFloor(raw, F.LEDGER_FLOOR_SQL, path.join(workDir, 'floor-ledger.xlsx')),
    exportRuns,
  );
  await pair(
    '导出',
    '导出一次会议的纪要 .docx',
    null,
    () => A.call('meetings.exportMinutesDocx', { id: meetingId }),
    () => F.minutesDocxFloor(raw, meetingId, path.join(workDir, 'floor-minutes.docx')),
  );

  log('导入 10,000 行需求…');
  const importRuns = quick ? 2 : 3;
  // Every import run gets a sheet of its own (new needs), or it would only find its rows already there.
  const sheets: string[] = [];
  for (let b = 0; b < importRuns * 3 + 5; b++) {
    const file = path.join(workDir, `导入-${b}.xlsx`);
    fs.writeFileSync(file, await needsImportSheet(raw, 10_000, b));
    sheets.push(file);
  }
  let nextSheet = 0;
  const freshSheet = () => sheets[nextSheet++]!;
  const upload = (f: string) => ({ fileName: path.basename(f), dataBase64: fs.readFileSync(f).toString('base64') });
  // What the clerk waits for: the preview, then — after reading it — the commit. The import's backup is made
  // on the backup thread from the moment the preview is asked for; here the "reading" lasts until it is done
  // (untimed), as a clerk's look at a 10,000-row preview does. The back-to-back run below commits at once.
  const previewMs: number[] = [];
  const commitMs: number[] = [];
  let imported = 0;
  const appImport = await measureTimed(importRuns, async (i) => {
    const t0 = performance.now();
    const p = await A.call('needs.importPreview', upload(freshSheet()));
    const t1 = performance.now();
    await A.core.backup.backupBefore('pre-import');
    const t2 = performance.now();
    const r = await A.call('needs.importCommit', { previewId: p.previewId });
    const t3 = performance.now();
    if (i >= 0) {
      // the warm-up run (i = -1) is not counted, as in measure()
      previewMs.push(t1 - t0);
      commitMs.push(t3 - t2);
    }
    imported = r.added;
    return t1 - t0 + (t3 - t2);
  });
  const backToBack = await measure(
    1,
    async () => {
      const p = await A.call('needs.importPreview', upload(freshSheet()));
      await A.call('needs.importCommit', { previewId: p.previewId });
    },
    false,
  );
  const rw = new Database(dbPath);
  const rows = F.syntheticNeeds(10_000).map((n) => ({
    record: {
      communityId: 1,
      grid: '',
      title: n.title,
      titleKey: n.title,
      description: n.description,
      category: '养老',
      source: '',
      raisedOn: '2025-06-01',
      urgency: '一般' as const,
      contactName: '',
      contactPhone: '',
    },
    status: 'open' as const,
    rejectReason: '',
  }));
  const indexed = await measure(importRuns, () => {
    rw.exec('BEGIN IMMEDIATE');
    try {
      insertNeedsInBulk(rw, rows, { reason: '基准', operator: '基准' });
    } finally {
      rw.exec('ROLLBACK');
    }
  });
  const unindexed = await measure(importRuns, () => F.bareInsertNeeds(rw, 10_000));
  add({
    group: '导入',
    op: '事务插入 10,000 条需求：程序一条语句批量插入并同步维护搜索索引 / floor 逐行插入、不维护索引',
    app: indexed,
    floor: unindexed,
    target: null,
    note: '含需求的状态记录',
  });
  const floorImport = await measure(importRuns, async () => {
    await F.importFloor(rw, fs.readFileSync(freshSheet()));
  });
  rw.close();
  const backupFile = path.join(workDir, 'floor-backup.sqlite');
  await pair(
    '导入',
    '导入前备份（备份线程上复制并做完整性校验）',
    null,
    () => A.core.backup.create('pre-import'),
    async () => {
      fs.rmSync(backupFile, { force: true });
      await raw.backup(backupFile);
    },
    importRuns,
  );
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]?.toFixed(0);
  add({
    group: '导入',
    op: '导入需求清单 10,000 行（预览+提交，职员等待的时间）',
    app: appImport,
    floor: floorImport,
    target: { ratio: 2 },
    note: `预览 ${mid(previewMs)} ms + 提交 ${mid(commitMs)} ms，新增 ${imported}；导入前备份在预览显示后于后台线程进行，阅读预览期间完成`,
  });
  add({
    group: '导入',
    op: '导入需求清单 10,000 行（预览后立即提交，须等备份做完）',
    app: backToBack,
    floor: floorImport,
    target: null,
    note: '最坏情况：提交等待后台的导入前备份（约与上面“导入前备份”相同）',
  });

  log('峰值内存（独立进程）…');
  const memory: Report['memory'] = [];
  for (const [label, op, sheet] of [
    ['导出需求清单', 'needs.export', undefined],
    ['  floor：exceljs 流式写出同样的行', 'floor-needs-export', undefined],
    ['导出项目进度台账', 'projects.exportProgress', undefined],
    ['导入 10,000 行（预览+提交）', 'import', freshSheet()],
    ['  floor：解析+事务插入', 'floor-import', freshSheet()],
  ] as const) {
    const r = child(op, sheet);
    memory.push({
      label,
      beforeMb: r.beforeMb ?? null,
      peakMb: r.peakMb ?? null,
      maxRssMb: r.maxRssMb ?? null,
      note: r.error ?? '',
    });
    log(`  ${label}: 峰值 ${r.peakMb?.toFixed(0) ?? r.error} MB（操作前 ${r.beforeMb?.toFixed(0)} MB）`);
  }

  let renderer: Timing | null = null;
  let rendererNote = '';
  if (!argv.includes('--no-renderer')) {
    log('界面首屏（Chromium，网页方式）…');
    try {
      renderer = await firstScreenTiming(A.core.dispatch, quick ? 2 : 3);
    } catch (e) {
      rendererNote = `未测：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
  } else rendererNote = '未测（--no-renderer）';
  add({
    group: '界面',
    op: '首屏可用（从导航到待办计数显示）',
    app: renderer,
    floor: null,
    target: { ms: 1500 },
    note: rendererNote,
  });

  raw.close();
  A.core.close();
  const size = fs.statSync(dbPath).size + (fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0);
  writeReport({
    file: path.join(import.meta.dirname, quick ? 'RESULTS-quick.md' : 'RESULTS.md'),
    quick,
    seed,
    scale,
    genMs,
    figures,
    memory,
    dbSizeMb: size / 1024 / 1024,
    initialJsKb: initialJsGzipKb(),
    load: [load0, os.loadavg()],
  });
}

await main();
