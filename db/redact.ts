import { DrizzleQueryError } from 'drizzle-orm';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';
import { isDatabaseUnavailable } from '@/lib/database-faults';

type Patched = { queryWithCache: (...args: unknown[]) => Promise<unknown>; __coopRedacted?: true };

/**
 * drizzle puts a failed query's parameters into the error message ("params: …"), and Next.js logs
 * uncaught errors whole: pseudonyms and keyed hashes would end up in the server log. Every query
 * error (both drivers go through PgPreparedQuery) keeps its SQL text and its cause's code, not the
 * values; the cause's values (PostgreSQL's `detail` quotes key values) stay readable but out of printed logs.
 */
export function redactQueryErrors(): void {
  const proto = PgPreparedQuery.prototype as unknown as Patched;
  if (proto.__coopRedacted) return;
  proto.__coopRedacted = true;
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (err) {
      throw redacted(err);
    }
  };
}

const CAUSE_VALUES = ['detail', 'params', 'parameters', 'args', 'queryOptions'];

function redacted(err: unknown): unknown {
  if (!(err instanceof DrizzleQueryError)) return err;
  const before = err.message;
  err.message = `Failed query: ${err.query}`;
  Object.defineProperty(err, 'params', { value: [], enumerable: false });
  if (typeof err.stack === 'string') err.stack = err.stack.replace(before, err.message);
  if (isDatabaseUnavailable(err)) {
    // Logged once per failed request during an outage: the frames say nothing, the SQL is in the message.
    err.stack = `${err.name}: ${err.message}`;
    Object.defineProperty(err, 'query', { enumerable: false });
  }
  const cause = err.cause;
  if (cause && typeof cause === 'object') {
    // PGlite's error carries the parameters too; postgres.js hides its own unless in debug mode.
    for (const key of CAUSE_VALUES) {
      if (Object.prototype.propertyIsEnumerable.call(cause, key)) Object.defineProperty(cause, key, { enumerable: false });
    }
  }
  return err;
}
