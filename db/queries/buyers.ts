import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Executor } from '../index';
import { buyerCounters, users } from '../schema';

const NO_COUNTS = { ratings: 0, safeYes: 0, safeNo: 0, reliableYes: 0, reliableNo: 0, raters: 0, unsafeRaters: 0, unreliableRaters: 0 };
export type BuyerCountsRow = typeof NO_COUNTS;

const buyerWithCounts = preparedQuery((db) =>
  db
    .select({
      id: users.id,
      pseudonym: users.pseudonym,
      ratings: buyerCounters.ratings,
      safeYes: buyerCounters.safeYes,
      safeNo: buyerCounters.safeNo,
      reliableYes: buyerCounters.reliableYes,
      reliableNo: buyerCounters.reliableNo,
      raters: buyerCounters.raters,
      unsafeRaters: buyerCounters.unsafeRaters,
      unreliableRaters: buyerCounters.unreliableRaters,
      lastUnsafeOn: buyerCounters.lastUnsafeOn,
    })
    .from(users)
    .leftJoin(buyerCounters, eq(buyerCounters.buyerId, users.id))
    .where(and(eq(users.pseudonymKey, sql.placeholder('key')), eq(users.role, 'buyer')))
    .prepare('buyer_with_counts'),
);

/** A buyer account by canonical pseudonym, with its counters: one indexed row, never a scan. */
export async function findBuyerWithCounts(key: string, db: Executor = getDb()) {
  const [row] = await buyerWithCounts(db).execute({ key });
  if (!row) return null;
  const { id, pseudonym, lastUnsafeOn, ...counts } = row;
  const present = counts.ratings !== null;
  return { id, pseudonym, lastUnsafeOn, counts: present ? (counts as BuyerCountsRow) : NO_COUNTS };
}

export async function findBuyerId(key: string, db: Executor = getDb()): Promise<string | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.pseudonymKey, key), eq(users.role, 'buyer')));
  return row?.id ?? null;
}
