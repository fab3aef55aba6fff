import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';
import { ConnectionGuard } from './availability';
import { guardedClient } from './guarded-client';
import { MEMORY, pgliteDatabase } from './pglite-database';
import { redactQueryErrors } from './redact';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** The database or an open transaction: query functions accept either. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  /**
   * The buyer look-up's own connections (PostgreSQL; PGlite: `db`): two, so that its one short
   * statement queues behind others of its kind and postgres.js sends them together, which costs
   * less CPU than a connection each (README, Performance). Nothing else uses them.
   */
  lookUpDb: Db;
  kind: 'postgres' | 'pglite';
  /** Applies the committed SQL migrations in db/migrations (idempotent). */
  migrate(): Promise<void>;
  /**
   * VACUUM (ANALYZE) of the whole database. On PostgreSQL on a connection of its own, with the batch
   * jobs' 15-minute limit: the pool's 30 s cut it off at 10 × the data (a VACUUM cannot run in a
   * transaction, where `set local` would lift the limit).
   */
  vacuum(): Promise<void>;
  /** A raw SQL text with $1… parameters on the underlying driver (benchmarks: EXPLAIN of captured queries). */
  rawQuery(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** True while the database is known to be unreachable (queries fail at once with 503). */
  isDown(): boolean;
  /** Down, or a query failed for want of the database within the last `ms`. */
  faultedWithin(ms: number): boolean;
  close(): Promise<void>;
}

/** Options for tools: a logger sees every query the app's functions send (drizzle's Logger). */
export interface DatabaseOptions {
  logQuery?: (query: string, params: unknown[]) => void;
  /** PostgreSQL: the pool's statement_timeout, 30 s (tests shorten it). */
  statementTimeoutMs?: number;
}

export type DatabaseTarget = { url: string } | { pgliteDir: string };

export { MEMORY };

/** Rows of a raw SQL query on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** PostgreSQL when DATABASE_URL is set, else the embedded database under DATA_DIR. */
export function targetFromEnv(e: { DATABASE_URL?: string; DATA_DIR: string; PGLITE_DIR?: string }): DatabaseTarget {
  if (e.DATABASE_URL) return { url: e.DATABASE_URL };
  return { pgliteDir: e.PGLITE_DIR ?? path.join(e.DATA_DIR, 'pglite') };
}
const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any fixed 64-bit number: serialises migrations of several app instances on one server.
const MIGRATION_LOCK = 4_217_733_091;

export function createDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Database {
  redactQueryErrors();
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  return 'url' in target ? postgresDatabase(target.url, logger, options.statementTimeoutMs) : pgliteDatabase(target.pgliteDir, logger, migrationsFolder);
}

export type Logger = { logQuery: NonNullable<DatabaseOptions['logQuery']> } | undefined;

// Timeouts: a connection attempt gives up after 2 s; a statement the app has long stopped waiting
// for is cancelled by the server; a transaction left open by a dead process releases its locks.
// Migrations use a connection of their own, without them (they may rebuild indexes).
const POOL_OPTIONS = {
  max: 10,
  connect_timeout: 2,
  idle_timeout: 60,
  onnotice: () => {},
  connection: { statement_timeout: 30_000, idle_in_transaction_session_timeout: 60_000 },
};

const LOOK_UP_CONNECTIONS = 2;
const MAINTENANCE_TIMEOUT_MS = 15 * 60 * 1000;

// A request answers 503 within 2 s of losing the database: 0.5 s waiting, then a 0.4 s probe, leaving
// time to render the answer on a busy machine. A slow query on a live database only costs a probe;
// a statement 2 s past statement_timeout is on a dead connection.
const GUARD = { deadlineMs: 500, probeMs: 400, retryMs: 500 };
const STATEMENT_GRACE_MS = 2_000;

function postgresDatabase(url: string, logger: Logger, statementTimeoutMs = POOL_OPTIONS.connection.statement_timeout): Database {
  const statementCapMs = statementTimeoutMs + STATEMENT_GRACE_MS;
  const poolOptions = { ...POOL_OPTIONS, connection: { ...POOL_OPTIONS.connection, statement_timeout: statementTimeoutMs } };
  // postgres.js fetches the array types on each new connection and drops that promise, so a connection
  // lost mid-fetch is an unhandled rejection. Fetch them once (the first answer proves it done), then
  // let every later connection and pool share the same options: types, and drizzle's date parsers.
  let client = postgres(url, poolOptions);
  let lookUpClient: postgres.Sql | undefined;
  drizzlePostgres(client);
  const options = client.options as typeof client.options & { fetch_types: boolean };
  const typesFetched = () => {
    options.fetch_types = false;
  };
  // Stuck connections never recover on their own: end them after `drainSeconds` (their queries fail) and start afresh.
  const replacePools = (drainSeconds: number) => {
    const stuck = [client, lookUpClient];
    client = postgres(options as unknown as postgres.Options<Record<string, never>>); // parsed options are taken as they are
    lookUpClient = undefined;
    for (const pool of stuck) pool?.end({ timeout: drainSeconds }).catch(() => {});
  };
  const guard = new ConnectionGuard(
    async () => {
      // A connection of its own: the pool's may be queued behind stuck queries.
      const probe = postgres(url, { ...poolOptions, max: 1, connect_timeout: 1, fetch_types: false });
      try {
        await probe`select 1`;
      } finally {
        probe.end({ timeout: 0 }).catch(() => {});
      }
    },
    () => replacePools(0),
    { ...GUARD, statementCapMs },
    // One silent connection on a live database: the others' work gets until the cap to finish (a
    // nightly job caught in it rolls back and runs again at the timer's next turn, 10 minutes on).
    () => replacePools(statementCapMs / 1000),
  );
  // The look-up's pool shares the parsed options (types and parsers); it needs no array types.
  const lookUpPool = () => (lookUpClient ??= postgres({ ...options, max: LOOK_UP_CONNECTIONS, fetch_types: false } as unknown as postgres.Options<Record<string, never>>));
  const sql = guardedClient(() => client, guard, typesFetched);
  return {
    db: drizzlePostgres(sql, { schema, logger }) as unknown as Db,
    lookUpDb: drizzlePostgres(guardedClient(lookUpPool, guard, typesFetched), { schema, logger }) as unknown as Db,
    kind: 'postgres',
    // One connection, so the session-level advisory lock covers every migration statement.
    migrate: () =>
      onOwnConnection(url, {}, async (conn) => {
        await conn`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(conn, { schema }), { migrationsFolder });
      }),
    vacuum: () =>
      onOwnConnection(url, { statement_timeout: MAINTENANCE_TIMEOUT_MS }, async (conn) => {
        await conn.unsafe('vacuum (analyze)');
      }),
    rawQuery: (text, params = []) => sql.unsafe(text, params as never[]) as Promise<Record<string, unknown>[]>,
    isDown: () => guard.isDown,
    faultedWithin: (ms) => guard.faultedWithin(ms),
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), lookUpClient?.end({ timeout: 5 })]);
    },
  };
}

/** `work` on a connection of its own, outside the pool and its limits (`connection`: its settings), then closed. */
async function onOwnConnection(url: string, connection: Record<string, number>, work: (conn: postgres.Sql) => Promise<void>) {
  const conn = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: POOL_OPTIONS.connect_timeout, connection });
  try {
    await work(conn);
  } finally {
    await conn.end({ timeout: 5 });
  }
}
