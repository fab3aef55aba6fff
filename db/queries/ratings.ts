import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Flag } from '@/lib/trust';
import { getDb, type Executor } from '../index';
import { buyerCounters, buyerSellerPairs, ratings } from '../schema';

export interface Flags {
  safe: Flag;
  reliable: Flag;
}

const n = (b: boolean) => (b ? 1 : 0);

/**
 * A seller's rating of a buyer, with the pair and buyer counters, in one transaction.
 * 'duplicate' when the encounter is already rated (the unique index decides races);
 * 'daily' when she already rated this buyer today.
 */
export async function insertSellerRating(
  input: { codeId: string; sellerId: string; buyerId: string } & Flags,
  db: Executor = getDb(),
): Promise<'ok' | 'duplicate' | 'daily'> {
  const { codeId, sellerId, buyerId, safe, reliable } = input;
  try {
    return await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(ratings)
        .values({ codeId, direction: 'seller_rates_buyer', raterId: sellerId, rateeId: buyerId, safe, reliable })
        .onConflictDoNothing()
        .returning({ id: ratings.id });
      if (inserted.length === 0) return 'duplicate';

      const unsafe = n(safe === false);
      const unreliable = n(reliable === false);
      const pair = await tx
        .insert(buyerSellerPairs)
        .values({ buyerId, sellerId, ratings: 1, unsafe, unreliable, lastRatedOn: sql`current_date` })
        .onConflictDoUpdate({
          target: [buyerSellerPairs.buyerId, buyerSellerPairs.sellerId],
          set: {
            ratings: sql`${buyerSellerPairs.ratings} + 1`,
            unsafe: sql`${buyerSellerPairs.unsafe} + ${unsafe}`,
            unreliable: sql`${buyerSellerPairs.unreliable} + ${unreliable}`,
            lastRatedOn: sql`current_date`,
          },
          // At most one rated encounter per seller–buyer pair per calendar day (null: forgotten, long ago).
          setWhere: sql`${buyerSellerPairs.lastRatedOn} is null or ${buyerSellerPairs.lastRatedOn} < current_date`,
        })
        .returning({ ratings: buyerSellerPairs.ratings, unsafe: buyerSellerPairs.unsafe, unreliable: buyerSellerPairs.unreliable });
      const p = pair[0];
      if (!p) throw new DailyLimit(); // undoes the rating insert too
      const delta = {
        ratings: 1,
        safeYes: n(safe === true),
        safeNo: unsafe,
        reliableYes: n(reliable === true),
        reliableNo: unreliable,
        raters: n(p.ratings === 1),
        unsafeRaters: n(unsafe === 1 && p.unsafe === 1),
        unreliableRaters: n(unreliable === 1 && p.unreliable === 1),
      };
      const add = (column: keyof typeof delta) => sql`${buyerCounters[column]} + ${delta[column]}`;
      const lastUnsafeOn = unsafe ? sql`current_date` : undefined;
      await tx
        .insert(buyerCounters)
        .values({ buyerId, ...delta, ...(lastUnsafeOn && { lastUnsafeOn }) })
        .onConflictDoUpdate({
          target: buyerCounters.buyerId,
          set: { ...Object.fromEntries(Object.keys(delta).map((k) => [k, add(k as keyof typeof delta)])), ...(lastUnsafeOn && { lastUnsafeOn }) },
        });
      return 'ok' as const;
    });
  } catch (e) {
    if (e instanceof DailyLimit) return 'daily';
    throw e;
  }
}

class DailyLimit extends Error {}

/** A buyer's rating of a seller: once per redeemed code. */
export async function insertBuyerRating(
  input: { codeId: string; buyerId: string; sellerId: string } & Flags,
  db: Executor = getDb(),
): Promise<'ok' | 'duplicate'> {
  const inserted = await db
    .insert(ratings)
    .values({ codeId: input.codeId, direction: 'buyer_rates_seller', raterId: input.buyerId, rateeId: input.sellerId, safe: input.safe, reliable: input.reliable })
    .onConflictDoNothing()
    .returning({ id: ratings.id });
  return inserted.length > 0 ? 'ok' : 'duplicate';
}

/** Whether an encounter has a rating in one direction. */
export async function isRated(codeId: string, direction: 'seller_rates_buyer' | 'buyer_rates_seller', db: Executor = getDb()) {
  return (await db.$count(ratings, and(eq(ratings.codeId, codeId), eq(ratings.direction, direction)))) > 0;
}
