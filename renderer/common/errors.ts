import type { z } from 'zod';
import { ApiError } from '../api/client';

/** The message to show for any failure: the main side's Chinese message as is, or a plain fallback. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `操作未完成：${e.message}`;
  return '操作未完成，请重试';
}

export type FieldErrors = Record<string, string>;

/** The first message per top-level field of a zod failure (the same schema the main side checks with). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/**
 * A failed save mapped onto the form. The main side names fields in `details` as "name：…";
 * a CONFLICT on a field carries its full sentence (e.g. "已有名为“…”的共建单位…") under that field.
 * What cannot be placed on a field comes back under `_form`.
 */
export function apiFieldErrors(e: unknown, fields: readonly string[]): FieldErrors {
  if (!(e instanceof ApiError)) return { _form: errorMessage(e) };
  const out: FieldErrors = {};
  for (const d of e.details) {
    const m = /^([A-Za-z0-9_.]+)：(.*)$/s.exec(d);
    const field = m?.[1]?.split('.')[0];
    if (m && field && fields.includes(field) && !(field in out)) {
      out[field] = e.code === 'CONFLICT' ? e.message : (m[2] ?? e.message);
    }
  }
  if (Object.keys(out).length === 0) out._form = e.message;
  return out;
}
