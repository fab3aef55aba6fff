import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '@/db/client';
import { allowLongStatements } from '@/db/queries/daily-batch';
import { rebuildCounters } from '@/db/queries/rebuild';
import { giveLiveCodesValues } from './live-codes';
import { writeReports } from './reports';

// Synthetic data at scale, written in bulk by the database itself (INSERT … SELECT over
// generate_series), through the app's own tables and with its invariants:
// - every rating belongs to an encounter (a verification code) of that seller and buyer;
// - a buyer has at most one encounter per day, so no seller rates a buyer twice in a day;
// - buyer ratings only for redeemed codes, within the code's 30 days; unbound codes only once redeemed;
// - every rating has at least one yes/no flag; counters and pairs are rebuilt from the ratings;
// - codes still live today carry a real HMAC and sealed value (giveLiveCodesValues), so the
//   write path has to draw around them as it would in production.
// Most buyers have a few encounters, a few have hundreds (a Pareto tail); ~5 % of the buyers are
// "risky" and draw most of the unsafe flags. Everything happens before today, so a benchmark's
// writes are told apart by date.

export interface BenchSize {
  sellers: number;
  buyers: number;
  ratings: number;
}

export type Progress = (step: string, done: number, total: number) => void;

export const BENCH_PASSWORD = 'bench passphrase for synthetic accounts';
export const sellerName = (i: number) => `bench-s${i}`;
export const buyerName = (i: number) => `bench-b${i}`;
export const COORDINATOR = 'bench-c1';

/** Ratings per encounter: the seller rates 90 %, 70 % are redeemed and 80 % of those rated by the buyer. */
const RATINGS_PER_ENCOUNTER = 0.9 + 0.7 * 0.8;
/**
 * Within the retention window (RETENTION_DAYS, 180 by default): a running service keeps only that
 * much history as rows and folds older encounters into counters, as the server's first daily job
 * would do to older generated data, in the middle of a benchmark.
 */
const HISTORY_DAYS = 175;
/** Below HISTORY_DAYS, so every encounter of a buyer falls on its own day. */
const MAX_PER_BUYER = 170;
const BATCHES = 40;

const id = (kind: 'seller' | 'buyer', index: unknown) => sql`md5(${`bench-${kind}-`}::text || ${index})::uuid`;
const DAYS = sql.raw(String(HISTORY_DAYS));

/** Fills an empty (or bench-only, reset) database; returns the row counts written. */
export async function generateBenchData(db: Db, size: BenchSize, passwordHash: string, progress: Progress = () => {}) {
  const encounters = Math.round(size.ratings / RATINGS_PER_ENCOUNTER);
  progress('accounts', 0, 1);
  await db.execute(sql`
    insert into users (id, pseudonym, pseudonym_key, role, password_hash, member_since)
    select ${id('seller', sql`i`)}, 'bench-s' || i, 'bench-s' || i, 'seller', ${passwordHash}, current_date - ${HISTORY_DAYS + 30}::int
    from generate_series(1, ${size.sellers}::int) i`);
  await db.execute(sql`
    insert into users (id, pseudonym, pseudonym_key, role, password_hash, member_since)
    select ${id('buyer', sql`i`)}, 'bench-b' || i, 'bench-b' || i, 'buyer', ${passwordHash}, current_date - ${HISTORY_DAYS + 30}::int
    from generate_series(1, ${size.buyers}::int) i`);
  // One coordinator, for the dashboard's page weight.
  await db.execute(sql`
    insert into users (pseudonym, pseudonym_key, role, password_hash) values (${COORDINATOR}, ${COORDINATOR}, 'coordinator', ${passwordHash})`);
  progress('accounts', 1, 1);

  await planBuyers(db, size.buyers, encounters);
  const step = Math.ceil(size.buyers / BATCHES);
  for (let from = 1, batch = 0; from <= size.buyers; from += step, batch++) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select setseed(${(batch + 1) / (BATCHES + 2)}::float8)`);
      await writeEncounters(tx, size.sellers, from, Math.min(size.buyers, from + step - 1));
    });
    progress('encounters', Math.min(size.buyers, from + step - 1), size.buyers);
  }
  await db.execute(sql`drop table bench_enc`);
  await db.execute(sql`drop table bench_plan`);

  return finishBenchData(db, size, progress);
}

/**
 * After the encounters: counters, activity, live codes, reports, statistics. One transaction
 * without the requests' 30 s statement limit (at ten times the data a statement reads millions of rows).
 */
export async function finishBenchData(db: Db, size: BenchSize, progress: Progress = () => {}) {
  return db.transaction(async (tx) => {
    await allowLongStatements(tx);
    progress('counters', 0, 1);
    await rebuildCounters(tx);
    await tx.execute(sql`
      insert into seller_activity_weeks (user_id, week_start)
      select distinct seller_id, date_trunc('week', created_on)::date from verification_codes where seller_id is not null
      on conflict do nothing`);
    await tx.execute(sql`
      update users u set last_active = x.day
      from (select seller_id, max(created_on) as day from verification_codes group by seller_id) x
      where u.id = x.seller_id`);
    progress('counters', 1, 1);

    const live = await giveLiveCodesValues(tx, progress);
    progress('reports', 0, 1);
    await writeReports(tx, size.ratings);
    progress('reports', 1, 1);
    progress('analyze', 0, 1);
    await tx.execute(sql`analyze`);
    progress('analyze', 1, 1);
    return { ...(await countRows(tx)), liveCodes: live };
  });
}

/** How many encounters each buyer has (Pareto, α = 1.1, capped), and which buyers are risky. */
async function planBuyers(db: Db, buyers: number, encounters: number) {
  await db.execute(sql`create unlogged table bench_plan (idx int primary key, n int not null, risky boolean not null, w float8 not null)`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.5)`);
    await tx.execute(sql`
      insert into bench_plan (idx, n, risky, w)
      select i, 0, random() < 0.05, least(500, power(1 - random(), -1 / 1.1)) from generate_series(1, ${buyers}::int) i`);
  });
  await db.execute(sql`update bench_plan set n = least(${MAX_PER_BUYER}::int, round(w * ${encounters}::int / (select sum(w) from bench_plan)))`);
  // What the cap cut off goes to the others, in proportion (twice: the second pass settles the few it capped anew).
  for (let pass = 0; pass < 2; pass++) {
    await db.execute(sql`
      update bench_plan set n = least(${MAX_PER_BUYER}::int, round(w * (${encounters}::int - (select coalesce(sum(n), 0) from bench_plan where n >= ${MAX_PER_BUYER}::int))
        / (select sum(w) from bench_plan where n < ${MAX_PER_BUYER}::int)))
      where n < ${MAX_PER_BUYER}::int`);
  }
  await db.execute(sql`
    create unlogged table bench_enc (
      code_id uuid, buyer_id uuid, seller_id uuid, day_ago int, bound boolean, redeemed boolean, lag int,
      s_rated boolean, s_safe boolean, s_rel boolean, b_rated boolean, b_safe boolean, b_rel boolean)`);
}

