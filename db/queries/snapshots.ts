import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Executor } from '../index';
import { scoreSnapshots, snapshotSchedule, users } from '../schema';

/**
 * Upserts snapshots (each recording the parameter version it was computed with), a few thousand per statement: the rows travel as one JSON parameter,
 * which costs one parse instead of two bound parameters per row.
 */
export async function saveSnapshots(rows: { userId: string; score: unknown }[], db: Executor = getDb(), paramsVersion = 1) {
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = JSON.stringify(rows.slice(i, i + 5000).map((r) => ({ user_id: r.userId, score: r.score })));
    await db.execute(sql`
      insert into score_snapshots (user_id, score, taken_on, params_version)
      select user_id, score, current_date, ${paramsVersion}::int from jsonb_to_recordset(${batch}::jsonb) as t(user_id uuid, score jsonb)
      on conflict (user_id) do update set score = excluded.score, taken_on = excluded.taken_on, params_version = excluded.params_version`);
  }
}

export async function getSnapshot(userId: string, db: Executor = getDb()) {
  const [row] = await db.select({ score: scoreSnapshots.score, takenOn: scoreSnapshots.takenOn }).from(scoreSnapshots).where(eq(scoreSnapshots.userId, userId));
  return row ?? null;
}

const publicSeller = preparedQuery((db) =>
  db
    .select({ pseudonym: users.pseudonym, memberSince: users.memberSince, score: scoreSnapshots.score, takenOn: scoreSnapshots.takenOn })
    .from(users)
    .leftJoin(scoreSnapshots, eq(scoreSnapshots.userId, users.id))
    .where(and(eq(users.pseudonymKey, sql.placeholder('key')), eq(users.role, 'seller')))
    .prepare('public_seller'),
);

/** A seller by pseudonym, for her public page: member-since date and her snapshot, nothing else. */
export async function findPublicSeller(key: string, db: Executor = getDb()) {
  const [row] = await publicSeller(db).execute({ key });
  return row ?? null;
}

/**
 * The schedule's one row, due now, if there is none yet (idempotent). Checked before inserting:
 * a plain insert … on conflict would wait behind a run in progress, which holds the row.
 */
export async function scheduleFirstSnapshot(now: Date, db: Executor = getDb()) {
  await db.execute(sql`
    insert into snapshot_schedule (id, next_due_at)
    select 1, ${now.toISOString()}::timestamptz where not exists (select 1 from snapshot_schedule where id = 1)
    on conflict do nothing`);
}

/**
 * Claims the snapshot run when it is due, inside the caller's transaction: the schedule row stays
 * locked and its new due time uncommitted until the run commits with it, so a run that dies
 * (crash, error) moves nothing and the next one takes it. A run already holding the row makes
 * this return false at once (skip locked) instead of waiting for it.
 */
export async function claimDueSnapshot(now: Date, next: Date, tx: Executor): Promise<boolean> {
  const [row] = await tx
    .select({ nextDueAt: snapshotSchedule.nextDueAt })
    .from(snapshotSchedule)
    .where(eq(snapshotSchedule.id, 1))
    .for('update', { skipLocked: true });
  if (!row || row.nextDueAt > now) return false;
  await tx.update(snapshotSchedule).set({ nextDueAt: next }).where(eq(snapshotSchedule.id, 1));
  return true;
}

/** Sets the next due time; in a transaction, it also waits for (and then excludes) a timer's run. */
export async function setNextSnapshot(next: Date, db: Executor = getDb()) {
  await db
    .insert(snapshotSchedule)
    .values({ id: 1, nextDueAt: next })
    .onConflictDoUpdate({ target: snapshotSchedule.id, set: { nextDueAt: next } });
}
