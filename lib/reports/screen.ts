import 'server-only';
import type { BuyerLookUp } from '@/db/queries/buyers';
import type { StoredReport } from '@/db/queries/reports';
import type { Outcome } from '@/lib/accounts/errors';
import { lookupWithWarnings, type BuyerReputation, type LookupView } from '@/lib/screening/lookup';
import { verdictOf } from '@/lib/screening/verdict';
import { normalisePseudonym } from './identifiers';
import { matchingReports, openedReports, reportCounts, type MatchedReport } from './lookup';
import { countLookup } from './lookup-tally';

export type ScreenView = LookupView & { reports: MatchedReport[] };
/** The look-up's reads, already done. */
export type LookUpReads = { lookUp: BuyerLookUp; reports: StoredReport[] };

/** The buyer's counts as the verdict reads them. */
function countsOf(r: BuyerReputation) {
  const c = r.counts;
  return {
    ratings: c.ratings,
    sellers: c.sellers,
    unsafe: c.unsafe,
    unsafeSellers: c.unsafeSellers,
    unreliable: c.unreliable,
    unreliableSellers: c.unreliableSellers,
    latestUnsafeOn: r.verdict.latestUnsafeOn,
  };
}

/**
 * A seller's look-up of a pseudonym: the buyer's verdict and counts (lib/screening/lookup.ts),
 * the board's warnings, and the live incident reports naming the pseudonym, which weigh in the
 * verdict (dangerous or risky: warnings; annoying: caution). Counted in the day's look-ups.
 */
export async function screenPseudonym(pseudonym: string, done?: LookUpReads): Promise<Outcome<ScreenView>> {
  const key = normalisePseudonym(pseudonym);
  // The counters with the board's warnings, and the reports, at once: two independent indexed reads
  // (or, from the lean look-up handler, one statement with its session: db/queries/look-up-at-once.ts).
  const [outcome, reports] = await Promise.all([lookupWithWarnings(pseudonym, done?.lookUp), done ? openedReports(done.reports) : key ? matchingReports('pseudonym', key) : []]);
  if (!outcome.ok) return outcome;
  const tally = reportCounts(reports);
  if (outcome.found) outcome.reputation.verdict = verdictOf(countsOf(outcome.reputation), outcome.reputation.verdict.boardWarnings, tally);
  const warning = outcome.found ? outcome.reputation.verdict.state === 'warnings' : outcome.warnings > 0 || tally.serious > 0;
  countLookup(warning);
  return { ...outcome, reports };
}
