import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm';
import { ConnectionGuard } from '@/db/availability';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '@/lib/database-faults';

const OPTIONS = { deadlineMs: 100, probeMs: 50, retryMs: 30, statementCapMs: 400 };
const never = () => new Promise<never>(() => {});
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(resolve, ms, value));

/** A guard whose probe answers as `alive` says, counting pool replacements. */
function guard() {
  const state = { alive: true, probes: 0, resets: 0, fresh: 0 };
  const g = new ConnectionGuard(
    async () => {
      state.probes++;
      if (!state.alive) return never();
    },
    () => state.resets++,
    OPTIONS,
    () => state.fresh++,
  );
  return { g, state };
}

afterEach(() => vi.restoreAllMocks());

describe('ConnectionGuard', () => {
  it('waits for a slow call while the database still answers its probe (busy is not down)', async () => {
    const { g, state } = guard();
    await expect(g.run(() => after(250, 'rows'))).resolves.toBe('rows');
    expect(state.probes).toBe(1);
    expect(g.isDown).toBe(false);
  });

  it('takes a process busy with its own work (the event loop held) for busy, not for a silent database', async () => {
    // A real socket round trip, as the PostgreSQL probe makes: the answer arrives while the event
    // loop is held, and waits to be read. A single timer would fire first and call it "down".
    const server = net.createServer((socket) => socket.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const probe = () =>
      new Promise<void>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('data', () => (socket.destroy(), resolve()));
        socket.on('error', reject);
      });
    const resets = { n: 0 };
    const g = new ConnectionGuard(probe, () => resets.n++, { deadlineMs: 100, probeMs: 200, retryMs: 30, statementCapMs: 1000 });
    try {
      const check = g.check();
      const until = Date.now() + 600; // CPU-bound work: three probe budgets without a turn of the loop
      while (Date.now() < until);
      await expect(check).resolves.toBe(true);
      expect(g.isDown).toBe(false);
      expect(resets.n).toBe(0);
    } finally {
      server.close();
    }
  });

  it('gives up on a silent database within deadline + probe, then fails at once until a probe succeeds', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { g, state } = guard();
    state.alive = false;
    const start = Date.now();
    await expect(g.run(never)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - start).toBeLessThan(OPTIONS.deadlineMs + OPTIONS.probeMs + 100);
    expect(g.isDown).toBe(true);
    expect(state.resets).toBe(1);

    const call = vi.fn(() => Promise.resolve('rows'));
    await expect(g.run(call)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(call).not.toHaveBeenCalled();
    expect(g.faultedWithin(1000)).toBe(true);

    state.alive = true;
    await vi.waitFor(() => expect(g.isDown).toBe(false), { timeout: 1000 });
    await expect(g.run(call)).resolves.toBe('rows');
    expect(state.resets).toBe(1);
    expect(console.error).toHaveBeenCalledWith('[database] unreachable: answering 503 until it is back');
    expect(console.error).toHaveBeenCalledWith('[database] reachable again');
  });

  it('checks the database when a call fails for want of a connection, and passes the error on', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { g, state } = guard();
    state.alive = false;
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    await expect(g.run(() => Promise.reject(refused))).rejects.toBe(refused);
    await vi.waitFor(() => expect(g.isDown).toBe(true), { timeout: 1000 });
  });

  it('waits for a slow statement on a live database up to the cap', async () => {
    const { g, state } = guard();
    await expect(g.run(() => after(250, 'rows'), true)).resolves.toBe('rows');
    expect(state.fresh).toBe(0);
  });

  it('gives up on statements unanswered past the cap on a live database (a silent connection), with one set of fresh connections', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { g, state } = guard();
    const start = Date.now();
    const stuck = await Promise.all([1, 2, 3].map(() => g.run(never, true).catch((e: unknown) => e)));
    for (const e of stuck) expect(e).toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - start).toBeGreaterThanOrEqual(OPTIONS.statementCapMs - 5);
    expect(Date.now() - start).toBeLessThan(OPTIONS.statementCapMs + 200);
    expect(state.fresh).toBe(1);
    expect(state.resets).toBe(0);
    expect(g.isDown).toBe(false);
    await expect(g.run(() => Promise.resolve('rows'), true)).resolves.toBe('rows');
    expect(console.error).toHaveBeenCalledWith('[database] a statement got no answer on a live database: opening fresh connections');
  });

  it('does not cap a transaction: a batch job may run for minutes', async () => {
    const { g, state } = guard();
    await expect(g.run(() => after(OPTIONS.statementCapMs + 200, 'done'))).resolves.toBe('done');
    expect(state.fresh).toBe(0);
  });

  it('leaves an ordinary query error alone', async () => {
    const { g, state } = guard();
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    await expect(g.run(() => Promise.reject(unique))).rejects.toBe(unique);
    expect(state.probes).toBe(0);
    expect(g.faultedWithin(1000)).toBe(false);
  });
});

describe('isDatabaseUnavailable', () => {
  it('finds a connection fault through drizzle’s wrapping, and nothing else', () => {
    const wrapped = (code: string) => new DrizzleQueryError('select 1', [], Object.assign(new Error(code), { code }));
    for (const code of ['ECONNREFUSED', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', '57P01', '08006', '57014']) {
      expect(isDatabaseUnavailable(wrapped(code)), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new DatabaseUnavailableError())).toBe(true);
    for (const code of ['23505', '42P01', '40001']) expect(isDatabaseUnavailable(wrapped(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
