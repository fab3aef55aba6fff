import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';

// Weekly aggregates for the coordinator dashboard: grouped SQL over indexed date columns, one
// row per ISO week (Monday, as text) — never the rows themselves. Counts come back as numbers.

export const WEEKS = 12;

type Week = { week: string };
const n = (v: unknown) => Number(v ?? 0);

/** The Mondays of the last WEEKS ISO weeks, oldest first, by the database's date. */
export async function lastWeeks(db: Executor = getDb()): Promise<string[]> {
  const rows = await queryRows<Week>(db, sql`
    select to_char(w, 'YYYY-MM-DD') as week
    from generate_series(date_trunc('week', current_date) - interval '${sql.raw(String(WEEKS - 1))} weeks', date_trunc('week', current_date), interval '1 week') as w`);
  return rows.map((r) => r.week);
}

const weekOf = (column: string) => sql.raw(`to_char(date_trunc('week', ${column}), 'YYYY-MM-DD')`);

/** Codes by the week they were generated: how many, by how many sellers, redeemed, rated by the seller. */
export async function codeWeeks(since: string, db: Executor = getDb()) {
  const rows = await queryRows<Week & Record<string, unknown>>(db, sql`
    select ${weekOf('c.created_on')} as week, count(*) as generated, count(distinct c.seller_id) as sellers,
           count(c.redeemed_on) as redeemed, count(r.id) as seller_rated
    from verification_codes c
    left join ratings r on r.code_id = c.id and r.direction = 'seller_rates_buyer'
    where c.created_on >= ${since}::date
    group by 1`);
  return rows.map((r) => ({ week: r.week, generated: n(r.generated), sellers: n(r.sellers), redeemed: n(r.redeemed), sellerRated: n(r.seller_rated) }));
}

/** Redemptions by the week they happened, by how many buyers, and how many the buyer then rated. */
export async function redemptionWeeks(since: string, db: Executor = getDb()) {
  const rows = await queryRows<Week & Record<string, unknown>>(db, sql`
    select ${weekOf('c.redeemed_on')} as week, count(*) as redeemed, count(distinct c.redeemed_by) as buyers, count(r.id) as buyer_rated
    from verification_codes c
    left join ratings r on r.code_id = c.id and r.direction = 'buyer_rates_seller'
    where c.redeemed_on >= ${since}::date
    group by 1`);
  return rows.map((r) => ({ week: r.week, redeemed: n(r.redeemed), buyers: n(r.buyers), buyerRated: n(r.buyer_rated) }));
}

/** Unsafe flags by week, and from how many distinct sellers. */
export async function unsafeFlagWeeks(since: string, db: Executor = getDb()) {
  const rows = await queryRows<Week & Record<string, unknown>>(db, sql`
    select ${weekOf('created_on')} as week, count(*) as flags, count(distinct rater_id) as sellers
    from ratings
    where direction = 'seller_rates_buyer' and safe = false and created_on >= ${since}::date
    group by 1`);
  return rows.map((r) => ({ week: r.week, flags: n(r.flags), sellers: n(r.sellers) }));
}

/** Buyers flagged unsafe by at least two distinct sellers up to the end of each week (a count, never who). */
export async function repeatOffenderWeeks(weeks: string[], db: Executor = getDb()) {
  const rows = await queryRows<Week & Record<string, unknown>>(db, sql`
    select to_char(w.week, 'YYYY-MM-DD') as week, count(o.ratee_id) as buyers
    from unnest(${`{${weeks.join(',')}}`}::date[]) as w(week)
    left join lateral (
      select buyer_id as ratee_id from (
        select ratee_id as buyer_id, coalesce(rater_id, departed_rater) as rater from ratings
        where direction = 'seller_rates_buyer' and safe = false and created_on < w.week + 7
        -- Folded flags are older than the retention window, so older than every week shown.
        union all select buyer_id, rater_key from buyer_folds where safe_no > 0
      ) as f
      -- A deleted seller's flags still count her, once per buyer (departed_rater).
      group by buyer_id having count(distinct rater) >= 2
    ) o on true
    group by w.week`);
  return rows.map((r) => ({ week: r.week, buyers: n(r.buyers) }));
}

/** Seller sign-ups through invites, by the week the invite was used. */
export async function signUpWeeks(since: string, db: Executor = getDb()) {
  const rows = await queryRows<Week & Record<string, unknown>>(db, sql`
    select ${weekOf('used_on')} as week, count(*) as sign_ups from invites where used_on >= ${since}::date group by 1`);
  return rows.map((r) => ({ week: r.week, signUps: n(r.sign_ups) }));
}

/**
 * Per week: sellers active that week, and retention — of the sellers active in the four weeks
 * before the current four-week window, how many are active within it.
 */
export async function activityWeeks(weeks: string[], db: Executor = getDb()) {
  const rows = await queryRows<Week & Record<string, unknown>>(db, sql`
    select to_char(w.week, 'YYYY-MM-DD') as week,
      (select count(*) from seller_activity_weeks a where a.week_start = w.week) as active,
      count(distinct p.user_id) as before,
      count(distinct p.user_id) filter (where exists (
        select 1 from seller_activity_weeks c
        where c.user_id = p.user_id and c.week_start between w.week - 21 and w.week)) as retained
    from unnest(${`{${weeks.join(',')}}`}::date[]) as w(week)
    left join seller_activity_weeks p on p.week_start between w.week - 49 and w.week - 28
    group by w.week`);
  return rows.map((r) => ({ week: r.week, active: n(r.active), before: n(r.before), retained: n(r.retained) }));
}
