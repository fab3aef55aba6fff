import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';
import { pseudonymTombstones, tombstoneQueue, users, type User } from '../schema';

export type Role = User['role'];

/** Only for checking credentials: the one query that returns a password hash. */
export async function findCredentials(key: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ id: users.id, pseudonym: users.pseudonym, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.pseudonymKey, key));
  return row ?? null;
}

/** A seller account by canonical pseudonym (the only people messages go to). */
export async function findSeller(key: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ id: users.id, pseudonym: users.pseudonym })
    .from(users)
    .where(and(eq(users.pseudonymKey, key), eq(users.role, 'seller')));
  return row ?? null;
}

/** What a person sees of their own account. */
export async function getProfile(userId: string, db: Executor = getDb()) {
  const [row] = await db
    .select({ pseudonym: users.pseudonym, role: users.role, memberSince: users.memberSince })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function pseudonymTaken(key: string, keyHash: string, db: Executor = getDb()): Promise<boolean> {
  const [row] = await queryRows<{ taken: boolean }>(db, sql`
    select exists (select 1 from ${users} where ${users.pseudonymKey} = ${key})
        or exists (select 1 from ${pseudonymTombstones} where ${pseudonymTombstones.keyHash} = ${keyHash})
        or exists (select 1 from ${tombstoneQueue} where ${tombstoneQueue.keyHash} = ${keyHash}) as taken`);
  return row?.taken ?? false;
}

export async function insertUser(
  values: { pseudonym: string; pseudonymKey: string; role: Role; passwordHash: string; mustChangePassword?: boolean; consentOn?: string | null },
  db: Executor = getDb(),
): Promise<string> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

/** A new password of the person's own choosing (a one-time password is thereby replaced). */
export async function setPasswordHash(userId: string, passwordHash: string, db: Executor = getDb()) {
  await db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
}

/** Date only, and written at most once a day. */
export async function touchLastActive(userId: string, db: Executor = getDb()) {
  await db
    .update(users)
    .set({ lastActive: sql`current_date` })
    .where(and(eq(users.id, userId), or(isNull(users.lastActive), lt(users.lastActive, sql`current_date`))));
}

/**
 * Deletes the account (its rows cascade) and keeps the pseudonym reserved as a keyed hash. A
 * seller's flags of buyers stay, anonymous (migration 0003), and still count her once among each
 * buyer's distinct raters, as the counters already do: they get a random id per buyer first, the
 * same for her stored and her folded ratings of that buyer (buyer_folds). The tombstone waits in
 * tombstone_queue for the daily batch: written here, it would share this transaction's id with
 * the anonymised rows.
 */
export async function deleteUser(userId: string, keyHash: string, db: Executor = getDb()) {
  await db.transaction(async (tx) => {
    await tx.insert(tombstoneQueue).values({ keyHash }).onConflictDoNothing();
    await tx.execute(sql`
      with k as (
        select buyer_id, gen_random_uuid() as key from (
          select ratee_id as buyer_id from ratings where rater_id = ${userId} and direction = 'seller_rates_buyer'
          union select buyer_id from buyer_folds where rater_key = ${userId}) as b),
      stored as (
        update ratings as r set departed_rater = k.key from k
        where r.rater_id = ${userId} and r.direction = 'seller_rates_buyer' and r.ratee_id = k.buyer_id returning 1)
      update buyer_folds as f set rater_key = k.key from k where f.rater_key = ${userId} and f.buyer_id = k.buyer_id`);
    await tx.delete(users).where(eq(users.id, userId));
  });
}

export async function countUsers(db: Executor = getDb()): Promise<number> {
  return db.$count(users);
}
