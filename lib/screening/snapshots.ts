import 'server-only';
import { randomInt } from 'node:crypto';
import { bringWaitingVersionsIntoForce } from '@/db/queries/parameters';
import { allowLongStatements } from '@/db/queries/daily-batch';
import { dueSellers, evidencePage, markDueReleased, saveInfluence, sellerRatingsWithInfluence, stageRelease } from '@/db/queries/snapshot-stage';
import { claimDueSnapshot, getSnapshot, saveSnapshots, scheduleFirstSnapshot, setNextSnapshot } from '@/db/queries/snapshots';
import { sellerCountersOf } from '@/db/queries/retention';
import { getDb, type Tx } from '@/db/index';
import { crashPoint } from '@/lib/crash-point';
import { discloseScore, type DisclosedScore } from '@/lib/disclosure/coarse';
import { sellerScoreWithFolded } from '@/lib/retention/seller-fold';
import { trustParameters } from '@/lib/governance/parameters';
import { applyRepeatedRule } from '@/lib/governance/repeated';
import { buyerScoreFromCounts, type SellerRating } from '@/lib/trust';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A week plus up to a day of random jitter, so nobody can tell from timing which rating moved a score. */
export function nextSnapshotAfter(now: Date): Date {
  return new Date(now.getTime() + 7 * DAY_MS + randomInt(0, DAY_MS));
}

const SELLERS_PER_READ = 100;
const BUYERS_PER_PAGE = 5000;

/**
 * The weekly release, in one transaction (the reads agree with each other). Only people about
 * whom enough new ratings from enough distinct raters arrived get a new released score; everyone
 * else keeps theirs, date and all, so one new rating never shows. A release is the live score at
 * that moment, rounded and banded. Who is due and every buyer's evidence are staged in the
 * database; buyers are scored five thousand at a time (their influence written back), then the
 * sellers due a hundred at a time, so memory stays bounded however many buyers there are.
 */
export async function takeSnapshot(): Promise<{ buyers: number; sellers: number }> {
  return inRepeatableRead(releaseScores);
}

async function releaseScores(tx: Tx): Promise<{ buyers: number; sellers: number }> {
  // Reads every buyer: at scale that takes longer than a request's statement may.
  await allowLongStatements(tx);
  // An accepted parameter change takes effect here, from this release on; stored ones keep theirs.
  const { version, params } = await bringWaitingVersionsIntoForce(tx);
  const trust = trustParameters(params);
  await stageRelease(params.releaseThreshold, params.repeatedRatings, tx);
  // Buyers a page at a time: each one's influence goes back to the database for the sellers'
  // scores below, and the due ones are released.
  for (let after: string | null = null; ; ) {
    const page = await evidencePage(after, BUYERS_PER_PAGE, tx);
    if (page.length === 0) break;
    const scored = page.map((c) => ({ c, score: buyerScoreFromCounts(c, trust) }));
    await saveInfluence(scored.map(({ c, score }) => ({ buyerId: c.buyerId, influence: score.influence })), tx);
    await saveSnapshots(scored.filter(({ c }) => c.due).map(({ c, score }) => ({ userId: c.buyerId, score: discloseScore(score) })), tx, version);
    after = page.at(-1)!.buyerId;
  }
  await crashPoint('snapshot-half-written');
  const sellers = await dueSellers(tx);
  for (let i = 0; i < sellers.length; i += SELLERS_PER_READ) {
    const ids = sellers.slice(i, i + SELLERS_PER_READ);
    const bySeller = new Map<string, SellerRating[]>(ids.map((id) => [id, []]));
    // A deleted or never-rated buyer's ratings weigh 0.
    for (const { sellerId, safe, reliable, influence } of applyRepeatedRule(await sellerRatingsWithInfluence(ids, tx), params.repeatedRatings)) {
      bySeller.get(sellerId)!.push({ safe, reliable, raterInfluence: influence });
    }
    // Ratings older than the retention window count through their frozen sums (lib/retention).
    const folded = new Map((await sellerCountersOf(ids, tx)).map((c) => [c.sellerId, c]));
    const scores = [...bySeller].map(([userId, list]) => ({ userId, score: discloseScore(sellerScoreWithFolded(list, folded.get(userId), trust)) }));
    await saveSnapshots(scores, tx, version);
  }
  return markDueReleased(tx);
}

/**
 * The server's timer calls this; it runs at most once per due time across processes. The claim
 * and the release commit together: a run that dies leaves the snapshot due for the next timer.
 */
export async function takeSnapshotIfDue(now = new Date()): Promise<boolean> {
  await scheduleFirstSnapshot(now);
  return inRepeatableRead(async (tx) => {
    if (!(await claimDueSnapshot(now, nextSnapshotAfter(now), tx))) return false;
    await releaseScores(tx);
    return true;
  });
}

/** `npm run snapshot`: now, and the next one a jittered week later, in one transaction. */
export async function takeSnapshotNow(now = new Date()) {
  return inRepeatableRead(async (tx) => {
    // First: waits for a timer's run in progress, and keeps the timer out of this one.
    await setNextSnapshot(nextSnapshotAfter(now), tx);
    return releaseScores(tx);
  });
}

const ATTEMPTS = 3;

/**
 * One repeatable-read transaction (the reads agree with each other), tried again when PostgreSQL
 * reports a serialization failure: a concurrent write, e.g. another process's run just committed.
 */
async function inRepeatableRead<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().transaction(work, { isolationLevel: 'repeatable read' });
    } catch (e) {
      if (attempt >= ATTEMPTS || !isSerializationFailure(e)) throw e;
    }
  }
}

function isSerializationFailure(e: unknown): boolean {
  const code = (x: unknown) => (x && typeof x === 'object' && 'code' in x ? (x as { code: unknown }).code : undefined);
  const c = code(e) ?? code((e as { cause?: unknown } | null)?.cause);
  return c === '40001' || c === '40P01';
}

/** One's own released score, or null before the first release. */
export async function ownScore(userId: string): Promise<{ score: DisclosedScore; takenOn: string } | null> {
  const snap = await getSnapshot(userId);
  return snap ? { score: snap.score as DisclosedScore, takenOn: snap.takenOn } : null;
}
