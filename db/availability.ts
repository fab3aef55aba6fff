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
}

const LATE = Symbol('late');

/**
 * A circuit in front of the pool: a probe that fails marks the database down, calls fail at once
 * until a background probe succeeds, and `onDown` replaces the pool (its connections may be stuck).
 * A slow call on a database that still answers the probe is waited for: busy is not down.
 */
export class ConnectionGuard {
  private down = false;
  private probing: Promise<boolean> | null = null;
  private lastFault = 0;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly onDown: () => void,
    private readonly options: GuardOptions,
  ) {}

  get isDown(): boolean {
    return this.down;
  }

  /** Down now, or a call failed for want of the database within the last `ms`. */
  faultedWithin(ms: number): boolean {
    return this.down || Date.now() - this.lastFault < ms;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.down) throw this.fault();
    const pending = call().catch((err: unknown) => {
      if (isDatabaseUnavailable(err)) {
        this.lastFault = Date.now();
        void this.check();
      }
      throw err;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof LATE>((resolve) => {
      timer = setTimeout(resolve, this.options.deadlineMs, LATE);
    });
    try {
      const first = await Promise.race([pending, late]);
      if (first !== LATE) return first;
    } finally {
      clearTimeout(timer);
    }
    if (await this.check()) return pending;
    // Given up on: the replaced pool rejects it, and nobody is waiting for that any more.
    pending.catch(() => {});
    throw this.fault();
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

  private async probeOnce(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(resolve, this.options.probeMs, false);
    });
    const answer = this.probe().then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
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
