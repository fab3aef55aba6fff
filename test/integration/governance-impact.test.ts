import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { allBuyerEvidence } from '@/db/queries/evidence';
import { buyerFolds, parameterVersions, proposalPreviews, proposals, ratings, scoreSnapshots } from '@/db/schema';
import { discloseScore } from '@/lib/disclosure/coarse';
import { VERSION_1 } from '@/lib/governance/parameters';
import { countUndecidedPreviews, previewImpact, proposalImpact } from '@/lib/governance/preview';
import { takeSnapshot } from '@/lib/screening/snapshots';
import { buyerScore } from '@/lib/trust';
import { withTestDatabase } from '../support/database';
import { sellerRates } from './score-support';
import { makeUser, makeUsers, type TestUser } from './screening-support';

// The repeated-ratings rule and the impact preview: one seller who records an encounter with a
// buyer again and again and flags it each time (issue 20's example).

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const where = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const good = { safe: true, reliable: true };
const bad = { safe: false, reliable: true };

describe(`repeated ratings and the impact preview (${where})`, () => {
  let a: TestUser;
  let others: TestUser[];
  let repeated: TestUser[]; // A flags each three times; four others rate safe once
  let changedMind: TestUser[]; // A flags once, later rates safe

  beforeAll(async () => {
    a = await makeUser('seller', 'Imp.A');
    others = await makeUsers('seller', 'Imp.Other', 4);
    repeated = await makeUsers('buyer', 'Imp.Rep', 5);
    changedMind = await makeUsers('buyer', 'Imp.Mind', 5);
    for (const b of repeated) {
      for (let i = 0; i < 3; i++) await sellerRates(db(), a, b, bad);
      for (const o of others) await sellerRates(db(), o, b, good);
    }
    for (const b of changedMind) {
      await sellerRates(db(), a, b, bad);
      await db().update(ratings).set({ createdOn: sql`current_date - 2` }).where(and(eq(ratings.rateeId, b.id), eq(ratings.raterId, a.id)));
      await sellerRates(db(), a, b, good);
    }
  });

  it("'latest_per_rater' counts one rating per rater, her latest; 'every' counts them all", async () => {
    const every = new Map((await allBuyerEvidence('every')).map((e) => [e.buyerId, e]));
    const latest = new Map((await allBuyerEvidence('latest_per_rater')).map((e) => [e.buyerId, e]));
    expect(every.get(repeated[0]!.id)).toMatchObject({ ratings: 7, safeNo: 3, safeYes: 4 });
    expect(latest.get(repeated[0]!.id)).toMatchObject({ ratings: 5, safeNo: 1, safeYes: 4, reliableYes: 5, reliableNo: 0 });
    expect(every.get(changedMind[0]!.id)).toMatchObject({ ratings: 2, safeNo: 1, safeYes: 1 });
    expect(latest.get(changedMind[0]!.id)).toMatchObject({ ratings: 1, safeNo: 0, safeYes: 1 });
  });

  it('a rater whose ratings are all folded counts once, with her share of "no" flags', async () => {
    const folded = await makeUser('seller', 'Imp.Folded');
    const b = repeated[4]!;
    await db().insert(buyerFolds).values({ buyerId: b.id, raterKey: folded.id, ratings: 4, safeYes: 1, safeNo: 3, reliableYes: 4, reliableNo: 0 });
    const latest = (await allBuyerEvidence('latest_per_rater')).find((e) => e.buyerId === b.id);
    expect(latest).toMatchObject({ ratings: 6, safeNo: 1.75, safeYes: 4.25, reliableYes: 6, reliableNo: 0 });
    await db().delete(buyerFolds).where(eq(buyerFolds.raterKey, folded.id));
  });

  it('the preview counts buyers whose verdict and trust would change and the influence bands, never fewer than 5', async () => {
    // Every: the repeated flags drive trust to 0 (k = 3 of 7); latest: 1 of 5 gives S = 1.
    // Changed minds: warnings (1 unsafe of 2) become clear.
    const impact = await previewImpact({ repeatedRatings: 'latest_per_rater' });
    expect(impact).toMatchObject({ buyers: 10, verdictChanged: 5, trustChanged: 10 });
    const band = (b: string) => impact!.influence.find((x) => x.band === b)!;
    expect(band('none')).toEqual({ band: 'none', before: 5, after: null }); // 0 after: shown as "< 5"
    expect(band('q4')).toEqual({ band: 'q4', before: null, after: 10 });
    expect(band('q1')).toEqual({ band: 'q1', before: 5, after: null }); // T = 0.25 → I = 0.0156

    const small = await previewImpact({ dampingExponent: 2 });
    expect(small).toMatchObject({ buyers: 10, verdictChanged: null, trustChanged: null }); // 0 changed: suppressed
  });

  it('the vote page reads a preview counted at most once a day per proposal and version in force; the timer counts undecided ones ahead', async () => {
    const changes = { repeatedRatings: 'latest_per_rater' as const };
    const [p] = await db().insert(proposals).values({ changes, baseVersion: 1, reasonKeyVersion: 1, reasonCiphertext: 'sealed' }).returning({ id: proposals.id });
    const id = p!.id;
    expect(await countUndecidedPreviews()).toBe(1);
    expect(await countUndecidedPreviews()).toBe(0); // counted today already
    const counted = await previewImpact(changes);
    expect(await proposalImpact(id, changes)).toEqual(counted);
    const stored = () => db().select().from(proposalPreviews).where(eq(proposalPreviews.proposalId, id));
    expect((await stored())[0]).toMatchObject({ paramsVersion: 1, impact: counted });

    // Today's stored preview is what a view shows (a marker proves it is read, not counted again)…
    await db().update(proposalPreviews).set({ impact: { marker: 1 } }).where(eq(proposalPreviews.proposalId, id));
    expect(await proposalImpact(id, changes)).toEqual({ marker: 1 });
    // …yesterday's, or one counted against another version in force, is counted again.
    await db().update(proposalPreviews).set({ computedOn: sql`current_date - 1` }).where(eq(proposalPreviews.proposalId, id));
    expect(await proposalImpact(id, changes)).toEqual(counted);
    await db().update(proposalPreviews).set({ paramsVersion: 99, impact: { marker: 2 } }).where(eq(proposalPreviews.proposalId, id));
    expect(await proposalImpact(id, changes)).toEqual(counted);
    expect((await stored())[0]).toMatchObject({ paramsVersion: 1, impact: counted });

    await db().delete(proposals).where(eq(proposals.id, id));
    expect(await stored()).toEqual([]);
  });

  it("a snapshot under a version with 'latest_per_rater' releases the latest-per-rater score, and records the version", async () => {
    await db().insert(parameterVersions).values({ version: 2, params: { ...VERSION_1, repeatedRatings: 'latest_per_rater' }, inForceFrom: sql`current_date` });
    await takeSnapshot();
    const [snap] = await db().select().from(scoreSnapshots).where(eq(scoreSnapshots.userId, repeated[0]!.id));
    expect(snap!.paramsVersion).toBe(2);
    expect(snap!.score).toEqual(discloseScore(buyerScore([bad, good, good, good, good])));
  });
});
