import 'server-only';
import { aliasedTable, and, desc, eq, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { ratings, users, verificationCodes as codes } from '../schema';

export async function insertCode(
  values: { id: string; sellerId: string; boundBuyerId: string | null; codeHmac: string; codeCiphertext: string; days: number },
  db: Executor = getDb(),
) {
  const { days, ...row } = values;
  const [inserted] = await db
    .insert(codes)
    .values({ ...row, expiresOn: sql`current_date + ${sql.raw(String(Math.trunc(days)))}` })
    .onConflictDoNothing()
    .returning({ id: codes.id, createdOn: codes.createdOn, expiresOn: codes.expiresOn });
  return inserted ?? null; // null: the HMAC collided with a live code; draw again
}

const bound = aliasedTable(users, 'bound');
const redeemer = aliasedTable(users, 'redeemer');
const sellerRating = aliasedTable(ratings, 'seller_rating');

/** The seller's own encounters, newest first, with the buyer's pseudonym where it is known. */
export async function listSellerCodes(sellerId: string, limit = 100, db: Executor = getDb()) {
  return db
    .select({
      id: codes.id,
      createdOn: codes.createdOn,
      expiresOn: codes.expiresOn,
      redeemedOn: codes.redeemedOn,
      codeCiphertext: codes.codeCiphertext,
      boundBuyer: bound.pseudonym,
      redeemedBy: redeemer.pseudonym,
      buyerKnown: sql<boolean>`coalesce(${codes.boundBuyerId}, ${codes.redeemedBy}) is not null`,
      // The database's date decides, as it does for redemption.
      expired: sql<boolean>`${codes.expiresOn} < current_date`,
      rated: sql<boolean>`${sellerRating.id} is not null`,
    })
    .from(codes)
    .leftJoin(bound, eq(bound.id, codes.boundBuyerId))
    .leftJoin(redeemer, eq(redeemer.id, codes.redeemedBy))
    .leftJoin(sellerRating, and(eq(sellerRating.codeId, codes.id), eq(sellerRating.direction, 'seller_rates_buyer')))
    .where(eq(codes.sellerId, sellerId))
    .orderBy(desc(codes.createdOn), desc(codes.id))
    .limit(limit);
}

/** One of the seller's encounters that she may still rate: buyer known, within the code's 30 days. */
export async function findRateableEncounter(sellerId: string, codeId: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ id: codes.id, buyerId: sql<string | null>`coalesce(${codes.boundBuyerId}, ${codes.redeemedBy})` })
    .from(codes)
    .where(and(eq(codes.id, codeId), eq(codes.sellerId, sellerId), gte(codes.expiresOn, sql`current_date`)));
  return row ?? null;
}

/**
 * Redeems a live code for this buyer, atomically (of many concurrent attempts one wins) and
 * forgets its value. Null for wrong, used, expired, own and other buyers' codes alike.
 */
export async function claimCode(codeHmac: string, buyerId: string, db: Executor = getDb()) {
  const [row] = await db
    .update(codes)
    .set({ redeemedBy: buyerId, redeemedOn: sql`current_date`, codeHmac: null, codeCiphertext: null })
    .where(
      and(
        eq(codes.codeHmac, codeHmac),
        isNull(codes.redeemedBy),
        gte(codes.expiresOn, sql`current_date`),
        or(isNull(codes.boundBuyerId), eq(codes.boundBuyerId, buyerId)),
        sql`${codes.sellerId} <> ${buyerId}`,
      ),
    )
    .returning({ id: codes.id, sellerId: codes.sellerId });
  return row ?? null;
}

/** Codes the buyer redeemed, newest first, with the seller's pseudonym and whether the buyer rated. */
export async function listBuyerRedemptions(buyerId: string, limit = 50, db: Executor = getDb()) {
  const buyerRating = aliasedTable(ratings, 'buyer_rating');
  return db
    .select({
      id: codes.id,
      redeemedOn: codes.redeemedOn,
      seller: users.pseudonym,
      rated: sql<boolean>`${buyerRating.id} is not null`,
    })
    .from(codes)
    .innerJoin(users, eq(users.id, codes.sellerId))
    .leftJoin(buyerRating, and(eq(buyerRating.codeId, codes.id), eq(buyerRating.direction, 'buyer_rates_seller')))
    .where(eq(codes.redeemedBy, buyerId))
    .orderBy(desc(codes.redeemedOn), desc(codes.id))
    .limit(limit);
}

export async function findRedemption(buyerId: string, codeId: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ id: codes.id, sellerId: users.id, seller: users.pseudonym })
    .from(codes)
    .innerJoin(users, eq(users.id, codes.sellerId))
    .where(and(eq(codes.id, codeId), eq(codes.redeemedBy, buyerId)));
  return row ?? null;
}

/** Expired codes keep no recoverable value (and free their HMAC for new codes). */
export async function forgetExpiredCodes(db: Executor = getDb()) {
  await db
    .update(codes)
    .set({ codeHmac: null, codeCiphertext: null })
    .where(and(lt(codes.expiresOn, sql`current_date`), or(isNotNull(codes.codeHmac), isNotNull(codes.codeCiphertext))));
}
