/**
 * Every channel answers with this envelope, over IPC and over the web host alike.
 * `message` is always Chinese and meant to be shown to the clerk as is.
 */
export type ErrorCode =
  'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'IMPORT_FAILED' | 'FILE_ERROR' | 'CANCELLED' | 'LOCKED' | 'INTERNAL';

export type Ok<T> = { ok: true; value: T };
export type Fail = {
  ok: false;
  code: ErrorCode;
  message: string;
  /** Field path → Chinese message, for the form to show at each field (shared/contract/validation.ts). */
  fieldErrors?: Record<string, string>;
  /** Extra facts that are not about a field, e.g. the path of the latest good backup of a damaged database. */
  details?: string[];
};
export type Envelope<T> = Ok<T> | Fail;
