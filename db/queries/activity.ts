import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { sellerActivityWeeks } from '../schema';

/** Marks this ISO week as one the seller was active in (no day, no time). */
export async function recordActivityWeek(userId: string, db: Executor = getDb()) {
  await db
    .insert(sellerActivityWeeks)
    .values({ userId, weekStart: sql`date_trunc('week', current_date)::date` })
    .onConflictDoNothing();
}
