import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import type { WriteTally } from './load';

export interface TodayCounts {
  /** The database's date when counted: the run counts from it, so a run past midnight loses nothing. */
  since: string;
  codes: number;
  redeemed: number;
  sellerRatings: number;
  buyerRatings: number;
}

/** What exists dated `since` (today, by default) or later (the generated data is all older). */
export async function todayCounts(db: Db, since?: string): Promise<TodayCounts> {
  const from = since ? sql`${since}::date` : sql`current_date`;
  const [row] = await queryRows<TodayCounts>(
    db,
    sql`select ${from}::text as since,
      (select count(*)::int from verification_codes where created_on >= ${from}) as codes,
      (select count(*)::int from verification_codes where redeemed_on >= ${from}) as redeemed,
      (select count(*)::int from ratings where created_on >= ${from} and direction = 'seller_rates_buyer') as "sellerRatings",
      (select count(*)::int from ratings where created_on >= ${from} and direction = 'buyer_rates_seller') as "buyerRatings"`,
  );
  return row!;
}

/**
 * After the write load: the database holds exactly what the clients were told succeeded (nothing
 * lost, nothing twice), every returned code was redeemed and rated by its buyer (and by its seller
 * unless she was told her rating was not stored: a pair already rated today), and the buyers'
 * counters equal a recount.
 */
export async function verifyWrites(db: Db, before: TodayCounts, tally: WriteTally, buyerIds: string[]) {
  const after = await todayCounts(db, before.since);
  const ids = [...tally.codeIds];
  const list = (values: string[]) => sql.join(values.map((v) => sql`${v}::uuid`), sql`, `);
  let complete = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from verification_codes v
        where v.id in (${list(ids.slice(i, i + 1000))}) and v.redeemed_on >= ${before.since}::date and v.code_hmac is null
          and exists (select 1 from ratings r where r.code_id = v.id and r.direction = 'buyer_rates_seller')`,
    );
    complete += row!.n;
  }
  const [counters] = await queryRows<{ mismatched: number }>(
    db,
    // The rows still stored plus what the retention job folded into buyer_folds (per rater key),
    // counted as rebuildCounters counts them.
    sql`select count(*)::int as mismatched from buyer_counters c
      join (select buyer_id as ratee_id, sum(n) as n, sum(sy) as sy, sum(sn) as sn, sum(ry) as ry, sum(rn) as rn, count(distinct rater) as raters
            from (
              select ratee_id as buyer_id, coalesce(rater_id, departed_rater) as rater, count(*) as n, count(*) filter (where safe) as sy,
                     count(*) filter (where safe = false) as sn, count(*) filter (where reliable) as ry, count(*) filter (where reliable = false) as rn
              from ratings where direction = 'seller_rates_buyer' and ratee_id in (${list(buyerIds)}) group by 1, 2
              union all
              select buyer_id, rater_key, ratings, safe_yes, safe_no, reliable_yes, reliable_no from buyer_folds where buyer_id in (${list(buyerIds)})
            ) u group by buyer_id) r
        on r.ratee_id = c.buyer_id
      where (c.ratings, c.safe_yes, c.safe_no, c.reliable_yes, c.reliable_no, c.raters) is distinct from (r.n, r.sy, r.sn, r.ry, r.rn, r.raters)`,
  );
  const delta = {
    codes: after.codes - before.codes,
    redeemed: after.redeemed - before.redeemed,
    sellerRatings: after.sellerRatings - before.sellerRatings,
    buyerRatings: after.buyerRatings - before.buyerRatings,
  };
  const ok =
    delta.codes === tally.generated &&
    delta.redeemed === tally.redeemed &&
    delta.sellerRatings === tally.sellerRated &&
    delta.buyerRatings === tally.buyerRated &&
    complete === ids.length &&
    counters!.mismatched === 0;
  return { ok, client: { ...tally, codeIds: ids.length }, database: delta, completeEncounters: complete, counterMismatches: counters!.mismatched };
}
