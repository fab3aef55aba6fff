import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { buyerCounters, ratings, scoreSnapshots, snapshotSchedule, users } from '../schema';

export async function allBuyerCounters(db: Executor = getDb()) {
  return db.select().from(buyerCounters);
}

export async function allSellerIds(db: Executor = getDb()) {
  return (await db.select({ id: users.id }).from(users).where(eq(users.role, 'seller'))).map((r) => r.id);
}

/** Every buyer→seller rating with the rating buyer's current counters (for the influence weight). */
export async function allSellerRatingsWithRaterCounts(db: Executor = getDb()) {
  return db
    .select({
      sellerId: ratings.rateeId,
      safe: ratings.safe,
      reliable: ratings.reliable,
      ratings: buyerCounters.ratings,
      safeYes: buyerCounters.safeYes,
      safeNo: buyerCounters.safeNo,
      reliableYes: buyerCounters.reliableYes,
      reliableNo: buyerCounters.reliableNo,
    })
    .from(ratings)
    .leftJoin(buyerCounters, eq(buyerCounters.buyerId, ratings.raterId))
    .where(eq(ratings.direction, 'buyer_rates_seller'));
}

export async function saveSnapshots(rows: { userId: string; score: unknown }[], db: Executor = getDb()) {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insert(scoreSnapshots)
        .values(rows.slice(i, i + 1000).map((r) => ({ ...r, takenOn: sql`current_date` })))
        .onConflictDoUpdate({ target: scoreSnapshots.userId, set: { score: sql`excluded.score`, takenOn: sql`excluded.taken_on` } });
    }
  });
}

export async function getSnapshot(userId: string, db: Executor = getDb()) {
  const [row] = await db.select({ score: scoreSnapshots.score, takenOn: scoreSnapshots.takenOn }).from(scoreSnapshots).where(eq(scoreSnapshots.userId, userId));
  return row ?? null;
}

/** A seller by pseudonym, for her public page: member-since date and her snapshot, nothing else. */
export async function findPublicSeller(key: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ pseudonym: users.pseudonym, memberSince: users.memberSince, score: scoreSnapshots.score, takenOn: scoreSnapshots.takenOn })
    .from(users)
    .leftJoin(scoreSnapshots, eq(scoreSnapshots.userId, users.id))
    .where(and(eq(users.pseudonymKey, key), eq(users.role, 'seller')));
  return row ?? null;
}

/**
 * Claims the snapshot run when it is due (or has never been scheduled), moving the next due
 * time on in the same statement, so two servers never both run it.
 */
export async function claimDueSnapshot(now: Date, next: Date, db: Executor = getDb()): Promise<boolean> {
  await db.insert(snapshotSchedule).values({ id: 1, nextDueAt: now }).onConflictDoNothing();
  const claimed = await db
    .update(snapshotSchedule)
    .set({ nextDueAt: next })
    .where(and(eq(snapshotSchedule.id, 1), lte(snapshotSchedule.nextDueAt, now)))
    .returning({ id: snapshotSchedule.id });
  return claimed.length > 0;
}

export async function setNextSnapshot(next: Date, db: Executor = getDb()) {
  await db
    .insert(snapshotSchedule)
    .values({ id: 1, nextDueAt: next })
    .onConflictDoUpdate({ target: snapshotSchedule.id, set: { nextDueAt: next } });
}
