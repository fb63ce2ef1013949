import type { ChannelName, ErrorCode, Input, Output } from '../../shared/contract';
import { send } from './transport';

/** A failed call, carrying the main side's Chinese message (show it as is) and its errors per field. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field path → Chinese message (renderer/common/errors.ts places them on the form). */
    readonly fieldErrors: Record<string, string> | undefined = undefined,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/**
 * Called whenever the main side refuses a call because the app is locked (idle timeout, another window):
 * the lock screen then appears at once instead of waiting for its next status poll. Returns the unsubscribe.
 */
export function onLockedRefusal(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/** Calls a channel of the contract; resolves with its output or rejects with an ApiError. */
export async function call<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  const res = await send(channel, input);
  if (!res.ok && res.code === 'LOCKED' && channel !== 'auth.unlock') for (const l of lockedListeners) l();
  if (!res.ok) throw new ApiError(res.code, res.message, res.fieldErrors, res.details);
  return res.value as Output<C>;
}
