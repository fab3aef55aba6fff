import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';

/**
 * Recomputes the per-buyer counters and the buyer–seller pairs from the ratings themselves. The
 * app keeps them up to date rating by rating; this is for data written in bulk (demo history,
 * benchmarks), and it is what the counters are tested against. A deleted seller's anonymous flags
 * count her once per buyer (departed_rater); the pairs hold sellers still on the service.
 */
export async function rebuildCounters(db: Executor = getDb()) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from buyer_seller_pairs`);
    await tx.execute(sql`
      insert into buyer_seller_pairs (buyer_id, seller_id, ratings, unsafe, unreliable, last_rated_on)
      select ratee_id, rater_id, count(*), count(*) filter (where safe = false), count(*) filter (where reliable = false), max(created_on)
      from ratings where direction = 'seller_rates_buyer' and rater_id is not null
      group by ratee_id, rater_id`);
    await tx.execute(sql`delete from buyer_counters`);
    await tx.execute(sql`
      insert into buyer_counters (buyer_id, ratings, safe_yes, safe_no, reliable_yes, reliable_no, raters, unsafe_raters, unreliable_raters, last_unsafe_on)
      select ratee_id, count(*),
        count(*) filter (where safe), count(*) filter (where safe = false),
        count(*) filter (where reliable), count(*) filter (where reliable = false),
        count(distinct coalesce(rater_id, departed_rater)),
        count(distinct coalesce(rater_id, departed_rater)) filter (where safe = false),
        count(distinct coalesce(rater_id, departed_rater)) filter (where reliable = false),
        max(created_on) filter (where safe = false)
      from ratings where direction = 'seller_rates_buyer'
      group by ratee_id`);
  });
}
