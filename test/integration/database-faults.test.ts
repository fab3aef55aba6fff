import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, queryRows, type Database } from '@/db/client';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '@/lib/database-faults';
import { FaultProxy, type Mode } from '../support/fault-proxy';

// The postgres.js driver behind a TCP proxy that loses the database (the built server under load is
// e2e/database-faults.spec.ts). Vitest fails a file on any unhandled rejection: none may escape.
const baseUrl = process.env.DATABASE_URL;

describe.skipIf(!baseUrl)('PostgreSQL lost and back (runs when DATABASE_URL is set)', () => {
  let proxy: FaultProxy;
  let database: Database;
  let drop: () => Promise<void>;
  let terminateBackends: () => Promise<void>;
  let databaseUrl: string;

  beforeAll(async () => {
    const name = `test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(baseUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    // What a PostgreSQL restart does to open connections: FATAL 57P01 "terminating connection due to
    // administrator command" (the issue saw the driver throw uncaught exceptions on it).
    terminateBackends = async () => {
      await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);
    };
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    const upstream = new URL(baseUrl!);
    proxy = new FaultProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    await proxy.start();
    const url = new URL(baseUrl!);
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    database = createDatabase({ url: databaseUrl });
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  // A failed test must not leave the next one without a database.
  afterEach(() => proxy.set('forward'));

  afterAll(async () => {
    await database?.close();
    await proxy?.stop();
    await drop?.();
    vi.restoreAllMocks();
  });

  // An array parameter needs the array types postgres.js fetched on the first connection: they must
  // survive the pool being replaced.
  const query = () => database.rawQuery('select $1::text = any($2) as hit', ['b', ['a', 'b']]);
  // The look-up's own connections (db/client.ts) are guarded and replaced with the pool.
  const lookUp = () => queryRows(database.lookUpDb, sql`select 2 as two`);

  async function timed<T>(work: Promise<T>): Promise<{ ms: number; error: unknown }> {
    const start = Date.now();
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    return { ms: Date.now() - start, error };
  }

  async function loseAndRecover(mode: Mode) {
    expect(await query()).toEqual([{ hit: true }]);
    expect(await lookUp()).toEqual([{ two: 2 }]);
    await proxy.set(mode);
    const lost = await Promise.all(Array.from({ length: 8 }, (_, i) => timed(i % 2 ? query() : lookUp())));
    for (const { ms, error } of lost) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(ms).toBeLessThan(1500);
    }
    await vi.waitFor(() => expect(database.isDown()).toBe(true), { timeout: 2000 });
    // Known down: no waiting at all.
    const fast = await timed(query());
    expect(fast.error).toBeInstanceOf(Error);
    expect((fast.error as Error).cause ?? fast.error).toBeInstanceOf(DatabaseUnavailableError);
    expect(fast.ms).toBeLessThan(50);

    await proxy.set('forward');
    await vi.waitFor(() => expect(database.isDown()).toBe(false), { timeout: 10_000 });
    expect(await query()).toEqual([{ hit: true }]);
    expect(await lookUp()).toEqual([{ two: 2 }]);
    expect(await database.db.transaction(async (tx) => queryRows(tx, sql`select 1 as one`))).toEqual([{ one: 1 }]);
  }

  it('refused: queries fail fast as unavailable, then work again without a restart', async () => {
    await loseAndRecover('refuse');
  });

  it('silent (blackholed): queries give up within 1.5 s, then work again without a restart', async () => {
    await loseAndRecover('blackhole');
  });

  it('connections terminated by the server (as in a restart): queries fail as unavailable, nothing uncaught, then normal', async () => {
    expect(await query()).toEqual([{ hit: true }]);
    const during = Array.from({ length: 8 }, (_, i) => timed(i % 2 ? database.rawQuery('select pg_sleep(0.3)') : queryRows(database.lookUpDb, sql`select pg_sleep(0.3)`)));
    await new Promise((r) => setTimeout(r, 100));
    await terminateBackends();
    const results = await Promise.all(during);
    expect(results.filter((r) => r.error).length).toBeGreaterThan(0);
    for (const { error } of results) {
      if (error) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    }
    await vi.waitFor(async () => expect(await query()).toEqual([{ hit: true }]), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await lookUp()).toEqual([{ two: 2 }]), { timeout: 10_000 });
  });

  it('a slow query on a live database is waited for, not cut off', async () => {
    expect(await queryRows(database.db, sql`select pg_sleep(1.2), 1 as done`)).toEqual([{ pg_sleep: '', done: 1 }]);
    expect(database.isDown()).toBe(false);
  });

  it('open connections gone silent while new ones work: a statement gives up 2 s past statement_timeout, then fresh connections answer', async () => {
    // A pool of its own with a 1 s statement_timeout: the cap is 3 s (30 + 2 s in production).
    const short = createDatabase({ url: databaseUrl }, { statementTimeoutMs: 1000 });
    try {
      // Several connections open in both pools, then all of them silenced.
      await Promise.all(Array.from({ length: 4 }, () => short.rawQuery('select pg_sleep(0.05)')));
      await queryRows(short.lookUpDb, sql`select 1`);
      proxy.silenceOpen();
      const stuck = await Promise.all([timed(short.rawQuery('select 1')), timed(queryRows(short.lookUpDb, sql`select 2`))]);
      for (const { ms, error } of stuck) {
        expect(isDatabaseUnavailable(error), String(error)).toBe(true);
        expect(ms).toBeGreaterThanOrEqual(2900);
        expect(ms).toBeLessThan(4500);
      }
      expect(short.isDown()).toBe(false);
      const fresh = await timed(short.rawQuery('select 1'));
      expect(fresh.error).toBeNull();
      expect(fresh.ms).toBeLessThan(1000);
      expect(await queryRows(short.lookUpDb, sql`select 2 as two`)).toEqual([{ two: 2 }]);
      // The server's own limit still stops a statement that runs too long, before the cap.
      const slow = await timed(short.rawQuery('select pg_sleep(2)'));
      expect(isDatabaseUnavailable(slow.error), String(slow.error)).toBe(true);
      expect(slow.ms).toBeLessThan(2500);
    } finally {
      await short.close();
    }
  });
});
