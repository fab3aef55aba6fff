import type { Sql } from 'postgres';
import type { ConnectionGuard } from './availability';

/**
 * The postgres.js client drizzle sees: every query and transaction runs through the guard, on
 * whichever pool is current (the guard replaces a pool whose connections are stuck), so the one
 * drizzle instance, and the prepared queries built on it, outlive a database restart. `answered`
 * runs after each successful call. A single statement is capped (ConnectionGuard, statementCapMs);
 * a transaction is not (the daily jobs run for minutes), and its statements inside are not seen.
 */
export function guardedClient(current: () => Sql, guard: ConnectionGuard, answered: () => void): Sql {
  const unsafe = (...args: Parameters<Sql['unsafe']>) => {
    // postgres.js queries are lazy and drizzle may ask for `.values()` before awaiting.
    const lazy = (values: boolean) => {
      let started: Promise<unknown> | undefined;
      const start = () =>
        (started ??= guard.run(async () => {
          const query = current().unsafe(...args);
          const result = values ? await query.values() : await query;
          answered();
          return result;
        }, true));
      return {
        then: (resolve?: (v: unknown) => unknown, reject?: (e: unknown) => unknown) => start().then(resolve, reject),
        catch: (reject?: (e: unknown) => unknown) => start().catch(reject),
      };
    };
    return Object.assign(lazy(false), { values: () => lazy(true) });
  };
  const begin = (...args: unknown[]) =>
    guard.run(async () => {
      const result = await (current().begin as (...a: unknown[]) => Promise<unknown>)(...args);
      answered();
      return result;
    });

  return new Proxy(function guarded() {} as unknown as Sql, {
    get(_, prop) {
      if (prop === 'unsafe') return unsafe;
      if (prop === 'begin') return begin;
      const client = current();
      const value = Reflect.get(client, prop);
      return typeof value === 'function' ? value.bind(client) : value;
    },
    apply() {
      // Tagged-template queries would bypass the guard: the app builds SQL through drizzle only.
      throw new Error('guardedClient: use drizzle or unsafe()');
    },
  });
}
