import type { Database } from 'better-sqlite3';
import { nameKey } from '../shared/domain/text';
import { NEED_SOURCES, URGENCIES } from '../shared/domain/lists';
import { DEFAULT_MEETING_KINDS } from '../shared/domain/meetings';
import * as V from './vocabulary';

/**
 * A street after ten years (2016–2025), written straight into a migrated database with prepared statements.
 * Deterministic: every value comes from the seeded generator below, timestamps included (no 'now' defaults).
 *
 * Each area is one step in STEPS. Adding an area (a new table the benchmark should carry) is one more step
 * function and its count in Scale; a step whose table does not exist yet is skipped, so the generator runs on
 * any schema version that has the directory.
 */

export interface Scale {
  communities: number;
  units: number;
  members: number;
  meetings: number;
  decisions: number;
  needs: number;
  resources: number;
  projects: number;
  progress: number;
  serviceRecords: number;
}

export const FULL_SCALE: Scale = {
  communities: 40,
  units: 400,
  members: 8_000,
  meetings: 3_000,
  decisions: 15_000,
  needs: 60_000,
  resources: 10_000,
  projects: 15_000,
  progress: 150_000,
  serviceRecords: 300_000,
};

/** About a twentieth: the `--quick` smoke run and the determinism test. */
export const QUICK_SCALE: Scale = {
  communities: 8,
  units: 40,
  members: 400,
  meetings: 150,
  decisions: 750,
  needs: 3_000,
  resources: 500,
  projects: 750,
  progress: 7_500,
  serviceRecords: 15_000,
};

const YEARS = 10;
const FIRST_YEAR = 2016;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof rng>;

