import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

/** The shape of the generated data: how skewed the ratings per buyer are, how concentrated the unsafe flags. */
export async function distribution(db: Db) {
  const [row] = await queryRows<Record<'p50' | 'p90' | 'p99' | 'max' | 'buyersWith100' | 'unsafeShareTop5', number>>(
    db,
    sql`with c as (
        select coalesce(c.ratings, 0) as ratings, coalesce(c.safe_no, 0) as unsafe
        from users u left join buyer_counters c on c.buyer_id = u.id where u.role = 'buyer'
      ), ranked as (
        select unsafe, row_number() over (order by unsafe desc) as rank, count(*) over () as total from c
      )
      select
        (select percentile_disc(0.5) within group (order by ratings) from c)::int as "p50",
        (select percentile_disc(0.9) within group (order by ratings) from c)::int as "p90",
        (select percentile_disc(0.99) within group (order by ratings) from c)::int as "p99",
        (select max(ratings) from c)::int as "max",
        (select count(*) from c where ratings >= 100)::int as "buyersWith100",
        (select coalesce(sum(unsafe) filter (where rank <= total * 0.05) / nullif(sum(unsafe), 0)::float8, 0) from ranked) as "unsafeShareTop5"`,
  );
  return row!;
}
