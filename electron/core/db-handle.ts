import type { Database } from 'better-sqlite3';

/** The connection the app currently works on; a restore replaces `current`. */
export interface DbHolder {
  current: Database;
}

/**
 * A stand-in for the connection that always forwards to `holder.current`. Handlers read `ctx.db` per call
 * anyway, but some objects keep the handle they were built with (the auth gate); through this they follow
 * a restore instead of talking to a closed connection. Methods are bound to the real connection, so
 * better-sqlite3's own checks see the real object.
 */
export function forwardingDb(holder: DbHolder): Database {
  return new Proxy({} as Database, {
    get(_t, prop) {
      const real = holder.current;
      const value = Reflect.get(real, prop, real) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
    },
    set(_t, prop, value) {
      return Reflect.set(holder.current, prop, value);
    },
    has(_t, prop) {
      return prop in holder.current;
    },
  });
}
