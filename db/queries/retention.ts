import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { type Executor } from '../index';
import { buyerCounters, sellerCounters } from '../schema';

// The retention job's SQL (lib/retention/fold.ts runs it in one transaction). An encounter is
// "old" when its code was generated more than `days` days ago: its ratings go with it.

const old = (days: number) => sql`c.created_on < current_date - ${Math.trunc(days)}::int`;

/**
 * Adds the old seller→buyer ratings to buyer_folds, per buyer and rater (a deleted seller's
 * ratings under their departed_rater id). The buyer's counters already hold them and stay as they are.
 */
export async function foldBuyerRatings(days: number, tx: Executor) {
  await tx.execute(sql`
    insert into buyer_folds as f (buyer_id, rater_key, ratings, safe_yes, safe_no, reliable_yes, reliable_no)
    select r.ratee_id, coalesce(r.rater_id, r.departed_rater), count(*),
      count(*) filter (where r.safe), count(*) filter (where r.safe = false),
      count(*) filter (where r.reliable), count(*) filter (where r.reliable = false)
    from ratings r join verification_codes c on c.id = r.code_id
    where ${old(days)} and r.direction = 'seller_rates_buyer' and coalesce(r.rater_id, r.departed_rater) is not null
    group by 1, 2
    on conflict (buyer_id, rater_key) do update set
      ratings = f.ratings + excluded.ratings,
      safe_yes = f.safe_yes + excluded.safe_yes, safe_no = f.safe_no + excluded.safe_no,
      reliable_yes = f.reliable_yes + excluded.reliable_yes, reliable_no = f.reliable_no + excluded.reliable_no`);
}

export interface OldSellerRatings {
  sellerId: string;
  raterId: string | null;
  /** Ratings with at least one flag. */
  rated: number;
  safeYes: number; safeNo: number;
  reliableYes: number; reliableNo: number;
}

/** The old buyer→seller ratings, counted per seller and rater (the rater's weight is applied by the caller). */
export async function oldSellerRatings(days: number, tx: Executor): Promise<OldSellerRatings[]> {
  const rows = await queryRows<Record<string, unknown>>(tx, sql`
    select r.ratee_id as seller_id, r.rater_id,
      count(*) filter (where r.safe is not null or r.reliable is not null) as rated,
      count(*) filter (where r.safe) as safe_yes, count(*) filter (where r.safe = false) as safe_no,
      count(*) filter (where r.reliable) as reliable_yes, count(*) filter (where r.reliable = false) as reliable_no
    from ratings r join verification_codes c on c.id = r.code_id
    where ${old(days)} and r.direction = 'buyer_rates_seller'
    group by 1, 2`);
  return rows.map((r) => ({
    sellerId: String(r.seller_id),
    raterId: r.rater_id == null ? null : String(r.rater_id),
    rated: Number(r.rated),
    safeYes: Number(r.safe_yes),
    safeNo: Number(r.safe_no),
    reliableYes: Number(r.reliable_yes),
    reliableNo: Number(r.reliable_no),
  }));
}

/** The counters of some buyers (the raters whose weight is being frozen). */
export async function countersOf(buyerIds: string[], tx: Executor) {
  const rows = [];
  for (let i = 0; i < buyerIds.length; i += 5000) {
    rows.push(...(await tx.select().from(buyerCounters).where(inArray(buyerCounters.buyerId, buyerIds.slice(i, i + 5000)))));
  }
  return rows;
}

export interface SellerFold {
  sellerId: string;
  ratings: number;
  weight: number;
  safeYes: number; safeNo: number;
  reliableYes: number; reliableNo: number;
}

/** Adds frozen weighted sums to the sellers' counters (one JSON parameter per few thousand). */
export async function addSellerCounters(rows: SellerFold[], tx: Executor) {
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = JSON.stringify(rows.slice(i, i + 5000).map((r) => ({
      seller_id: r.sellerId, ratings: r.ratings, weight: r.weight,
      safe_yes: r.safeYes, safe_no: r.safeNo, reliable_yes: r.reliableYes, reliable_no: r.reliableNo,
    })));
    await tx.execute(sql`
      insert into seller_counters as s (seller_id, ratings, weight, safe_yes, safe_no, reliable_yes, reliable_no)
      select * from jsonb_to_recordset(${batch}::jsonb)
        as t(seller_id uuid, ratings int, weight float8, safe_yes float8, safe_no float8, reliable_yes float8, reliable_no float8)
      on conflict (seller_id) do update set
        ratings = s.ratings + excluded.ratings, weight = s.weight + excluded.weight,
        safe_yes = s.safe_yes + excluded.safe_yes, safe_no = s.safe_no + excluded.safe_no,
        reliable_yes = s.reliable_yes + excluded.reliable_yes, reliable_no = s.reliable_no + excluded.reliable_no`);
  }
}

/**
 * Deletes the old encounters (their ratings cascade) and forgets old pair dates, which only the
 * once-a-day limit reads. Returns how many encounters went.
 */
export async function deleteOldEncounters(days: number, tx: Executor): Promise<number> {
  await tx.execute(sql`update buyer_seller_pairs set last_rated_on = null where last_rated_on < current_date - ${Math.trunc(days)}::int`);
  const [row] = await queryRows<{ n: number }>(tx, sql`
    with gone as (delete from verification_codes c where ${old(days)} returning 1) select count(*)::int as n from gone`);
  return Number(row?.n ?? 0);
}

/** Folded sums of some sellers, for their release. */
export async function sellerCountersOf(sellerIds: string[], tx: Executor) {
  if (sellerIds.length === 0) return [];
  const rows = await tx.select().from(sellerCounters).where(inArray(sellerCounters.sellerId, sellerIds));
  return rows.map((r) => ({ ...r, weight: Number(r.weight), safeYes: Number(r.safeYes), safeNo: Number(r.safeNo), reliableYes: Number(r.reliableYes), reliableNo: Number(r.reliableNo) }));
}
