import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../shared/contract';
import { labelForPath, schemaLabels } from '../../shared/contract/labels';
import { issueLabel, validate, zhErrorMap } from '../../shared/contract/validation';
import { testCore } from '../helpers/core';

/**
 * Every validation message of the contract is Chinese and names its field by the label a clerk knows.
 * The walk below visits every field of every channel's input, gives it wrong values of every kind (missing,
 * wrong type, empty, too long, negative, fractional, out of range, unknown choice), and checks each message.
 */

type Leaf = { path: string[]; type: string };
const ARRAY = '[]';

/** A refinement's own message and the field it is reported at (it runs only once the rest is valid). */
type Refinement = { path: string[]; message: string };
const refinements: Refinement[] = [];

function collectRefinements(def: { checks?: unknown[] }, path: string[]) {
  for (const check of def.checks ?? []) {
    const d = (check as { _zod: { def: { check: string; error?: (i: unknown) => unknown; path?: string[] } } })._zod
      .def;
    if (d.check !== 'custom') continue;
    const m = d.error?.({ code: 'custom', input: undefined, path: [] });
    const message = typeof m === 'string' ? m : (m as { message?: string } | undefined)?.message;
    if (message) refinements.push({ path: [...path, ...(d.path ?? [])].filter((k) => k !== ARRAY), message });
  }
}

/** The input fields of a schema, down to the leaves; wrappers (optional, default, pipe…) are looked through. */
function leavesOf(schema: z.ZodType, path: string[] = [], out: Leaf[] = [], depth = 0): Leaf[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string; checks?: unknown[] };
  if (depth > 20) return out;
  collectRefinements(def, path);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>))
        leavesOf(v, [...path, k], out, depth + 1);
      return out;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return leavesOf(def.innerType as z.ZodType, path, out, depth + 1);
    case 'pipe':
      return leavesOf(def.in as z.ZodType, path, out, depth + 1);
    case 'array':
      out.push({ path, type: 'array' });
      return leavesOf(def.element as z.ZodType, [...path, ARRAY], out, depth + 1);
    case 'union':
      for (const o of def.options as z.ZodType[]) leavesOf(o, path, out, depth + 1);
      return out;
    default:
      out.push({ path, type: def.type });
      return out;
  }
}

const BAD: Record<string, unknown[]> = {
  any: [{}, null, 'x'.repeat(200_001), -1, 1.5, '\u0001控制符', ''],
  string: ['', '   ', 'x'.repeat(200_001), '\u0001控制符', '2025/13/45', 'abc', 7],
  number: [-1, 0, 1.5, 1e12, 'abc', Number.NaN],
  boolean: ['是'],
  enum: ['zzz', 3],
  literal: ['zzz'],
  array: [[], 'abc', Array.from({ length: 600 }, () => ({}))],
};

function setAt(path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return head === ARRAY ? [setAt(rest, value)] : { [head!]: setAt(rest, value) };
}

/** Words that may appear in a Chinese message: file kinds and keys named as on the keyboard. */
const ALLOWED_LATIN = /\b(Excel|Word|PDF|PNG|WPS|Enter|Ctrl|Esc|Alt|Shift|F2|xlsx|docx|csv)\b/g;
const isChinese = (m: string) => /[\u4e00-\u9fff]/.test(m) && !/[A-Za-z]{2,}/.test(m.replace(ALLOWED_LATIN, ''));

interface Finding {
  channel: string;
  path: string;
  input: string;
  message: string;
  problem: string;
}

