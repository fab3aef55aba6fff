import 'server-only';
import { addSellerCounters, countersOf, deleteOldEncounters, foldBuyerRatings, oldSellerRatings, type SellerFold } from '@/db/queries/retention';
import type { Tx } from '@/db/index';
import { versionInForce } from '@/db/queries/parameters';
import { trustParameters } from '@/lib/governance/parameters';
import { buyerScoreFromCounts } from '@/lib/trust';

/**
 * Folds every encounter older than `days` into the per-person counters and deletes it, in the
 * caller's transaction (killed half-way, nothing happened; run twice, the second finds nothing).
 *
 * - Seller→buyer ratings: the buyer's counters already hold them; buyer_folds keeps their counts
 *   per rater, without dates, so a recount and the distinct-seller counts stay exact.
 * - Buyer→seller ratings: each weighs its rater's influence *now*, frozen into the seller's sums
 *   (a seller's older ratings no longer follow their raters' later influence).
 * - Unreleased ratings are folded too: the release rule counts only ratings still stored, so a
 *   folded one never makes a release due; it shows only inside a release that K other new
 *   ratings from K raters triggered, never alone (DESIGN "Anti-retaliation").
 */
export async function foldOldEncounters(days: number, tx: Tx): Promise<number> {
  await foldBuyerRatings(days, tx);
  const old = await oldSellerRatings(days, tx);
  if (old.length > 0) {
    const raters = [...new Set(old.map((r) => r.raterId).filter((id): id is string => id !== null))];
    // As the weekly release weighs them: a deleted or never-rated buyer weighs 0.
    const trust = trustParameters((await versionInForce(tx)).params);
    const influence = new Map((await countersOf(raters, tx)).map((c) => [c.buyerId, buyerScoreFromCounts(c, trust).influence]));
    const bySeller = new Map<string, SellerFold>();
    for (const r of old) {
      const w = (r.raterId && influence.get(r.raterId)) || 0;
      const s = bySeller.get(r.sellerId) ?? { sellerId: r.sellerId, ratings: 0, weight: 0, safeYes: 0, safeNo: 0, reliableYes: 0, reliableNo: 0 };
      s.ratings += r.rated;
      s.weight += r.rated * w;
      s.safeYes += r.safeYes * w;
      s.safeNo += r.safeNo * w;
      s.reliableYes += r.reliableYes * w;
      s.reliableNo += r.reliableNo * w;
      bySeller.set(r.sellerId, s);
    }
    await addSellerCounters([...bySeller.values()], tx);
  }
  return deleteOldEncounters(days, tx);
}