const pad = (n: number) => String(n).padStart(2, '0');
/** A day of the ten years, 0 = 2016-01-01 (calendar arithmetic in UTC). */
function dayIso(day: number): string {
  const d = new Date(Date.UTC(FIRST_YEAR, 0, 1) + day * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const DAYS = Math.round((Date.UTC(FIRST_YEAR + YEARS, 0, 1) - Date.UTC(FIRST_YEAR, 0, 1)) / 86_400_000);
const stamp = (iso: string) => `${iso}T01:30:00.000Z`;
const fill = (s: string, r: Rng, vars: { u?: string; c?: string; p?: string }) =>
  s
    .replaceAll('{n}', String(r.int(3, 120)))
    .replaceAll('{u}', vars.u ?? '')
    .replaceAll('{c}', vars.c ?? '')
    .replaceAll('{p}', vars.p ?? '');

interface Ctx {
  db: Database;
  r: Rng;
  scale: Scale;
  communities: { id: number; name: string; grids: string[] }[];
  units: { id: number; name: string }[];
  personName(): string;
  phone(): string;
}

const hasTable = (db: Database, t: string) =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(t) !== undefined;

function communities(c: Ctx) {
  // The street's name, so the app opens on 工作台 (not the first-run setup) and exports carry a title.
  const setting = c.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
  setting.run('streetName', '城东街道');
  setting.run('committeeName', '城东街道大工委');
  setting.run('setupDone', '1');
  const ins = c.db.prepare(
    'INSERT INTO communities (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const grid = c.db.prepare('INSERT INTO grids (community_id, name, sort) VALUES (?, ?, ?)');
  for (let i = 0; i < c.scale.communities; i++) {
    const base = V.PLACES[i % V.PLACES.length]!;
    const name = i < V.PLACES.length ? `${base}社区` : `${base}第${Math.floor(i / V.PLACES.length) + 1}社区`;
    const id = i + 1;
    ins.run(id, name, nameKey(name), stamp('2016-01-04'), stamp('2016-01-04'));
    const grids = Array.from({ length: c.r.int(4, 8) }, (_, g) => `第${g + 1}网格`);
    grids.forEach((g, s) => grid.run(id, g, s));
    c.communities.push({ id, name, grids });
  }
}

function units(c: Ctx) {
  const ins = c.db
    .prepare(`INSERT INTO units (id, name, name_key, category, party_org, secretary, liaison, phone, address,
    notes, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`);
  const pair = c.db.prepare(
    'INSERT INTO pairings (unit_id, community_id, signed_on, term_years, created_at, updated_at) VALUES (?, ?, ?, 3, ?, ?)',
  );
  const cats = Object.keys(V.UNIT_PATTERNS);
  const seen = new Set<string>();
  for (let id = 1; id <= c.scale.units; id++) {
    let name = '';
    let cat = '';
    for (let tries = 0; name === '' || seen.has(name); tries++) {
      cat = c.r.pick(cats);
      name = c.r.pick(V.UNIT_PATTERNS[cat]!).replace('{p}', c.r.pick(V.PLACES));
      if (tries > 5) name = `${name}（${id}）`;
    }
    seen.add(name);
    const on = dayIso(c.r.int(0, DAYS - 400));
    ins.run(
      id,
      name,
      nameKey(name),
      cat,
      `中共${name}委员会`,
      c.personName(),
      c.personName(),
      c.phone(),
      `${c.r.pick(V.PLACES)}路${c.r.int(1, 999)}号`,
      c.r.chance(0.05) ? 'withdrawn' : 'active',
      stamp(on),
      stamp(on),
    );
    const comm = c.communities[(id - 1) % c.communities.length]!;
    pair.run(id, comm.id, on, stamp(on), stamp(on));
    c.units.push({ id, name });
  }
}

function members(c: Ctx) {
  if (!hasTable(c.db, 'party_members')) return;
  const post = c.db.prepare('INSERT INTO service_posts (community_id, name, sort) VALUES (?, ?, ?)');
  for (const comm of c.communities) V.POSTS.forEach((p, i) => post.run(comm.id, p, i));
  const ins = c.db
    .prepare(`INSERT INTO party_members (id, name, name_key, unit_id, unit_name, community_id, community_name,
    reported_on, post, phone, status, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`);
  for (let id = 1; id <= c.scale.members; id++) {
    const u = c.r.pick(c.units);
    const comm = c.r.pick(c.communities);
    const name = c.personName();
    const on = dayIso(c.r.int(0, DAYS - 1));
    ins.run(
      id,
      name,
      nameKey(name),
      u.id,
      u.name,
      comm.id,
      comm.name,
      on,
      c.r.pick(V.POSTS),
      c.phone(),
      c.r.chance(0.08) ? 'transferred' : 'active',
      stamp(on),
      stamp(on),
    );
  }
  const act = c.db
    .prepare(`INSERT INTO service_activities (id, served_on, title, community_id, community_name, notes, created_at)
    VALUES (?, ?, ?, ?, ?, '', ?)`);
  const rec = c.db.prepare(
    'INSERT INTO service_records (activity_id, member_id, unit_id, served_on, hours) VALUES (?, ?, ?, ?, ?)',
  );
  const memberUnit = c.db.prepare('SELECT unit_id FROM party_members WHERE id = ?').pluck();
  const perActivity = 15;
  const activities = Math.ceil(c.scale.serviceRecords / perActivity);
  let left = c.scale.serviceRecords;
  for (let id = 1; id <= activities && left > 0; id++) {
    const comm = c.r.pick(c.communities);
    const on = dayIso(Math.floor(((id - 1) / activities) * DAYS));
    act.run(id, on, `${comm.name}${c.r.pick(V.ACTIVITY_TOPICS)}`, comm.id, comm.name, stamp(on));
    const first = c.r.int(1, c.scale.members);
    for (let k = 0; k < perActivity && left > 0; k++, left--) {
      const m = ((first + k * 37) % c.scale.members) + 1;
      rec.run(id, m, memberUnit.get(m), on, c.r.pick([1, 1.5, 2, 2, 3, 4]));
    }
  }
}

function meetings(c: Ctx) {
  const ins = c.db
    .prepare(`INSERT INTO meetings (id, kind, year, seq, title, held_on, start_time, place, host, recorder, status,
    revision, finalized_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '14:30', ?, ?, ?, 'finalized', 0, ?, ?, ?)`);
  const inv = c.db
    .prepare(`INSERT INTO meeting_invitees (meeting_id, unit_id, name, delegate, attendance, attendee, sort)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const item = c.db
    .prepare(`INSERT INTO agenda_items (id, meeting_id, sort, title, presenter, notes, discussion, saved_at)
    VALUES (?, ?, ?, ?, ?, '', ?, ?)`);
  const dec = c.db
    .prepare(`INSERT INTO decisions (id, meeting_id, agenda_item_id, sort, content, lead_unit_id, lead_unit_name,
    target, deadline, closed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const partner = c.db.prepare(
    'INSERT INTO decision_partners (decision_id, unit_id, unit_name, sort) VALUES (?, ?, ?, 0)',
  );
  const fb = c.db.prepare(`INSERT INTO decision_feedback (decision_id, reported_on, content, check_status, created_at)
    VALUES (?, ?, ?, ?, ?)`);
  const seqs = new Map<string, number>();
  const NUM = '一二三四五六七八九十';
  const perMeeting = c.scale.decisions / c.scale.meetings;
  let itemId = 0;
  let decisionId = 0;
  for (let id = 1; id <= c.scale.meetings; id++) {
    const day = Math.floor(((id - 1) / c.scale.meetings) * DAYS);
    const on = dayIso(day);
    const year = Number(on.slice(0, 4));
    const kind = c.r.pick(DEFAULT_MEETING_KINDS);
    const seq = (seqs.get(`${year}${kind}`) ?? 0) + 1;
    seqs.set(`${year}${kind}`, seq);
    const ord = seq <= 10 ? NUM[seq - 1] : String(seq);
    ins.run(
      id,
      kind,
      year,
      seq,
      `${year}年第${ord}次${kind}`,
      on,
      `街道${c.r.pick(['三楼', '二楼', '一楼'])}会议室`,
      `${c.r.pick(V.SURNAMES)}书记`,
      c.personName(),
      stamp(on),
      stamp(on),
      stamp(on),
    );
    for (let k = 0; k < 8; k++) {
      const u = c.r.pick(c.units);
      const att = c.r.pick(['present', 'present', 'present', 'leave', 'absent'] as const);
      const delegate = c.personName();
      inv.run(id, u.id, u.name, delegate, att, att === 'present' ? delegate : '', k);
    }
    const items = c.r.int(3, 5);
    const decisionsHere = Math.round(perMeeting * id) - decisionId;
    for (let s = 0; s < items; s++) {
      itemId++;
      const comm = c.r.pick(c.communities);
      const text = Array.from({ length: c.r.int(4, 7) }, () =>
        fill(c.r.pick(V.DISCUSSION_SENTENCES), c.r, { u: c.r.pick(c.units).name, c: comm.name.replace('社区', '') }),
      ).join('');
      item.run(itemId, id, s, c.r.pick(V.AGENDA_TOPICS), comm.name, text, stamp(on));
      const here = Math.floor(decisionsHere / items) + (s < decisionsHere % items ? 1 : 0);
      for (let d = 0; d < here; d++) {
        decisionId++;
        const lead = c.r.pick(c.units);
        const topicCat = c.r.pick(Object.keys(V.NEED_TOPICS));
        const content = `由${lead.name}${c.r.pick(V.DECISION_VERBS)}${c.r.pick(V.NEED_TOPICS[topicCat]!)}工作`;
        const deadline = dayIso(Math.min(DAYS + 180, day + c.r.int(30, 180)));
        const closed = day + 200 < DAYS && c.r.chance(0.85) ? dayIso(day + c.r.int(20, 190)) : null;
        dec.run(
          decisionId,
          id,
          itemId,
          d,
          content,
          lead.id,
          lead.name,
          `服务居民${c.r.int(50, 500)}人次`,
          deadline,
          closed,
          stamp(on),
          stamp(on),
        );
        const p = c.r.pick(c.units);
        if (p.id !== lead.id) partner.run(decisionId, p.id, p.name);
        if (closed)
          fb.run(
            decisionId,
            closed,
            `${c.r.pick(V.PROGRESS_SENTENCES).replace('{n}', '3')}，已按期办结`,
            'passed',
            stamp(closed),
          );
      }
    }
  }
}

function needs(c: Ctx) {
  const ins = c.db
    .prepare(`INSERT INTO needs (id, community_id, grid, title, title_key, description, category, source, raised_on,
    urgency, contact_name, contact_phone, status, reject_reason, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const log = c.db.prepare(
    `INSERT INTO need_status_log (need_id, from_status, to_status, operator, at) VALUES (?, NULL, 'open', '', ?)`,
  );
  const cats = Object.keys(V.NEED_TOPICS);
  for (let id = 1; id <= c.scale.needs; id++) {
    const comm = c.r.pick(c.communities);
    const cat = c.r.pick(cats);
    const grid = c.r.pick(comm.grids);
    const title = `${comm.name.replace('社区', '')}${grid}${c.r.pick(V.NEED_TOPICS[cat]!)}`;
    const day = Math.floor(((id - 1) / c.scale.needs) * DAYS);
    const on = dayIso(day);
    const old = DAYS - day > 120;
    const status = old
      ? c.r.pick(['done', 'done', 'done', 'rejected', 'in_progress'] as const)
      : c.r.pick(['open', 'open', 'matched', 'in_progress', 'done'] as const);
    ins.run(
      id,
      comm.id,
      grid,
      title,
      nameKey(title),
      fill(c.r.pick(V.NEED_DETAILS), c.r, {}),
      cat,
      c.r.pick(NEED_SOURCES),
      on,
      c.r.pick(URGENCIES),
      c.personName(),
      c.phone(),
      status,
      status === 'rejected' ? '不属于街道职责范围' : '',
      stamp(on),
      stamp(on),
    );
    log.run(id, stamp(on));
  }
}

function resources(c: Ctx) {
  const ins = c.db
    .prepare(`INSERT INTO resources (id, unit_id, type, title, title_key, content, capacity, available_time,
    contact_name, contact_phone, valid_until, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const types = Object.keys(V.RESOURCE_TOPICS);
  const seen = new Set<string>();
  for (let id = 1; id <= c.scale.resources; id++) {
    const u = c.units[(id - 1) % c.units.length]!;
    const type = c.r.pick(types);
    let title = c.r.pick(V.RESOURCE_TOPICS[type]!);
    const year = FIRST_YEAR + Math.floor(((id - 1) / c.scale.resources) * YEARS);
    title = `${year}年${title}`;
    for (let n = 2; seen.has(`${u.id}|${title}`); n++) title = `${title.replace(/（\d+）$/, '')}（${n}）`;
    seen.add(`${u.id}|${title}`);
    const on = dayIso(Math.floor(((id - 1) / c.scale.resources) * DAYS));
    ins.run(
      id,
      u.id,
      type,
      title,
      nameKey(title),
      `${u.name}可提供${title.slice(5)}，面向辖区居民`,
      `每月${c.r.int(1, 8)}次`,
      c.r.pick(['工作日白天', '周末', '工作日晚上', '节假日']),
      c.personName(),
      c.phone(),
      `${year + 2}-12-31`,
      c.r.pick(['available', 'available', 'matched', 'paused'] as const),
      stamp(on),
      stamp(on),
    );
  }
}

function projects(c: Ctx) {
  const ins = c.db
    .prepare(`INSERT INTO projects (id, year, name, name_key, source, goal, content, leader, start_on, deadline_on,
    long_term, budget, status, notes, progress_percent, progress_on, progress_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, '', ?, ?, ?, ?, ?)`);
  const pu = c.db.prepare('INSERT OR IGNORE INTO project_units (project_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
  const pc = c.db.prepare('INSERT INTO project_communities (project_id, community_id) VALUES (?, ?)');
  const pn = c.db.prepare('INSERT OR IGNORE INTO project_needs (project_id, need_id) VALUES (?, ?)');
  const pe = c.db.prepare(`INSERT INTO progress_entries (project_id, entry_on, percent, text, operator, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const cats = Object.keys(V.NEED_TOPICS);
  const perProject = c.scale.progress / c.scale.projects;
  let entries = 0;
  for (let id = 1; id <= c.scale.projects; id++) {
    const day = Math.floor(((id - 1) / c.scale.projects) * (DAYS - 30));
    const start = dayIso(day);
    const year = Number(start.slice(0, 4));
    const comm = c.r.pick(c.communities);
    const topic = c.r.pick(V.NEED_TOPICS[c.r.pick(cats)]!);
    const name = `${comm.name}${topic}${c.r.pick(V.PROJECT_SUFFIXES)}（${id}）`;
    const n = Math.round(perProject * id) - entries;
    const percents = Array.from({ length: n }, (_, k) => Math.min(100, Math.round(((k + 1) / n) * c.r.int(60, 100))));
    const dates = Array.from({ length: n }, (_, k) => dayIso(Math.min(DAYS - 1, day + (k + 1) * c.r.int(10, 25))));
    const done = percents[n - 1] === 100 && DAYS - day > 200;
    const status = done
      ? c.r.pick(['closed', 'closed', 'pending_close'] as const)
      : c.r.pick(['active', 'active', 'planning'] as const);
    const lastText = n ? fill(c.r.pick(V.PROGRESS_SENTENCES), c.r, {}) : '';
    ins.run(
      id,
      year,
      name,
      nameKey(name),
      c.r.pick(['matching', 'meeting', 'manual'] as const),
      `解决${topic}问题，惠及居民${c.r.int(50, 900)}人`,
      `联合共建单位开展${topic}，建立长效机制`,
      c.personName(),
      start,
      dayIso(day + c.r.int(90, 365)),
      c.r.int(1, 50) * 1000,
      status,
      n ? percents[n - 1] : null,
      n ? dates[n - 1] : null,
      lastText,
      stamp(start),
      stamp(start),
    );
    const lead = c.r.pick(c.units);
    pu.run(id, lead.id, 'lead', 0);
    pu.run(id, c.r.pick(c.units).id, 'support', 1);
    pc.run(id, comm.id);
    if (c.r.chance(0.5)) pn.run(id, c.r.int(1, c.scale.needs));
    for (let k = 0; k < n; k++) {
      const text = k === n - 1 ? lastText : fill(c.r.pick(V.PROGRESS_SENTENCES), c.r, {});
      pe.run(id, dates[k], percents[k], text, c.personName(), stamp(dates[k]!));
    }
    entries += n;
  }
}

/** In order: later steps refer to the communities and units the first ones made. */
const STEPS: { name: string; run: (c: Ctx) => void }[] = [
  { name: '社区与网格', run: communities },
  { name: '共建单位', run: units },
  { name: '在职党员与服务记实', run: members },
  { name: '联席会议与议定事项', run: meetings },
  { name: '需求清单', run: needs },
  { name: '资源清单', run: resources },
  { name: '项目与进度', run: projects },
];

/**
 * Fills an empty, migrated database. Each step is one transaction; the caller may have set faster pragmas.
 * Returns the time each step took (ms), for the benchmark's report.
 */
export function generateStreet(
  db: Database,
  seed: number,
  scale: Scale,
  log: (s: string) => void = () => {},
): Record<string, number> {
  const r = rng(seed);
  const personName = () => r.pick(V.SURNAMES) + r.pick(V.GIVEN) + (r.chance(0.6) ? r.pick(V.GIVEN) : '');
  const phone = () =>
    `1${r.pick(['38', '39', '58', '86', '77', '35'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
  const c: Ctx = { db, r, scale, communities: [], units: [], personName, phone };
  const times: Record<string, number> = {};
  for (const step of STEPS) {
    const t0 = performance.now();
    db.transaction(() => step.run(c))();
    times[step.name] = performance.now() - t0;
    log(`  ${step.name} ${Math.round(times[step.name]!)} ms`);
  }
  return times;
}
