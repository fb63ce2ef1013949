import type { ErrorCode } from '../../shared/contract/envelope';

/** An expected failure with a Chinese message for the clerk. Anything else thrown is a bug (code INTERNAL). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或已被删除，请刷新后重试`);
