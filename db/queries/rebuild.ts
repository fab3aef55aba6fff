import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';
import { allowLongStatements } from './daily-batch';

/**
 * Recomputes the per-buyer counters and the buyer–seller pairs from the ratings themselves. The
 * app keeps them up to date rating by rating; this is for data written in bulk (demo history,
 * benchmarks), and it is what the counters are tested against. A deleted seller's anonymous flags
 * count her once per buyer (departed_rater); the pairs hold sellers still on the service. Ratings
 * folded by the retention job count from buyer_folds (a rater key: a seller's id, or her departed
 * id), and a buyer whose unsafe flags are all folded keeps the day of the latest one.
 */
export async function rebuildCounters(db: Executor = getDb()) {
  await db.transaction(async (tx) => {
    await allowLongStatements(tx);
    await tx.execute(sql`delete from buyer_seller_pairs`);
    await tx.execute(sql`
      insert into buyer_seller_pairs (buyer_id, seller_id, ratings, unsafe, unreliable, last_rated_on)
      select buyer_id, rater, sum(n), sum(unsafe), sum(unreliable), max(on_day)
      from (
        select ratee_id as buyer_id, rater_id as rater, count(*) as n, count(*) filter (where safe = false) as unsafe,
               count(*) filter (where reliable = false) as unreliable, max(created_on) as on_day
        from ratings where direction = 'seller_rates_buyer' and rater_id is not null group by 1, 2
        union all
        select buyer_id, rater_key, ratings, safe_no, reliable_no, null from buyer_folds where rater_key in (select id from users)
      ) as p
      group by buyer_id, rater`);
    const kept = await queryRows(tx, sql`select buyer_id, last_unsafe_on::text from buyer_counters where last_unsafe_on is not null`);
    await tx.execute(sql`delete from buyer_counters`);
    await tx.execute(sql`
      insert into buyer_counters (buyer_id, ratings, safe_yes, safe_no, reliable_yes, reliable_no, raters, unsafe_raters, unreliable_raters, last_unsafe_on)
      select buyer_id, sum(n), sum(safe_yes), sum(safe_no), sum(reliable_yes), sum(reliable_no),
        count(distinct rater), count(distinct rater) filter (where safe_no > 0), count(distinct rater) filter (where reliable_no > 0),
        max(unsafe_on)
      from (
        select ratee_id as buyer_id, coalesce(rater_id, departed_rater) as rater, count(*) as n,
          count(*) filter (where safe) as safe_yes, count(*) filter (where safe = false) as safe_no,
          count(*) filter (where reliable) as reliable_yes, count(*) filter (where reliable = false) as reliable_no,
          max(created_on) filter (where safe = false) as unsafe_on
        from ratings where direction = 'seller_rates_buyer' group by 1, 2
        union all
        select buyer_id, rater_key, ratings, safe_yes, safe_no, reliable_yes, reliable_no, null from buyer_folds
      ) as r
      group by buyer_id`);
    // Folded flags keep no day: a buyer whose latest unsafe flag was folded keeps the day it had.
    const days = JSON.stringify(kept);
    await tx.execute(sql`
      update buyer_counters c set last_unsafe_on = k.last_unsafe_on
      from jsonb_to_recordset(${days}::jsonb) as k(buyer_id uuid, last_unsafe_on date)
      where c.buyer_id = k.buyer_id and c.safe_no > 0 and (c.last_unsafe_on is null or c.last_unsafe_on < k.last_unsafe_on)`);
  });
}
