import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { claimCode, findRedemption, listBuyerRedemptions } from '@/db/queries/codes';
import { insertBuyerRating } from '@/db/queries/ratings';
import { forgetAttempt, reserveRedeemAttempt } from '@/db/queries/redeem-attempts';
import type { Outcome } from '@/lib/accounts/errors';
import { env } from '@/lib/env';
import { codeHmac, parseCode } from './code-secret';
import { flagsSchema, hasAFlag } from './flags';

export const REDEEM_FAILURES_PER_BUYER_PER_HOUR = 5;
/** Failures a buyer who has redeemed before may make each hour without drawing on the global budget. */
export const REDEEM_OWN_FAILURES_PER_HOUR = 2;
/** Failures, once, of a buyer who never redeemed a code, without drawing on the global budget. */
export const REDEEM_NEW_ACCOUNT_ALLOWANCE = 3;

export type RedeemOutcome = Outcome<{ codeId: string; seller: string }> & { limited?: 'buyerLimit' | 'globalLimit' };

/**
 * A buyer redeems a code. Wrong, used, expired, own and other buyers' codes all answer
 * 'invalidCode' (no oracle); only the rate limits answer differently.
 */
export async function redeemCode(buyerId: string, input: string, now = new Date()): Promise<RedeemOutcome> {
  const code = parseCode(input);
  if (!code) return { ok: false, fieldErrors: { code: 'codeFormat' } };
  const limits = {
    perBuyer: REDEEM_FAILURES_PER_BUYER_PER_HOUR,
    global: env().REDEEM_GLOBAL_FAILURES_PER_HOUR,
    ownPerHour: REDEEM_OWN_FAILURES_PER_HOUR,
    newAccount: REDEEM_NEW_ACCOUNT_ALLOWANCE,
  };
  const result = await getDb().transaction(async (tx) => {
    const verdict = await reserveRedeemAttempt(tx, buyerId, now, limits);
    if (!verdict.allowed) return verdict;
    const claimed = await claimCode(codeHmac(code), buyerId, tx);
    if (claimed) await forgetAttempt(tx, verdict.attemptId);
    return { allowed: true as const, claimed };
  });
  if (!result.allowed) return { ok: false, formError: result.reason, limited: result.reason };
  if (!result.claimed) return { ok: false, formError: 'invalidCode' };
  const redemption = await findRedemption(buyerId, result.claimed.id);
  return { ok: true, codeId: result.claimed.id, seller: redemption?.seller ?? '' };
}

/** The buyer rates the seller of a code they redeemed: once per code, flags only. */
export async function rateSeller(buyerId: string, codeId: string, flags: unknown): Promise<Outcome> {
  const parsed = flagsSchema.safeParse(flags);
  if (!parsed.success || !hasAFlag(parsed.data)) return { ok: false, fieldErrors: { form: 'chooseAFlag' } };
  const redemption = z.uuid().safeParse(codeId).success ? await findRedemption(buyerId, codeId) : null;
  if (!redemption) return { ok: false, formError: 'encounterNotFound' };
  const result = await insertBuyerRating({ codeId, buyerId, sellerId: redemption.sellerId, ...parsed.data });
  return result === 'ok' ? { ok: true } : { ok: false, formError: 'alreadyRated' };
}

export { listBuyerRedemptions };