/** The encounters of buyers [from, to], then their codes and ratings. */
async function writeEncounters(db: Executor, sellers: number, from: number, to: number) {
  await db.execute(sql`truncate bench_enc`);
  // Encounter j of n falls in its own slice of the history: [floor(j·D/n), floor((j+1)·D/n)) days ago.
  await db.execute(sql`
    insert into bench_enc
    with raw as (
      select p.idx, p.risky,
        1 + floor(j * ${DAYS}.0 / p.n)::int
          + floor(random() * (floor((j + 1) * ${DAYS}.0 / p.n) - floor(j * ${DAYS}.0 / p.n)))::int as day_ago,
        1 + least(${sellers - 1}::int, floor(${sellers}::int * power(random(), 1.3))::int) as seller,
        random() < 0.7 as redeemed, random() < 0.1 as unbound, floor(random() * 3)::int as lag
      from bench_plan p cross join lateral generate_series(0, p.n - 1) j
      where p.idx between ${from}::int and ${to}::int
    )
    select gen_random_uuid(), ${id('buyer', sql`idx`)}, ${id('seller', sql`seller`)}, day_ago,
      not (redeemed and unbound), redeemed,
      case when redeemed and not unbound then least(lag, day_ago - 1) else 0 end,
      random() < 0.9,
      case when random() < 0.05 then null else random() >= (case when risky then 0.7 else 0.015 end) end,
      case when random() < 0.1 then null else random() >= (case when risky then 0.3 else 0.08 end) end,
      random() < 0.8, random() >= 0.02,
      case when random() < 0.1 then null else random() >= 0.05 end
    from raw`);
  await db.execute(sql`
    insert into verification_codes (id, seller_id, bound_buyer_id, redeemed_by, created_on, expires_on, redeemed_on)
    select code_id, seller_id, case when bound then buyer_id end, case when redeemed then buyer_id end,
      current_date - day_ago, current_date - day_ago + 30, case when redeemed then current_date - day_ago + lag end
    from bench_enc`);
  // Her rating on the day of the encounter (an unbound code is redeemed that same day).
  await db.execute(sql`
    insert into ratings (code_id, direction, rater_id, ratee_id, safe, reliable, created_on)
    select code_id, 'seller_rates_buyer', seller_id, buyer_id, s_safe,
      case when s_safe is null then coalesce(s_rel, true) else s_rel end, current_date - day_ago
    from bench_enc where s_rated and (bound or redeemed)`);
  await db.execute(sql`
    insert into ratings (code_id, direction, rater_id, ratee_id, safe, reliable, created_on)
    select code_id, 'buyer_rates_seller', buyer_id, seller_id, b_safe, b_rel, current_date - day_ago + lag
    from bench_enc where redeemed and b_rated`);
}

/** Only an empty database, or (with reset) one holding nothing but earlier benchmark data, which is then emptied. */
export async function emptyOrReset(db: Db, reset: boolean) {
  const [row] = await queryRows<{ total: number; other: number }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where pseudonym_key not like 'bench-%')::int as other from users`,
  );
  if (row!.total === 0) return;
  if (row!.other > 0) throw new Error('This database holds accounts that are not benchmark data: refusing to touch it. Use an empty database.');
  if (!reset) throw new Error('This database already holds benchmark data; run again with --reset to replace it.');
  await db.execute(sql`truncate users, snapshot_schedule, invites, feedback, feedback_given, sign_in_throttle, pseudonym_tombstones cascade`);
  await db.execute(sql`delete from reports where withdrawal_hash like 'bench-%'`);
}

export async function countRows(db: Executor) {
  const [row] = await queryRows<Record<'sellers' | 'buyers' | 'codes' | 'ratings' | 'sellerRatings' | 'unsafe' | 'reports', number>>(
    db,
    sql`select
      (select count(*)::int from users where role = 'seller') as sellers,
      (select count(*)::int from users where role = 'buyer') as buyers,
      (select count(*)::int from verification_codes) as codes,
      (select count(*)::int from ratings) as ratings,
      (select count(*)::int from ratings where direction = 'seller_rates_buyer') as "sellerRatings",
      (select count(*)::int from ratings where direction = 'seller_rates_buyer' and safe = false) as unsafe,
      (select count(*)::int from reports) as reports`,
  );
  return row!;
}
