import type { ChannelName, ErrorCode, Input, Output } from '../../shared/contract';
import { send } from './transport';

/** A failed call, carrying the main side's Chinese message (show it as is) and field details. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls a channel of the contract; resolves with its output or rejects with an ApiError. */
export async function call<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  const res = await send(channel, input);
  if (!res.ok) throw new ApiError(res.code, res.message, res.details);
  return res.value as Output<C>;
}
