import { z } from 'zod';
import { fieldLabels, labelForPath } from './labels';

/**
 * The one Chinese error map for the contract's validation, and the field errors it produces.
 *
 * Both shells check a channel's input through `validate` (electron/core/registry.ts); the forms check their
 * drafts with the same schema and the same function, so a message reads the same whether the form or the main
 * side found the problem. A schema's own message ("请填写需求名称") wins; every other issue gets a sentence
 * built here from the field's label (./labels.ts): "每页条数不能大于100", never "Too big: expected number…".
 */

/** Field path ("title", "invitees.2.delegate") → the Chinese message shown at that field. `_form`: no field. */
export type FieldErrors = Record<string, string>;
export const FORM_KEY = '_form';

type RawIssue = z.core.$ZodRawIssue;

const FALLBACK_LABEL = '填写的内容';

function schemaLabel(s: unknown): string | undefined {
  return s && typeof s === 'object' ? fieldLabels.get(s as z.ZodType)?.label : undefined;
}

/** The field's label: on the schema (or the schema owning the failed check), else by its key. */
export function issueLabel(iss: RawIssue): string | undefined {
  return schemaLabel(iss.inst) ?? schemaLabel(iss.schema) ?? labelForPath(iss.path ?? []);
}

/** Ids and enums are picked from a list, not typed: "请选择…" rather than "请填写…". */
function isChoice(iss: RawIssue): boolean {
  const key = [...(iss.path ?? [])].reverse().find((k) => typeof k === 'string');
  if (typeof key === 'string' && /(^id|Ids?)$/.test(key)) return true;
  const owner = (iss.schema ?? iss.inst)?._zod.def;
  const type = owner && 'type' in owner ? owner.type : undefined;
  return type === 'enum' || type === 'literal' || type === 'boolean';
}

const EXPECTED: Record<string, string> = {
  string: '应为文字',
  number: '应为数字',
  int: '应为整数',
  nan: '应为数字',
  bigint: '应为整数',
  boolean: '应为“是”或“否”',
  array: '应为一组内容',
  tuple: '应为一组内容',
  object: '不完整',
  record: '不完整',
  date: '应为日期',
};

const num = (n: number | bigint) => String(n);

function sentence(iss: RawIssue, label: string): string {
  const choice = isChoice(iss);
  const ask = choice ? `请选择${label}` : `请填写${label}`;
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return ask;
      if (iss.expected === 'int' || iss.expected === 'number') {
        return typeof iss.input === 'number' && Number.isFinite(iss.input)
          ? `${label}应为整数`
          : `${label}${EXPECTED[iss.expected]}`;
      }
      return `${label}${EXPECTED[iss.expected] ?? '的格式不对'}`;
    case 'too_small': {
      const min = num(iss.minimum);
      if (iss.origin === 'string') return min === '1' ? `请填写${label}` : `${label}至少${min}个字`;
      if (iss.origin === 'array' || iss.origin === 'set')
        return min === '1' ? (choice ? ask : `请至少填写一项${label}`) : `${label}至少要有${min}项`;
      if (choice) return ask;
      return iss.inclusive ? `${label}不能小于${min}` : `${label}应大于${min}`;
    }
    case 'too_big': {
      const max = num(iss.maximum);
      if (iss.origin === 'string') return `${label}不能超过${max}个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return `${label}不能超过${max}项`;
      if (iss.origin === 'file') return `${label}过大`;
      return iss.inclusive ? `${label}不能大于${max}` : `${label}应小于${max}`;
    }
    case 'invalid_format':
      return `${label}的格式不对`;
    case 'not_multiple_of':
      return `${label}应为${iss.divisor}的整数倍`;
    case 'invalid_value':
      return choice || iss.values.length > 1 ? `请从可选的项中选择${label}` : `${label}的值不对`;
    case 'unrecognized_keys':
      return `${label}含有程序不认识的项`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return `${label}的内容不符合要求`;
    default:
      return `${label}填写有误`;
  }
}

/** The error map itself (zod 4's `customError`): used for every issue that brings no message of its own. */
export const zhErrorMap: z.core.$ZodErrorMap = (iss) =>
  sentence(iss, issueLabel(iss) ?? (iss.path?.length ? FALLBACK_LABEL : '提交的内容'));

/** Makes it the default for every parse in this process or page (each shell calls it once at start). */
export function installChineseErrors(): void {
  z.config({ customError: zhErrorMap });
}

/** The first message per field path; issues about the whole input go under `_form`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : FORM_KEY;
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** One line for a notice or a log: the messages themselves (they name their fields), no keys. */
export function describeFieldErrors(errors: FieldErrors): string {
  return `填写的内容有误：${[...new Set(Object.values(errors))].join('；')}`;
}

export type Checked<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; message: string };

/** Checks a value against a contract schema with the Chinese error map. */
export function validate<T extends z.ZodType>(schema: T, value: unknown): Checked<z.output<T>> {
  const r = schema.safeParse(value, { error: zhErrorMap });
  if (r.success) return { ok: true, data: r.data };
  const fieldErrors = fieldErrorsOf(r.error);
  return { ok: false, fieldErrors, message: describeFieldErrors(fieldErrors) };
}
