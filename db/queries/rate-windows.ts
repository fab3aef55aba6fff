import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { rateWindows } from '../schema';

/**
 * Takes one unit of a global fixed-window limit, atomically (one upsert), and says whether it
 * was within the limit. A refused take still counts: hammering does not buy more.
 */
export async function takeFromWindow(key: string, windowMs: number, limit: number, now: Date, db: Executor = getDb()): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateWindows)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateWindows.key, rateWindows.windowStart], set: { count: sql`${rateWindows.count} + 1` } })
    .returning({ count: rateWindows.count });
  return row!.count <= limit;
}

export async function purgeOldWindows(now: Date, olderThanMs: number, db: Executor = getDb()) {
  await db.delete(rateWindows).where(lt(rateWindows.windowStart, new Date(now.getTime() - olderThanMs)));
}
