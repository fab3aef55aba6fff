import 'server-only';
import { findBuyerForLookUp, type BuyerLookUp } from '@/db/queries/buyers';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { roundBuyerScore } from '@/lib/disclosure/coarse';
import { parametersInForce } from '@/lib/governance/current';
import { trustParameters } from '@/lib/governance/parameters';
import { buyerScoreFromCounts, confidenceString, type BuyerScore } from '@/lib/trust';
import type { Outcome } from '@/lib/accounts/errors';
import { buyerRef } from '@/lib/messages/refs';
import { verdictOf, type Verdict } from './verdict';

export interface BuyerReputation extends BuyerScore {
  pseudonym: string;
  /** SPEC §2 interval for safety, formatted as the seed's API did: "0.21-1.00". */
  confidence: string | null;
  /** The answer in words first: warnings, caution, clear or new (lib/screening/verdict.ts). */
  verdict: Verdict;
  counts: {
    ratings: number;
    sellers: number;
    /** Ratings that answered "safe?" (yes or no), and the no's among them. */
    safetyRatings: number;
    unsafe: number;
    unsafeSellers: number;
    reliabilityRatings: number;
    unreliable: number;
    unreliableSellers: number;
  };
}

/**
 * A seller's live look-up of a buyer: the score (to 2 decimals, like every figure a rated person
 * could compare over time) and the raw counts behind it, from one row of counters. `found: false` for a pseudonym with no buyer account.
 */
export async function lookupBuyer(pseudonym: string): Promise<Outcome<{ found: false } | { found: true; reputation: BuyerReputation }>> {
  const view = await lookupWithWarnings(pseudonym);
  if (!view.ok) return view;
  return view.found ? { ok: true, found: true, reputation: view.reputation } : { ok: true, found: false };
}

export type LookupView = ({ found: false; pseudonym: string } | { found: true; reputation: BuyerReputation }) & { warnings: number };

/**
 * The look-up as a seller sees it, with the live warnings naming that pseudonym (account or not):
 * the account, its counters and the warnings come from one database read (`done`: already read).
 */
export async function lookupWithWarnings(pseudonym: string, done?: BuyerLookUp): Promise<Outcome<LookupView>> {
  const parsed = pseudonymSchema.safeParse(pseudonym);
  if (!parsed.success) return { ok: false, fieldErrors: { pseudonym: parsed.error.issues[0]!.message } };
  const { buyer, warnings } = done ?? (await findBuyerForLookUp(pseudonymKey(parsed.data), buyerRef(parsed.data), new Date()));
  if (!buyer) return { ok: true, found: false, pseudonym: parsed.data, warnings };
  const c = buyer.counts;
  // The version in force; its repeated-ratings rule applies from the weekly release on (the live
  // look-up reads one row of counters, which count every rating).
  const score = roundBuyerScore(buyerScoreFromCounts(c, trustParameters((await parametersInForce()).params)));
  const verdict = verdictOf(
    {
      ratings: c.ratings,
      sellers: c.raters,
      unsafe: c.safeNo,
      unsafeSellers: c.unsafeRaters,
      unreliable: c.reliableNo,
      unreliableSellers: c.unreliableRaters,
      latestUnsafeOn: buyer.lastUnsafeOn,
    },
    warnings,
  );
  return {
    ok: true,
    found: true,
    reputation: {
      pseudonym: buyer.pseudonym,
      ...score,
      confidence: confidenceString(score.safetyInterval),
      verdict,
      counts: {
        ratings: c.ratings,
        sellers: c.raters,
        safetyRatings: c.safeYes + c.safeNo,
        unsafe: c.safeNo,
        unsafeSellers: c.unsafeRaters,
        reliabilityRatings: c.reliableYes + c.reliableNo,
        unreliable: c.reliableNo,
        unreliableSellers: c.unreliableRaters,
      },
    },
    warnings: verdict.boardWarnings,
  };
}
