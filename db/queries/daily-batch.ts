import 'server-only';
import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';
import { dailyJobs, invites } from '../schema';

/**
 * Batch work (the daily jobs, a counter rebuild) reads whole tables: the 30 s that stops a
 * request's statement would stop it at scale. For the caller's transaction only.
 */
export async function allowLongStatements(tx: Executor) {
  await tx.execute(sql`set local statement_timeout = '15min'`);
}

/**
 * The job's row, if there is none yet. Checked before inserting: a plain insert … on conflict
 * would wait behind a run in progress, which holds the row (as for the snapshot schedule).
 */
export async function scheduleDailyJob(name: string, db: Executor = getDb()) {
  await db.execute(sql`
    insert into daily_jobs (name) select ${name} where not exists (select 1 from daily_jobs where name = ${name})
    on conflict do nothing`);
}

/**
 * Claims today's run inside the caller's transaction: the row stays locked until the work commits
 * with it, so a run that dies leaves the day unclaimed. With `force` (npm run purge) it waits for
 * a run in progress and runs again; without, a held row or a run already done today means false.
 */
export async function claimDailyJob(name: string, force: boolean, tx: Executor): Promise<boolean> {
  const query = tx.select({ lastRunOn: dailyJobs.lastRunOn }).from(dailyJobs).where(eq(dailyJobs.name, name));
  const [row] = force ? await query.for('update') : await query.for('update', { skipLocked: true });
  if (!row) return false;
  if (!force) {
    const [due] = await queryRows<{ due: boolean }>(tx, sql`select (${row.lastRunOn}::date is null or ${row.lastRunOn}::date < current_date) as due`);
    if (!due?.due) return false;
  }
  await tx.update(dailyJobs).set({ lastRunOn: sql`current_date` }).where(eq(dailyJobs.name, name));
  return true;
}

/** Queued rows of earlier days (the day's end has passed), or with `includeToday` every queued row. */
const queued = (column: string, includeToday: boolean) => sql.raw(`${column} ${includeToday ? '<=' : '<'} current_date`);

/**
 * Writes the queues into their tables in a random order, in the caller's transaction: every row
 * of the batch gets the same transaction id, an order and positions that follow no author.
 */
export async function flushQueues(tx: Executor, includeToday: boolean) {
  const [f] = await queryRows<{ n: number }>(tx, sql`
    with moved as (delete from feedback_queue where ${queued('queued_on', includeToday)} returning *),
    written as (
      insert into feedback (id, week_start, satisfaction, helped, note_key_version, note_ciphertext, note_expires_on)
      select id, week_start, satisfaction, helped, note_key_version, note_ciphertext, note_expires_on from moved order by random()
      returning 1)
    select count(*)::int as n from written`);
  const [t] = await queryRows<{ n: number }>(tx, sql`
    with moved as (delete from tombstone_queue where ${queued('queued_on', includeToday)} returning key_hash),
    written as (insert into pseudonym_tombstones (key_hash) select key_hash from moved order by random() on conflict do nothing returning 1)
    select count(*)::int as n from written`);
  const used = await queryRows<{ invite_id: string; used_on: string }>(tx, sql`
    delete from invite_redemptions where ${queued('used_on', includeToday)}
    returning invite_id, date_trunc('week', used_on)::date::text as used_on`);
  // used_on keeps only the week (the metrics count sign-ups per week): a day would match the
  // account's creation. One statement per invite, in a shuffled order: an update's new row version goes where the
  // order of execution puts it, and the accounts were created in sign-up order.
  shuffle(used);
  for (const u of used) await tx.update(invites).set({ usedOn: u.used_on }).where(eq(invites.id, u.invite_id));
  const tombstones = Number(t?.n ?? 0);
  if (tombstones > 0) await restampDeparted(tx);
  return { feedback: Number(f?.n ?? 0), tombstones, invites: used.length };
}

/**
 * After a deletion, rewrites every row a deleted account left behind (ratings she gave, her
 * encounters' codes, her folded ratings), one statement per row in a shuffled order: a deletion
 * anonymises one person's rows in one transaction, so until now they shared its id and sat side by
 * side; after this they share the batch's id with every departed person's rows, in positions that
 * follow no one.
 */
async function restampDeparted(tx: Executor) {
  const rows = await queryRows<{ kind: 'rating' | 'code' | 'fold'; id: string }>(tx, sql`
    select 'rating' as kind, id::text from ratings where rater_id is null
    union all
    select 'code', id::text from verification_codes where seller_id is null or (redeemed_on is not null and redeemed_by is null)
    union all
    select 'fold', buyer_id::text || ' ' || rater_key::text from buyer_folds f where not exists (select 1 from users u where u.id = f.rater_key)`);
  shuffle(rows);
  for (const r of rows) await tx.execute(restamp[r.kind](r.id));
}

const restamp = {
  rating: (id: string) => sql`update ratings set departed_rater = departed_rater where id = ${id}`,
  code: (id: string) => sql`update verification_codes set seller_id = seller_id where id = ${id}`,
  fold: (key: string) => {
    const [buyer, rater] = key.split(' ');
    return sql`update buyer_folds set ratings = ratings where buyer_id = ${buyer} and rater_key = ${rater}`;
  },
};

function shuffle<T>(xs: T[]) {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}
