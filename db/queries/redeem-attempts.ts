import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb, type Executor, type Tx } from '../index';
import { redeemAllowances, redeemAttempts, users, verificationCodes } from '../schema';

export const ATTEMPT_WINDOW_MS = 60 * 60 * 1000;
// Any fixed 64-bit number, distinct from the migration lock's.
const GLOBAL_BUDGET_LOCK = 5_310_442_817;

export interface RedeemLimits {
  /** Failed attempts per buyer per rolling hour. */
  perBuyer: number;
  /** Failed attempts per rolling hour drawn from everyone's shared budget. */
  global: number;
  /** A buyer who has redeemed a code before: failures per hour that do not draw on the global budget. */
  ownPerHour: number;
  /** A buyer who never has: failures, once, that do not draw on it. */
  newAccount: number;
}

export type AttemptVerdict = { allowed: true; attemptId: string } | { allowed: false; reason: 'buyerLimit' | 'globalLimit' };

/**
 * Inside the redemption transaction: locks the buyer (so one buyer's parallel guesses queue),
 * checks the per-buyer limit, then takes the attempt from the buyer's own allowance if any is
 * left, else from the global budget (under one lock, so parallel buyers cannot overshoot it).
 * The attempt counts as failed until it succeeds. Throwaway accounts can thus exhaust the
 * global budget only for each other: an honest buyer's own allowance still redeems a code.
 */
export async function reserveRedeemAttempt(tx: Tx, buyerId: string, now: Date, limits: RedeemLimits): Promise<AttemptVerdict> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, buyerId)).for('update');
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const recent = and(eq(redeemAttempts.buyerId, buyerId), gt(redeemAttempts.at, since));
  if ((await tx.$count(redeemAttempts, recent)) >= limits.perBuyer) return { allowed: false, reason: 'buyerLimit' };

  const proven = (await tx.$count(verificationCodes, eq(verificationCodes.redeemedBy, buyerId))) > 0;
  let own: boolean;
  if (proven) {
    own = (await tx.$count(redeemAttempts, and(recent, eq(redeemAttempts.global, false)))) < limits.ownPerHour;
  } else {
    // Taken now, not refunded on success: once the buyer has redeemed a code, it no longer applies.
    const [row] = await tx
      .insert(redeemAllowances)
      .values({ buyerId, used: 1 })
      .onConflictDoUpdate({ target: redeemAllowances.buyerId, set: { used: sql`${redeemAllowances.used} + 1` } })
      .returning({ used: redeemAllowances.used });
    own = row!.used <= limits.newAccount;
  }
  if (!own) {
    await tx.execute(sql`select pg_advisory_xact_lock(${GLOBAL_BUDGET_LOCK})`);
    const all = await tx.$count(redeemAttempts, and(gt(redeemAttempts.at, since), eq(redeemAttempts.global, true)));
    if (all >= limits.global) return { allowed: false, reason: 'globalLimit' };
  }
  const [row] = await tx.insert(redeemAttempts).values({ buyerId, at: now, global: !own }).returning({ id: redeemAttempts.id });
  return { allowed: true, attemptId: row!.id };
}

export async function forgetAttempt(tx: Tx, attemptId: string) {
  await tx.delete(redeemAttempts).where(eq(redeemAttempts.id, attemptId));
}

export async function purgeOldAttempts(now: Date, db: Executor = getDb()) {
  await db.delete(redeemAttempts).where(lt(redeemAttempts.at, new Date(now.getTime() - ATTEMPT_WINDOW_MS)));
}
