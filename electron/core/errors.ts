import type { ErrorCode } from '../../shared/contract/envelope';

/** An expected failure with a Chinese message for the clerk. Anything else thrown is a bug (code INTERNAL). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
    /** Field path → message, when the failure belongs to fields of the form (shown there, not only on top). */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A failure about one field, e.g. a name that is already taken: the form shows the message at that field. */
export const fieldError = (code: ErrorCode, field: string, message: string) =>
  new AppError(code, message, undefined, { [field]: message });

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或已被删除，请刷新后重试`);
