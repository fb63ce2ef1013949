import { contract, type ChannelName, type Envelope, type Output, type ParsedInput } from '../../shared/contract';
import { installChineseErrors, validate } from '../../shared/contract/validation';
import { AppError } from './errors';
import { systemError } from './system-errors';
import type { HandlerContext } from './context';

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  ctx: HandlerContext,
) => Output<C> | Promise<Output<C>>;

/** One handler per channel; the type makes a missing channel a compile error. */
export type Handlers = { [C in ChannelName]: Handler<C> };

export interface DispatchOptions {
  /** Check outputs against the contract too (on in tests and development; it catches drift early). */
  validateOutput?: boolean;
  /** Where unexpected errors are written, e.g. the main process log; never shown raw to the clerk. */
  logError?: (channel: string, error: unknown) => void;
}

/**
 * The single entry point both shells use: validates the raw input against the contract, runs the
 * handler, and wraps the answer or the failure in the result envelope. Unknown channels are refused.
 */
export function createDispatcher(handlers: Handlers, ctx: HandlerContext, opts: DispatchOptions = {}) {
  // Any other zod parse on this side (stored settings, a handler's own check) speaks Chinese too.
  installChineseErrors();
  return async function dispatch(channel: string, rawInput: unknown): Promise<Envelope<unknown>> {
    if (!Object.hasOwn(contract, channel)) {
      return { ok: false, code: 'INVALID_INPUT', message: `未知的操作：${channel}` };
    }
    const name = channel as ChannelName;
    const refused = ctx.auth.check(name);
    if (refused) return refused;
    const def = contract[name];
    // Chinese messages naming each field by its label, carried per field for the form (both shells come here).
    const parsed = validate(def.input, rawInput ?? {});
    if (!parsed.ok)
      return { ok: false, code: 'INVALID_INPUT', message: parsed.message, fieldErrors: parsed.fieldErrors };
    try {
      const handler = handlers[name] as (input: unknown, c: HandlerContext) => unknown;
      const value = await handler(parsed.data, ctx);
      if (opts.validateOutput) def.output.parse(value);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) {
        const { code, message, details, fieldErrors } = e;
        return { ok: false, code, message, ...(details && { details }), ...(fieldErrors && { fieldErrors }) };
      }
      opts.logError?.(channel, e);
      // Disk full, read-only, locked file…: the clerk gets what happened in words, not an internal error.
      const system = systemError(e);
      if (system) return { ok: false, code: system.code, message: system.message };
      return {
        ok: false,
        code: 'INTERNAL',
        message: `操作未完成，程序内部出错：${(e as Error)?.message ?? String(e)}。数据未被改动。`,
      };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
