import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Lets one operation (restoring a backup swaps the whole database) run alone. Every dispatched call runs as
 * `shared`; an `exclusive` section waits for the other calls in flight to finish and holds new ones at the
 * door until it is done, so no handler ever sees the database closed half-way or writes into data that is
 * about to be replaced (a write after the revert-point copy would otherwise be lost).
 */
export interface ExclusiveGate {
  shared<T>(fn: () => Promise<T>): Promise<T>;
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export function createExclusiveGate(): ExclusiveGate {
  const where = new AsyncLocalStorage<'shared' | 'exclusive'>();
  let active = 0; // shared calls running (not counting one that is itself waiting to go exclusive)
  let closed: Promise<void> | null = null;
  let onDrained: (() => void) | null = null;
  let queue: Promise<void> = Promise.resolve();

  const leave = () => {
    active--;
    if (active === 0 && onDrained) onDrained();
  };

  return {
    async shared(fn) {
      // No shortcut for calls made from inside an exclusive section: a dispatched call is always a request
      // from outside and must wait (async context would otherwise let a call begun during a restore slip in).
      while (closed) await closed;
      active++;
      try {
        return await where.run('shared', fn);
      } finally {
        leave();
      }
    },
    async exclusive(fn) {
      const context = where.getStore();
      if (context === 'exclusive') return fn();
      // A call made through the dispatcher stops counting as "in flight" while it waits, or it would wait on itself.
      if (context === 'shared') leave();
      const previous = queue;
      let release!: () => void;
      queue = new Promise((r) => (release = r));
      await previous;
      let reopen!: () => void;
      closed = new Promise((r) => (reopen = r));
      if (active > 0) await new Promise<void>((r) => (onDrained = r));
      onDrained = null;
      try {
        return await where.run('exclusive', fn);
      } finally {
        closed = null;
        reopen();
        release();
        if (context === 'shared') active++;
      }
    },
  };
}
