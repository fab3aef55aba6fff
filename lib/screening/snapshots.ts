import 'server-only';
import { randomInt } from 'node:crypto';
import {
  allBuyerCounters,
  claimDueSnapshot,
  getSnapshot,
  markReleased,
  pendingRatings,
  saveSnapshots,
  sellerRatingsOf,
  setNextSnapshot,
} from '@/db/queries/snapshots';
import { getDb } from '@/db/index';
import { discloseScore, type DisclosedScore } from '@/lib/disclosure/coarse';
import { isReleaseDue } from '@/lib/disclosure/release';
import { buyerScoreFromCounts, sellerScore, type SellerRating } from '@/lib/trust';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A week plus up to a day of random jitter, so nobody can tell from timing which rating moved a score. */
export function nextSnapshotAfter(now: Date): Date {
  return new Date(now.getTime() + 7 * DAY_MS + randomInt(0, DAY_MS));
}

const SELLERS_PER_READ = 100;

/**
 * The weekly release, in one transaction (the reads agree with each other). Only people about
 * whom enough new ratings from enough distinct raters arrived get a new released score; everyone
 * else keeps theirs, date and all, so one new rating never shows. A release is the live score at
 * that moment, rounded and banded. Influence is computed once per buyer from the counters; the
 * sellers due are read and scored a hundred at a time, so memory stays bounded.
 */
export async function takeSnapshot(): Promise<{ buyers: number; sellers: number }> {
  return getDb().transaction(
    async (tx) => {
      const due = (await pendingRatings(tx)).filter((p) => isReleaseDue(p));
      const dueBuyers = new Set(due.filter((p) => p.role === 'buyer').map((p) => p.userId));
      const dueSellers = due.filter((p) => p.role === 'seller').map((p) => p.userId);
      // A deleted or never-rated buyer's ratings weigh 0.
      const influence = new Map<string, number>();
      const buyerReleases: { userId: string; score: DisclosedScore }[] = [];
      for (const c of await allBuyerCounters(tx)) {
        const score = buyerScoreFromCounts(c);
        influence.set(c.buyerId, score.influence);
        if (dueBuyers.has(c.buyerId)) buyerReleases.push({ userId: c.buyerId, score: discloseScore(score) });
      }
      await saveSnapshots(buyerReleases, tx);
      for (let i = 0; i < dueSellers.length; i += SELLERS_PER_READ) {
        const ids = dueSellers.slice(i, i + SELLERS_PER_READ);
        const bySeller = new Map<string, SellerRating[]>(ids.map((id) => [id, []]));
        for (const { sellerId, raterId, safe, reliable } of await sellerRatingsOf(ids, tx)) {
          bySeller.get(sellerId)!.push({ safe, reliable, raterInfluence: (raterId && influence.get(raterId)) || 0 });
        }
        await saveSnapshots([...bySeller].map(([userId, list]) => ({ userId, score: discloseScore(sellerScore(list)) })), tx);
      }
      await markReleased([...dueBuyers, ...dueSellers], tx);
      return { buyers: buyerReleases.length, sellers: dueSellers.length };
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** The server's timer calls this; it runs at most once per due time across processes. */
export async function takeSnapshotIfDue(now = new Date()): Promise<boolean> {
  if (!(await claimDueSnapshot(now, nextSnapshotAfter(now)))) return false;
  await takeSnapshot();
  return true;
}

/** `npm run snapshot`: now, and the next one a jittered week later. */
export async function takeSnapshotNow(now = new Date()) {
  const counts = await takeSnapshot();
  await setNextSnapshot(nextSnapshotAfter(now));
  return counts;
}

/** One's own released score, or null before the first release. */
export async function ownScore(userId: string): Promise<{ score: DisclosedScore; takenOn: string } | null> {
  const snap = await getSnapshot(userId);
  return snap ? { score: snap.score as DisclosedScore, takenOn: snap.takenOn } : null;
}
