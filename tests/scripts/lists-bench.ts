/**
 * Timing of the lists' hot queries at the benchmark's sizes (60k needs, 15k projects, 150k progress entries).
 * Run: npx vite-node tests/scripts/lists-bench.ts (or npx tsx). Prints ms per query; not a test.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { createAppCore } from '../../electron/app-core';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgw-bench-'));
const core = await createAppCore({
  dbPath: path.join(dir, 'b.sqlite'),
  shell: 'web',
  appVersion: 'bench',
  validateOutput: false,
  files: { chooseSavePath: async () => null },
});
const db = core.db;
const call = async (c: string, i: unknown) => {
  const r = await core.dispatch(c as never, i as never);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const CATS = ['急难愁盼', '微心愿', '养老', '托育', '环境整治', '法律咨询', '就业创业', '文体', '医疗健康', '物业'];
const STATUSES = ['open', 'matched', 'in_progress', 'done', 'rejected'];
db.transaction(() => {
  for (let c = 1; c <= 20; c++)
    db.prepare('INSERT INTO communities (name, name_key) VALUES (?, ?)').run(`社区${c}`, `社区${c}`);
  for (let u = 1; u <= 300; u++)
    db.prepare(`INSERT INTO units (name, name_key, category) VALUES (?, ?, '机关')`).run(`单位${u}`, `单位${u}`);
  const n = db.prepare(
    `INSERT INTO needs (community_id, title, title_key, category, raised_on, status) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < 60_000; i++) {
    const d = new Date(Date.UTC(2022, 0, 1) + (i % 1400) * 86_400_000).toISOString().slice(0, 10);
    n.run((i % 20) + 1, `需求${i}`, `需求${i}`, CATS[i % 10], d, STATUSES[i % 5]);
  }
  const p = db.prepare(`INSERT INTO projects (year, name, name_key, status, deadline_on) VALUES (?, ?, ?, ?, ?)`);
  const pu = db.prepare(`INSERT INTO project_units (project_id, unit_id, role) VALUES (?, ?, 'lead')`);
  const e = db.prepare(`INSERT INTO progress_entries (project_id, entry_on, percent, text) VALUES (?, ?, ?, '推进')`);
  const st = ['planning', 'active', 'pending_close', 'closed', 'terminated'];
  for (let i = 1; i <= 15_000; i++) {
    p.run(2020 + (i % 6), `项目${i}`, `项目${i}`, st[i % 5], `202${i % 6}-1${i % 3}-28`);
    pu.run(i, (i % 300) + 1);
    for (let k = 0; k < 10; k++) e.run(i, `202${i % 6}-0${1 + (k % 9)}-1${k % 9}`, k * 10);
  }
  for (let i = 1; i <= 15_000; i++) {
    // What the service does per entry: keep the latest progress on the project.
    const l = db
      .prepare(
        'SELECT percent, entry_on, text FROM progress_entries WHERE project_id = ? ORDER BY entry_on DESC, id DESC LIMIT 1',
      )
      .get(i) as { percent: number; entry_on: string; text: string };
    db.prepare('UPDATE projects SET progress_percent = ?, progress_on = ?, progress_text = ? WHERE id = ?').run(
      l.percent,
      l.entry_on,
      l.text,
      i,
    );
  }
})();
db.exec('ANALYZE');

async function time(label: string, f: () => Promise<unknown>) {
  await f();
  const t = performance.now();
  for (let i = 0; i < 5; i++) await f();
  console.log(`${label}: ${((performance.now() - t) / 5).toFixed(1)} ms`);
}
await time('needs.list default (date desc)', () => call('needs.list', {}));
await time('needs.list status=open', () => call('needs.list', { status: 'open' }));
await time('needs.list category=养老 page 50', () => call('needs.list', { category: '养老', page: 50 }));
await time('needs.list community+status', () => call('needs.list', { communityId: 3, status: 'open' }));
await time('needs.list backlog 30d', () => call('needs.list', { backlogDays: 30 }));
await time('needs.list search 需求123', () => call('needs.list', { search: '需求123' }));
await time('projects.list default', () => call('projects.list', {}));
await time('projects.list overdue', () => call('projects.list', { overdue: true }));
await time('projects.list stalled', () => call('projects.list', { stalled: true }));
await time('projects.list by progress desc', () =>
  call('projects.list', { sortBy: 'progressPercent', sortDir: 'desc' }),
);
await time('projects.list unit=7', () => call('projects.list', { unitId: 7 }));
await time('projects.byUnit', () => call('projects.byUnit', {}));
await time('projects.get (10 entries)', () => call('projects.get', { id: 77 }));
await time('matching.forResource (open needs)', async () => {
  db.prepare(
    `INSERT OR IGNORE INTO resources (id, unit_id, type, title, title_key) VALUES (1, 1, '志愿服务', '志愿队', '志愿队')`,
  ).run();
  return call('matching.forResource', { id: 1 });
});
core.close();
fs.rmSync(dir, { recursive: true, force: true });
