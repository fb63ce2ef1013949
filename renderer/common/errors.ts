import type { z } from 'zod';
import { FORM_KEY, validate, type FieldErrors } from '../../shared/contract/validation';
import { ApiError } from '../api/client';

export type { FieldErrors };

/** The message to show for any failure: the main side's Chinese message as is, or a plain fallback. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `操作未完成：${e.message}`;
  return '操作未完成，请重试';
}

/**
 * Field errors (shared/contract/validation.ts: path → message) placed on a form that shows `fields`: an error
 * at "invitees.2.delegate" goes to that field when the form has it, else to "invitees"; what has no place on
 * the form is shown above it (`_form`), so nothing is lost.
 */
export function placeErrors(errors: FieldErrors, fields: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const field = fields.includes(path) ? path : path.split('.')[0]!;
    if (path !== FORM_KEY && fields.includes(field)) {
      if (!(field in out)) out[field] = message;
    } else if (!unplaced.includes(message)) unplaced.push(message);
  }
  if (unplaced.length) out[FORM_KEY] = unplaced.join('；');
  return out;
}

/**
 * A failed save mapped onto the form: the main side's field errors at their fields (a CONFLICT on a field, e.g.
 * a name already taken, comes the same way); a failure about no field of this form is shown above it.
 */
export function apiFieldErrors(e: unknown, fields: readonly string[]): FieldErrors {
  if (!(e instanceof ApiError)) return { [FORM_KEY]: errorMessage(e) };
  const placed = e.fieldErrors ? placeErrors(e.fieldErrors, fields) : {};
  if (Object.keys(placed).length === 0) return { [FORM_KEY]: e.message };
  return placed;
}

/** A form's draft checked with the contract's own schema (the same Chinese messages the main side gives). */
export function checkDraft<T extends z.ZodType>(
  schema: T,
  draft: unknown,
  fields: readonly string[],
): { ok: true; data: z.output<T> } | { ok: false; errors: FieldErrors } {
  const r = validate(schema, draft);
  return r.ok ? { ok: true, data: r.data } : { ok: false, errors: placeErrors(r.fieldErrors, fields) };
}

/** The error props of one form field: its message in red, or the hint when it has none. */
export function errorProps(errors: FieldErrors, field: string, hint?: string): { error: boolean; helperText?: string } {
  const message = errors[field];
  return { error: !!message, helperText: message ?? hint };
}
