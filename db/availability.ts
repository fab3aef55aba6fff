// Whether PostgreSQL answers, and a fast failure when it does not. postgres.js has no query
// timeout: a query sent into a silent network waits forever, so the guard below gives up on it.

import { DatabaseUnavailableError, isDatabaseUnavailable } from '@/lib/database-faults';

export interface GuardOptions {
  /** A call still pending after this long makes the guard ask the database whether it is alive. */
  deadlineMs: number;
  /** How long that question may take; no answer means down. */
  probeMs: number;
  /** While down, how often to ask again. */
  retryMs: number;
  /**
   * A single statement (not a transaction) still unanswered after this long, while the database
   * answers the probe, is on a dead connection: the server would have cancelled it by now
   * (statement_timeout). Given up on, and `onStuck` opens fresh connections.
   */
  statementCapMs: number;
}

const LATE = Symbol('late');

/** The call's result, or LATE if it has not settled within `ms`. */
async function within<T>(call: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms), LATE);
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A circuit in front of the pool: a probe that fails marks the database down, calls fail at once
 * until a background probe succeeds, and `onDown` replaces the pool (its connections may be stuck).
 * A slow call on a database that still answers the probe is waited for: busy is not down. A
 * single statement is waited for up to `statementCapMs`: longer means its connection went silent
 * (a firewall or NAT forgot it) while new ones work, and TCP alone would take a quarter of an hour.
 */
export class ConnectionGuard {
  private down = false;
  private probing: Promise<boolean> | null = null;
  private lastFault = 0;
  private lastStuck = 0;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly onDown: () => void,
    private readonly options: GuardOptions,
    private readonly onStuck: () => void = () => {},
  ) {}

  get isDown(): boolean {
    return this.down;
  }

  /** Down now, or a call failed for want of the database within the last `ms`. */
  faultedWithin(ms: number): boolean {
    return this.down || Date.now() - this.lastFault < ms;
  }

  /** `call` under the guard; `statement`: one statement, capped at `statementCapMs` (a transaction may legitimately run for minutes). */
  async run<T>(call: () => Promise<T>, statement = false): Promise<T> {
    if (this.down) throw this.fault();
    const startedAt = Date.now();
    const pending = call().catch((err: unknown) => {
      if (isDatabaseUnavailable(err)) {
        this.lastFault = Date.now();
        void this.check();
      }
      throw err;
    });
    const first = await within(pending, this.options.deadlineMs);
    if (first !== LATE) return first;
    const alive = await this.check();
    if (alive && !statement) return pending;
    if (alive) {
      const answer = await within(pending, this.options.statementCapMs - (Date.now() - startedAt));
      if (answer !== LATE) return answer;
      this.stuck();
    }
    // Given up on: the replaced pool rejects it, and nobody is waiting for that any more.
    pending.catch(() => {});
    throw this.fault();
  }

  /** Fresh connections, at most once per cap: the calls stuck together share one replacement. */
  private stuck() {
    if (Date.now() - this.lastStuck < this.options.statementCapMs) return;
    this.lastStuck = Date.now();
    console.error('[database] a statement got no answer on a live database: opening fresh connections');
    this.onStuck();
  }

  private fault() {
    this.lastFault = Date.now();
    return new DatabaseUnavailableError();
  }

  /**
   * One probe at a time, shared by every call that asks meanwhile (so a busy database gets at most one
   * extra connection). Never answered from an earlier probe: the database may have gone since.
   */
  check(): Promise<boolean> {
    this.probing ??= this.probeOnce().then((ok) => {
      this.probing = null;
      this.settle(ok);
      return ok;
    });
    return this.probing;
  }

  /**
   * The probe gets probeMs of this process's attention, counted in short steps. A step that comes
   * back late means the process itself was busy (the snapshot job scoring 100,000 buyers holds the
   * event loop for a second): the answer may be waiting unread in the socket, and a single timer
   * would fire before it is read, taking a busy process for a silent database. So a late step
   * counts as one step's time, and the answer gets a turn of the event loop after every step.
   */
  private async probeOnce(): Promise<boolean> {
    let answered: boolean | null = null;
    const answer = this.probe().then(
      () => (answered = true),
      () => (answered = false),
    );
    const step = Math.max(1, Math.min(50, this.options.probeMs));
    let spent = 0;
    while (answered === null && spent < this.options.probeMs) {
      const start = performance.now();
      await Promise.race([answer, new Promise((resolve) => setTimeout(resolve, step))]);
      // A turn of the event loop's poll phase, where a waiting answer is read.
      if (answered === null) await new Promise((resolve) => setImmediate(resolve));
      spent += Math.min(performance.now() - start, 2 * step);
    }
    return answered ?? false;
  }

  private settle(ok: boolean) {
    if (ok) {
      if (this.down) console.error('[database] reachable again');
      this.down = false;
      return;
    }
    if (this.down) return;
    this.down = true;
    // One line, no query and no parameters: they may hold pseudonyms or keyed hashes.
    console.error('[database] unreachable: answering 503 until it is back');
    this.onDown();
    this.retry();
  }

  private retry() {
    setTimeout(() => {
      void this.check().then((ok) => ok || this.retry());
    }, this.options.retryMs).unref();
  }
}
