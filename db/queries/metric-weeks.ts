import 'server-only';
import { asc, gte, lt, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { metricWeeks } from '../schema';

// The dashboard's stored weekly figures (see the daily job): written once a day, read per view.

export interface StoredWeek {
  week: string;
  figures: Record<string, number | null>;
  computedOn: string;
}

/** Replaces the stored figures with these weeks' and drops the weeks before them. */
export async function storeMetricWeeks(weeks: { week: string; figures: Record<string, number | null> }[], db: Executor = getDb()) {
  if (weeks.length === 0) return;
  await db.delete(metricWeeks).where(lt(metricWeeks.week, weeks[0]!.week));
  await db
    .insert(metricWeeks)
    .values(weeks.map((w) => ({ ...w, computedOn: sql`current_date` })))
    .onConflictDoUpdate({ target: metricWeeks.week, set: { figures: sql`excluded.figures`, computedOn: sql`excluded.computed_on` } });
}

/** The stored weeks from `since` on, oldest first. */
export async function storedMetricWeeks(since: string, db: Executor = getDb()): Promise<StoredWeek[]> {
  return db.select().from(metricWeeks).where(gte(metricWeeks.week, since)).orderBy(asc(metricWeeks.week));
}
