import 'server-only';
import { eq, lt } from 'drizzle-orm';
import { afterFailure, waitBeforeAttempt, WINDOW_MS } from '@/lib/accounts/throttle';
import { getDb, type Executor } from '../index';
import { signInThrottle } from '../schema';

/**
 * Counts an attempt before it is evaluated (and forgets it on success), so that parallel
 * attempts cannot slip past the limit. Returns the wait in ms when the attempt is refused.
 */
export async function reserveAttempt(key: string, now: Date, db: Executor = getDb()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .insert(signInThrottle)
      .values({ key, failures: 0, windowStartedAt: now })
      .onConflictDoNothing();
    const [state] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).for('update');
    const current = state && state.failures > 0 ? state : null;
    const wait = waitBeforeAttempt(current, now);
    if (wait > 0) return wait;
    const next = afterFailure(current, now);
    await tx.update(signInThrottle).set(next).where(eq(signInThrottle.key, key));
    return 0;
  });
}

export async function forgetAttempts(key: string, db: Executor = getDb()) {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

export async function purgeStaleThrottles(now: Date, db: Executor = getDb()) {
  await db.delete(signInThrottle).where(lt(signInThrottle.windowStartedAt, new Date(now.getTime() - 2 * WINDOW_MS)));
}
