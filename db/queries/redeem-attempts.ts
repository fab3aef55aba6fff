import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb, type Executor, type Tx } from '../index';
import { redeemAttempts, users } from '../schema';

export const ATTEMPT_WINDOW_MS = 60 * 60 * 1000;
// Any fixed 64-bit number, distinct from the migration lock's.
const GLOBAL_BUDGET_LOCK = 5_310_442_817;

export type AttemptVerdict = { allowed: true; attemptId: string } | { allowed: false; reason: 'buyerLimit' | 'globalLimit' };

/**
 * Inside the redemption transaction: locks the buyer (so one buyer's parallel guesses queue),
 * checks the per-buyer and global failure budgets over the last hour, and records this attempt
 * as failed until it succeeds.
 */
export async function reserveRedeemAttempt(
  tx: Tx,
  buyerId: string,
  now: Date,
  limits: { perBuyer: number; global: number },
): Promise<AttemptVerdict> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, buyerId)).for('update');
  // One budget for everyone: count and reserve under one lock, so parallel buyers cannot overshoot it.
  await tx.execute(sql`select pg_advisory_xact_lock(${GLOBAL_BUDGET_LOCK})`);
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const mine = await tx.$count(redeemAttempts, and(eq(redeemAttempts.buyerId, buyerId), gt(redeemAttempts.at, since)));
  if (mine >= limits.perBuyer) return { allowed: false, reason: 'buyerLimit' };
  const all = await tx.$count(redeemAttempts, gt(redeemAttempts.at, since));
  if (all >= limits.global) return { allowed: false, reason: 'globalLimit' };
  const [row] = await tx.insert(redeemAttempts).values({ buyerId, at: now }).returning({ id: redeemAttempts.id });
  return { allowed: true, attemptId: row!.id };
}

export async function forgetAttempt(tx: Tx, attemptId: string) {
  await tx.delete(redeemAttempts).where(eq(redeemAttempts.id, attemptId));
}

export async function purgeOldAttempts(now: Date, db: Executor = getDb()) {
  await db.delete(redeemAttempts).where(lt(redeemAttempts.at, new Date(now.getTime() - ATTEMPT_WINDOW_MS)));
}
