import 'server-only';
import { randomInt } from 'node:crypto';
import {
  allBuyerCounters,
  allSellerIds,
  claimDueSnapshot,
  getSnapshot,
  saveSnapshots,
  sellerRatingsOf,
  setNextSnapshot,
} from '@/db/queries/snapshots';
import { getDb } from '@/db/index';
import { buyerScoreFromCounts, sellerScore, type BuyerScore, type SellerRating, type SellerScore } from '@/lib/trust';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A week plus up to a day of random jitter, so nobody can tell from timing which rating moved a score. */
export function nextSnapshotAfter(now: Date): Date {
  return new Date(now.getTime() + 7 * DAY_MS + randomInt(0, DAY_MS));
}

const SELLERS_PER_READ = 100;

/**
 * Takes the sealed snapshot of every buyer's and every seller's score, in one transaction (all
 * change together, and the reads agree with each other). Each buyer's influence is computed once
 * from the counters; sellers are read and scored a hundred at a time, so memory stays bounded.
 */
export async function takeSnapshot(): Promise<{ buyers: number; sellers: number }> {
  return getDb().transaction(
    async (tx) => {
      const buyers = (await allBuyerCounters(tx)).map((c) => ({ userId: c.buyerId, score: buyerScoreFromCounts(c) }));
      // A deleted or never-rated buyer's ratings weigh 0.
      const influence = new Map(buyers.map((b) => [b.userId, b.score.influence]));
      await saveSnapshots(buyers, tx);
      const sellerIds = await allSellerIds(tx);
      for (let i = 0; i < sellerIds.length; i += SELLERS_PER_READ) {
        const ids = sellerIds.slice(i, i + SELLERS_PER_READ);
        const bySeller = new Map<string, SellerRating[]>(ids.map((id) => [id, []]));
        for (const { sellerId, raterId, safe, reliable } of await sellerRatingsOf(ids, tx)) {
          bySeller.get(sellerId)!.push({ safe, reliable, raterInfluence: (raterId && influence.get(raterId)) || 0 });
        }
        await saveSnapshots([...bySeller].map(([userId, list]) => ({ userId, score: sellerScore(list) })), tx);
      }
      return { buyers: buyers.length, sellers: sellerIds.length };
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** The server's timer calls this hourly; it runs at most once per due time across processes. */
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

export async function ownBuyerScore(userId: string) {
  const snap = await getSnapshot(userId);
  return snap ? { score: snap.score as BuyerScore, takenOn: snap.takenOn } : null;
}

export async function ownSellerScore(userId: string) {
  const snap = await getSnapshot(userId);
  return snap ? { score: snap.score as SellerScore, takenOn: snap.takenOn } : null;
}