function findings(): { found: Finding[]; checked: number } {
  const found: Finding[] = [];
  let checked = 0;
  for (const [channel, def] of Object.entries(contract)) {
    const schema = def.input as z.ZodType;
    for (const leaf of leavesOf(schema)) {
      for (const bad of [...(BAD[leaf.type] ?? BAD.any!), {}, null]) {
        const input = setAt(leaf.path, bad);
        // The labels the error map found for the issues it wrote (issues with their own message skip it).
        const unlabelled: string[] = [];
        const r = schema.safeParse(input, {
          error: (iss) => {
            if (!issueLabel(iss) && (iss.path?.length ?? 0) > 0) unlabelled.push((iss.path ?? []).join('.'));
            return zhErrorMap(iss);
          },
        });
        if (r.success) continue;
        const shown = JSON.stringify(input).slice(0, 80);
        // The messages are written when the issues are first read: read them, then look at what was unlabelled.
        const issues = r.error.issues;
        for (const key of unlabelled)
          found.push({ channel, path: key, input: shown, message: '', problem: '没有标签：在 labels.ts 补上' });
        for (const issue of issues) {
          checked++;
          const path = issue.path.join('.');
          if (!isChinese(issue.message))
            found.push({ channel, path, input: shown, message: issue.message, problem: '不是中文' });
          else if (issue.path.length > 0 && !namesField(issue.message, issue.path))
            found.push({ channel, path, input: shown, message: issue.message, problem: '没有说出字段' });
        }
      }
    }
  }
  return { found, checked };
}

/** The message names its field: the label by key, or a label given on a schema (the text helpers' own). */
function namesField(message: string, path: PropertyKey[]): boolean {
  const byKey = labelForPath(path);
  if (byKey && message.includes(byKey)) return true;
  return [...schemaLabels].some((l) => message.includes(l));
}

describe('the Chinese error map', () => {
  it('gives every field of every channel a Chinese message that names the field', () => {
    const { found, checked } = findings();
    const unique = [...new Map(found.map((f) => [`${f.channel} ${f.path} ${f.problem} ${f.message}`, f])).values()];
    expect(checked).toBeGreaterThan(1000);
    expect(unique.map((f) => `${f.channel} ${f.path}（${f.problem}）${f.message} ← ${f.input}`)).toEqual([]);
  });

  it('names the field in every refinement’s own message too', () => {
    refinements.length = 0;
    for (const def of Object.values(contract)) leavesOf(def.input as z.ZodType);
    expect(refinements.length).toBeGreaterThan(10);
    const bad = refinements.filter(
      (r) => !isChinese(r.message) || (r.path.length > 0 && !namesField(r.message, r.path)),
    );
    expect(bad.map((r) => `${r.path.join('.')}：${r.message}`)).toEqual([]);
  });

  it('says what is wrong in the clerk’s words', () => {
    const msg = (schema: z.ZodType, v: unknown) => {
      const r = validate(schema, v);
      return r.ok ? {} : r.fieldErrors;
    };
    const c = contract;
    expect(msg(c['units.list'].input, { pageSize: 1000 })).toEqual({ pageSize: '每页条数不能大于100' });
    expect(msg(c['units.get'].input, { id: -1 })).toEqual({ id: '请选择记录' });
    expect(msg(c['units.get'].input, {})).toEqual({ id: '请选择记录' });
    expect(msg(c['needs.save'].input, { communityId: 0, title: '', category: '助老', raisedOn: '2025-03-01' })).toEqual(
      {
        communityId: '请选择社区',
        title: '请填写需求名称',
      },
    );
    expect(msg(c['service.record'].input, { members: [{ memberId: 1, hours: 0 }] })).toMatchObject({
      'members.0.hours': '服务时长应大于0',
    });
    expect(msg(c['meetings.create'].input, { kind: '大工委联席会议', heldOn: '2025-02-30' })).toEqual({
      heldOn: '会议日期不是真实的日期',
    });
    expect(msg(c['needs.list'].input, { status: 'zzz' })).toEqual({ status: '请从可选的项中选择状态' });
    const whole = validate(c['needs.save'].input, 'DROP TABLE');
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.fieldErrors).toEqual({ _form: '提交的内容不完整' });
  });

  it('reaches the clerk through the dispatcher as field errors plus one line naming the fields, never their keys', async () => {
    const core = await testCore();
    const res = await core.raw('needs.save', { communityId: 0, title: ' ', category: '助老', raisedOn: '2025/3/1' });
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { communityId: '请选择社区', title: '请填写需求名称', raisedOn: '提出日期应为“年-月-日”格式' },
    });
    if (!res.ok) {
      expect(res.message).toBe('填写的内容有误：请选择社区；请填写需求名称；提出日期应为“年-月-日”格式');
      expect(res.message).not.toMatch(/[A-Za-z]/);
    }
  });
});
