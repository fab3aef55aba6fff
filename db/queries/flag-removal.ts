import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { appendChangelog } from './changelog';
import { buyerCounters, buyerFolds, buyerSellerPairs, publicChangelog, ratings } from '../schema';

export type FlagName = 'safe' | 'reliable';

/**
 * Removes one flag (an "unsafe" or "unreliable") from a seller's rating of this buyer after a
 * cooperative review: the flag becomes "skipped", the counters lose exactly what the flag added
 * (the rating itself still counts), and the public changelog gains a line without names. False
 * when there is no such flag (already removed, or not about this buyer).
 */
export async function removeFlag(buyerId: string, ratingId: string, flag: FlagName, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const column = flag === 'safe' ? ratings.safe : ratings.reliable;
    const [rating] = await tx
      .select({ raterId: ratings.raterId, departedRater: ratings.departedRater })
      .from(ratings)
      .where(and(eq(ratings.id, ratingId), eq(ratings.rateeId, buyerId), eq(ratings.direction, 'seller_rates_buyer'), eq(column, false)))
      .for('update');
    if (!rating) return false;
    await tx.update(ratings).set({ [flag]: null }).where(eq(ratings.id, ratingId));

    // Did this rater still flag the buyer so after the removal? Then she still counts as a flagging rater.
    let stillFlags: boolean;
    if (rating.raterId) {
      const pairColumn = flag === 'safe' ? buyerSellerPairs.unsafe : buyerSellerPairs.unreliable;
      const [pair] = await tx
        .update(buyerSellerPairs)
        .set({ [flag === 'safe' ? 'unsafe' : 'unreliable']: sql`greatest(${pairColumn} - 1, 0)` })
        .where(and(eq(buyerSellerPairs.buyerId, buyerId), eq(buyerSellerPairs.sellerId, rating.raterId)))
        .returning({ left: pairColumn });
      stillFlags = (pair?.left ?? 0) > 0;
    } else {
      // A departed seller: her remaining rows and folds under the same random id are the record.
      const departed = rating.departedRater;
      const rows = departed ? await tx.$count(ratings, and(eq(ratings.rateeId, buyerId), eq(ratings.direction, 'seller_rates_buyer'), eq(ratings.departedRater, departed), eq(column, false))) : 0;
      const foldColumn = flag === 'safe' ? buyerFolds.safeNo : buyerFolds.reliableNo;
      const folds = departed ? await tx.$count(buyerFolds, and(eq(buyerFolds.buyerId, buyerId), eq(buyerFolds.raterKey, departed), sql`${foldColumn} > 0`)) : 0;
      stillFlags = rows + folds > 0;
    }

    const raters = flag === 'safe' ? buyerCounters.unsafeRaters : buyerCounters.unreliableRaters;
    const count = flag === 'safe' ? buyerCounters.safeNo : buyerCounters.reliableNo;
    const set: Record<string, unknown> = {
      [flag === 'safe' ? 'safeNo' : 'reliableNo']: sql`greatest(${count} - 1, 0)`,
      ...(!stillFlags && { [flag === 'safe' ? 'unsafeRaters' : 'unreliableRaters']: sql`greatest(${raters} - 1, 0)` }),
    };
    if (flag === 'safe') {
      // The latest remaining unsafe flag's day; kept as it was when older flags survive only as counts.
      const latest = tx
        .select({ on: sql`max(${ratings.createdOn})` })
        .from(ratings)
        .where(and(eq(ratings.rateeId, buyerId), eq(ratings.direction, 'seller_rates_buyer'), eq(ratings.safe, false)));
      set.lastUnsafeOn = sql`coalesce((${latest}), case when ${buyerCounters.safeNo} > 1 then ${buyerCounters.lastUnsafeOn} end)`;
    }
    await tx.update(buyerCounters).set(set).where(eq(buyerCounters.buyerId, buyerId));
    await appendChangelog('flag_removed', {}, tx);
    return true;
  });
}

/** The public changelog, newest first: dates and what happened only. */
export async function publicChangelogEntries(limit = 50, db: Executor = getDb()) {
  return db.select({ changedOn: publicChangelog.changedOn, entry: publicChangelog.entry }).from(publicChangelog).where(eq(publicChangelog.entry, 'flag_removed')).orderBy(desc(publicChangelog.changedOn)).limit(limit);
}
