import 'server-only';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Executor } from '../index';
import { buyerCounters, messages, users } from '../schema';

const NO_COUNTS = { ratings: 0, safeYes: 0, safeNo: 0, reliableYes: 0, reliableNo: 0, raters: 0, unsafeRaters: 0, unreliableRaters: 0 };
export type BuyerCountsRow = typeof NO_COUNTS;

const counterColumns = {
  ratings: buyerCounters.ratings,
  safeYes: buyerCounters.safeYes,
  safeNo: buyerCounters.safeNo,
  reliableYes: buyerCounters.reliableYes,
  reliableNo: buyerCounters.reliableNo,
  raters: buyerCounters.raters,
  unsafeRaters: buyerCounters.unsafeRaters,
  unreliableRaters: buyerCounters.unreliableRaters,
};

// The live warnings naming a pseudonym always make one row (an aggregate); the buyer account and
// its counters are joined to it, so a look-up of a pseudonym with or without an account is one read
// (placeholders `key`, `ref` and `day`).
export const buyerLookUpFields = {
  warnings: count().as('warnings'),
  id: users.id,
  pseudonym: users.pseudonym,
  lastUnsafeOn: buyerCounters.lastUnsafeOn,
  ...counterColumns,
};
export function buyerLookUpQuery(db: Executor) {
  const { warnings, ...joined } = buyerLookUpFields;
  const warned = db
    .select({ warnings })
    .from(messages)
    .where(and(eq(messages.kind, 'warning'), eq(messages.buyerRef, sql.placeholder('ref')), gt(messages.expiresOn, sql.placeholder('day'))))
    .as('warned');
  return db
    .select({ warnings: warned.warnings, ...joined })
    .from(warned)
    .leftJoin(users, and(eq(users.pseudonymKey, sql.placeholder('key')), eq(users.role, 'buyer')))
    .leftJoin(buyerCounters, eq(buyerCounters.buyerId, users.id));
}
const buyerLookUp = preparedQuery((db) => buyerLookUpQuery(db).prepare('buyer_look_up'));
export type BuyerLookUpRow = Awaited<ReturnType<ReturnType<typeof buyerLookUp>['execute']>>[number];

/**
 * A seller's look-up in one read: the buyer account by canonical pseudonym with its counters (null
 * without one), and the live warnings naming `warningRef` (as countWarningsAbout counts them).
 */
export async function findBuyerForLookUp(key: string, warningRef: string, now: Date, db: Executor = getDb()) {
  const [row] = await buyerLookUp(db).execute({ key, ref: warningRef, day: now.toISOString().slice(0, 10) });
  return buyerLookUpOf(row!);
}

export type BuyerLookUp = ReturnType<typeof buyerLookUpOf>;
export function buyerLookUpOf(row: BuyerLookUpRow) {
  const { warnings, id, pseudonym, lastUnsafeOn, ...counts } = row;
  const buyer = id === null || pseudonym === null ? null : { id, pseudonym, lastUnsafeOn, counts: counts.ratings !== null ? (counts as BuyerCountsRow) : NO_COUNTS };
  return { warnings: Number(warnings), buyer };
}

export async function findBuyerId(key: string, db: Executor = getDb()): Promise<string | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.pseudonymKey, key), eq(users.role, 'buyer')));
  return row?.id ?? null;
}
