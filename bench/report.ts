import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import type { Scale } from './generator';
import type { Timing } from './timing';

export interface Figure {
  group: string;
  op: string;
  app: Timing | null;
  floor: Timing | null;
  /** The issue's goal: a time (median, or p95 for search), a ratio to the floor, or none. */
  target: { ms?: number; p95?: boolean; ratio?: number } | null;
  note: string;
}

export interface Report {
  file: string;
  quick: boolean;
  seed: number;
  scale: Scale;
  genMs: number;
  figures: Figure[];
  memory: { label: string; beforeMb: number | null; peakMb: number | null; maxRssMb: number | null; note: string }[];
  dbSizeMb: number;
  initialJsKb: number | null;
  load: [number[], number[]];
}

const ms = (n: number | undefined) =>
  n === undefined ? '—' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0);

function verdict(f: Figure): string {
  if (!f.app || !f.target) return '';
  const checks: boolean[] = [];
  const parts: string[] = [];
  if (f.target.ms !== undefined) {
    const v = f.target.p95 ? f.app.p95 : f.app.median;
    checks.push(v <= f.target.ms);
    parts.push(`${f.target.p95 ? 'p95 ' : ''}≤ ${f.target.ms} ms`);
  }
  const ratio = f.floor ? f.app.median / f.floor.median : null;
  const ratioGoal = f.target.ratio ?? (f.target.p95 ? 2 : undefined);
  if (ratioGoal !== undefined && ratio !== null) {
    checks.push(ratio <= ratioGoal);
    parts.push(`≤ ${ratioGoal}× floor`);
  }
  return `${parts.join('，')}：${checks.every(Boolean) ? '达到' : '**未达到**'}`;
}

export function writeReport(r: Report): void {
  const cpu = os.cpus();
  const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get() as string) ?? '';
  const lines = [
    `# 性能基准结果 / Benchmark results${r.quick ? '（快速规模 --quick）' : ''}`,
    '',
    `生成于 ${new Date().toISOString()}，命令 \`npm run bench${r.quick ? ' -- --quick' : ''}\`。`,
    '',
    `- 机器：${cpu[0]?.model ?? '?'} × ${cpu.length} 核，内存 ${(os.totalmem() / 2 ** 30).toFixed(1)} GB，${os.type()} ${os.release()}`,
    `- Node ${process.version}，SQLite ${sqlite}；负载（loadavg 1/5/15 分钟）开始 ${r.load[0].map((x) => x.toFixed(2)).join(' / ')}，结束 ${r.load[1].map((x) => x.toFixed(2)).join(' / ')}（与其他进程共享 CPU 时数字偏高）`,
    `- 数据（种子 ${r.seed}）：${r.scale.communities} 个社区、${r.scale.units} 家共建单位、${r.scale.members} 名在职党员、${r.scale.meetings} 次会议、${r.scale.decisions} 条议定事项、${r.scale.needs} 条需求、${r.scale.resources} 条资源、${r.scale.projects} 个项目、${r.scale.progress} 条进度、${r.scale.serviceRecords} 条服务记实`,
    `- 生成用时 ${r.genMs ? `${(r.genMs / 1000).toFixed(1)} s` : '（复用已生成的数据）'}；数据库大小 ${r.dbSizeMb.toFixed(1)} MB`,
    `- 界面首屏初始 JS（gzip）：${r.initialJsKb === null ? '未构建界面（先运行 npm run build:renderer）' : `${r.initialJsKb.toFixed(0)} KB（目标 ≤ 600 KB：${r.initialJsKb <= 600 ? '达到' : '**未达到**'}）`}`,
    '',
    '时间为多次运行的中位数（搜索另列 p95），floor 为同一次运行中用原始库（better-sqlite3 / exceljs 流式写 / docx）做同样最少工作的时间。',
    '改进前后的对比、未达到的目标及原因见 [ANALYSIS.md](ANALYSIS.md)。',
    '',
    '| 类别 | 操作 | 程序 中位数 ms | p95 ms | floor ms | 倍数 | 目标 | 说明 |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...r.figures.map(
      (f) =>
        `| ${f.group} | ${f.op} | ${ms(f.app?.median)} | ${ms(f.app?.p95)} | ${ms(f.floor?.median)} | ${
          f.app && f.floor ? `${(f.app.median / f.floor.median).toFixed(2)}×` : '—'
        } | ${verdict(f)} | ${f.note.replaceAll('|', '/')} |`,
    ),
    '',
    '## 峰值内存（每项在独立进程中运行一次；RSS 每 10 ms 采样）',
    '',
    '“操作前”是已加载程序模块、打开数据库后的 RSS（其中含 tsx 即时编译器，桌面程序打包后的主进程没有它）；',
    '“峰值”是操作期间的最大 RSS，目标“导出 ≤ 300 MB”按峰值计；maxrss 为进程一生的最大值（含启动时的编译）。',
    '',
    '| 操作 | 操作前 MB | 峰值 MB | 增量 MB | 进程 maxrss MB | 说明 |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...r.memory.map((m) => {
      const f = (n: number | null) => (n === null ? '—' : n.toFixed(0));
      const delta = m.peakMb !== null && m.beforeMb !== null ? m.peakMb - m.beforeMb : null;
      return `| ${m.label} | ${f(m.beforeMb)} | ${f(m.peakMb)} | ${f(delta)} | ${f(m.maxRssMb)} | ${m.note} |`;
    }),
    '',
  ];
  fs.writeFileSync(r.file, lines.join('\n'));
  console.log(`\n${lines.join('\n')}\n结果已写入 ${r.file}`);
}
