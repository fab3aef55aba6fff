import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/client';
import { sellerCountersOf } from '@/db/queries/retention';
import { sellerScoreWithFolded } from '@/lib/retention/seller-fold';
import { buyerScoreFromCounts, type Flag, type SellerRating, type SellerScore } from '@/lib/trust';
import { prng, type TestUser } from './screening-support';

// Encounters written directly with chosen dates (the services always write today's).

export const WINDOW = 180;

const flag = (r: ReturnType<typeof prng>): Flag => [true, true, true, false, null][r.int(5)]!;

/** One encounter `daysAgo` days ago, rated in either direction or both. */
export async function oldEncounter(
  db: Executor,
  e: { seller: TestUser; buyer: TestUser; daysAgo: number; bySeller?: [Flag, Flag]; byBuyer?: [Flag, Flag]; released?: boolean },
) {
  const [code] = await queryRows<{ id: string }>(db, sql`
    insert into verification_codes (seller_id, bound_buyer_id, redeemed_by, created_on, expires_on, redeemed_on)
    values (${e.seller.id}, ${e.buyer.id}, ${e.buyer.id}, current_date - ${e.daysAgo}::int, current_date - ${e.daysAgo}::int + 30, current_date - ${e.daysAgo}::int)
    returning id`);
  const rate = async (direction: string, rater: string, ratee: string, [safe, reliable]: [Flag, Flag]) =>
    db.execute(sql`
      insert into ratings (code_id, direction, rater_id, ratee_id, safe, reliable, created_on, released)
      values (${code!.id}, ${direction}::rating_direction, ${rater}, ${ratee}, ${safe}, ${reliable}, current_date - ${e.daysAgo}::int, ${e.released ?? true})`);
  if (e.bySeller) await rate('seller_rates_buyer', e.seller.id, e.buyer.id, e.bySeller);
  if (e.byBuyer) await rate('buyer_rates_seller', e.buyer.id, e.seller.id, e.byBuyer);
  return code!.id;
}

/** A seeded history over 400 days: most encounters rated both ways, some flags skipped. */
export async function randomHistory(db: Executor, sellers: TestUser[], buyers: TestUser[], count: number, seed: number) {
  const r = prng(seed);
  for (let i = 0; i < count; i++) {
    const seller = sellers[r.int(sellers.length)]!;
    const buyer = buyers[r.int(buyers.length)]!;
    const daysAgo = 1 + r.int(400); // never today: the tests own today's ratings
    await oldEncounter(db, {
      seller,
      buyer,
      daysAgo,
      bySeller: r.next() < 0.85 ? [flag(r), flag(r)] : undefined,
      byBuyer: r.next() < 0.7 ? [flag(r), flag(r)] : undefined,
    });
  }
}

/** Every buyer's counters, as a look-up reads them. */
export async function allCounters(db: Executor) {
  return queryRows<Record<string, unknown>>(db, sql`
    select buyer_id, ratings, safe_yes, safe_no, reliable_yes, reliable_no, raters, unsafe_raters, unreliable_raters, last_unsafe_on::text
    from buyer_counters order by buyer_id`);
}

/** The pairs without their dates (which the job forgets once old). */
export async function allPairs(db: Executor) {
  return queryRows<Record<string, unknown>>(db, sql`
    select buyer_id, seller_id, ratings, unsafe, unreliable from buyer_seller_pairs order by buyer_id, seller_id`);
}

/** Each seller's live score as the weekly release computes it (current influences, folded sums). */
export async function sellerScores(db: Executor, sellerIds: string[]): Promise<Map<string, SellerScore>> {
  const influence = new Map(
    (await queryRows<{ buyer_id: string; ratings: number; safe_yes: number; safe_no: number; reliable_yes: number; reliable_no: number }>(
      db,
      sql`select buyer_id, ratings, safe_yes, safe_no, reliable_yes, reliable_no from buyer_counters`,
    )).map((c) => [c.buyer_id, buyerScoreFromCounts({ ratings: c.ratings, safeYes: c.safe_yes, safeNo: c.safe_no, reliableYes: c.reliable_yes, reliableNo: c.reliable_no }).influence]),
  );
  const rows = await queryRows<{ ratee_id: string; rater_id: string | null; safe: Flag; reliable: Flag }>(
    db,
    sql`select ratee_id, rater_id, safe, reliable from ratings where direction = 'buyer_rates_seller'`,
  );
  const folded = new Map((await sellerCountersOf(sellerIds, db)).map((c) => [c.sellerId, c]));
  const out = new Map<string, SellerScore>();
  for (const id of sellerIds) {
    const list: SellerRating[] = rows
      .filter((r) => r.ratee_id === id)
      .map((r) => ({ safe: r.safe, reliable: r.reliable, raterInfluence: (r.rater_id && influence.get(r.rater_id)) || 0 }));
    out.set(id, sellerScoreWithFolded(list, folded.get(id)));
  }
  return out;
}

/** How many encounters (codes) and ratings are older than the window. */
export async function olderThanWindow(db: Executor, days = WINDOW) {
  const [row] = await queryRows<{ codes: number; ratings: number; pairs: number }>(db, sql`
    select (select count(*)::int from verification_codes where created_on < current_date - ${days}::int
              or redeemed_on < current_date - ${days}::int) as codes,
           (select count(*)::int from ratings where created_on < current_date - ${days}::int) as ratings,
           (select count(*)::int from buyer_seller_pairs where last_rated_on < current_date - ${days}::int) as pairs`);
  return { codes: Number(row!.codes), ratings: Number(row!.ratings), pairs: Number(row!.pairs) };
}
