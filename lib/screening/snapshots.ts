import 'server-only';
import { randomInt } from 'node:crypto';
import {
  allBuyerCounters,
  allSellerIds,
  allSellerRatingsWithRaterCounts,
  claimDueSnapshot,
  getSnapshot,
  saveSnapshots,
  setNextSnapshot,
} from '@/db/queries/snapshots';
import { buyerScoreFromCounts, sellerScore, type BuyerCounts, type BuyerScore, type SellerRating, type SellerScore } from '@/lib/trust';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A week plus up to a day of random jitter, so nobody can tell from timing which rating moved a score. */
export function nextSnapshotAfter(now: Date): Date {
  return new Date(now.getTime() + 7 * DAY_MS + randomInt(0, DAY_MS));
}

/** Takes the sealed snapshot of every buyer's and every seller's score. */
export async function takeSnapshot(): Promise<{ buyers: number; sellers: number }> {
  const buyers = await allBuyerCounters();
  const bySeller = new Map<string, SellerRating[]>((await allSellerIds()).map((id) => [id, []]));
  for (const { sellerId, safe, reliable, ...counts } of await allSellerRatingsWithRaterCounts()) {
    // Each rating weighs the rating buyer's current influence; a deleted or unrated buyer's weighs 0.
    const raterInfluence = counts.ratings === null ? 0 : buyerScoreFromCounts(counts as BuyerCounts).influence;
    bySeller.get(sellerId)?.push({ safe, reliable, raterInfluence });
  }
  const rows = [
    ...buyers.map((c) => ({ userId: c.buyerId, score: buyerScoreFromCounts(c) as unknown })),
    ...[...bySeller].map(([userId, list]) => ({ userId, score: sellerScore(list) as unknown })),
  ];
  await saveSnapshots(rows);
  return { buyers: buyers.length, sellers: bySeller.size };
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
