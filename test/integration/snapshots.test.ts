import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSnapshot } from '@/db/queries/snapshots';
import { scoreSnapshots, snapshotSchedule, users } from '@/db/schema';
import { discloseScore } from '@/lib/disclosure/coarse';
import { lookupBuyer } from '@/lib/screening/lookup';
import { publicSellerProfile } from '@/lib/screening/profile';
import { ownScore, takeSnapshot, takeSnapshotIfDue } from '@/lib/screening/snapshots';
import { buyerScore, confidenceString, sellerScore, type BuyerRating } from '@/lib/trust';
import { withTestDatabase } from '../support/database';
import { databaseToday } from './helpers';
import { buyerRates, expectCoarse, sellerRates as rates } from './score-support';
import { makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const sellerRates = (seller: TestUser, buyer: TestUser, flags: BuyerRating) => rates(db(), seller, buyer, flags);

const DAY_MS = 24 * 60 * 60 * 1000;

async function nextDueAt(): Promise<Date> {
  const [row] = await db().select().from(snapshotSchedule);
  if (!row) throw new Error('no snapshot schedule');
  return new Date(row.nextDueAt);
}

describe(`weekly releases and the public profile (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let main: TestUser; // rated by a trusted, a low-trust and a new buyer: three distinct raters
  let lonely: TestUser; // rated only by the low-trust buyer
  let unrated: TestUser;
  let raters: TestUser[]; // sellers who rate the buyers
  let trusted: TestUser;
  let lowTrust: TestUser;
  let newcomer: TestUser;
  let coordinator: TestUser;
  const trustedFlags: BuyerRating[] = [{ safe: true, reliable: true }];
  const lowFlags: BuyerRating[] = [
    { safe: true, reliable: true },
    { safe: true, reliable: true },
    { safe: false, reliable: true },
  ];

  beforeAll(async () => {
    main = await makeUser('seller', 'Snap.Main');
    lonely = await makeUser('seller', 'Snap.Lonely');
    unrated = await makeUser('seller', 'Snap.Unrated');
    raters = [await makeUser('seller', 'Snap.Rater0'), await makeUser('seller', 'Snap.Rater1'), await makeUser('seller', 'Snap.Rater2')];
    trusted = await makeUser('buyer', 'Snap.Trusted');
    lowTrust = await makeUser('buyer', 'Snap.LowTrust');
    newcomer = await makeUser('buyer', 'Snap.Newcomer');
    coordinator = await makeUser('coordinator', 'Snap.Coordinator');

    // Sellers' ratings of buyers: trusted T = 1; low-trust S = f(1, 3) = 0.5, R = 1, T = 0.5.
    await sellerRates(raters[0]!, trusted, trustedFlags[0]!);
    for (let i = 0; i < 3; i++) await sellerRates(raters[i]!, lowTrust, lowFlags[i]!);

    // Buyers' ratings of sellers.
    await buyerRates(main, trusted, { safe: true, reliable: true });
    await buyerRates(main, lowTrust, { safe: false, reliable: false });
    await buyerRates(main, newcomer, { safe: false, reliable: false });
    await buyerRates(lonely, lowTrust, { safe: false, reliable: false });
  });

  it('the public profile shows nothing of a seller before her first release, and nothing of anyone else', async () => {
    const today = await databaseToday(db());
    expect(await publicSellerProfile('snap.main')).toEqual({ pseudonym: 'Snap.Main', memberSince: today.slice(0, 7), score: null, snapshotOn: null });
    for (const name of [trusted.pseudonym, newcomer.pseudonym, coordinator.pseudonym, 'Nobody.Here', 'x', '', 'a b c']) {
      expect(await publicSellerProfile(name), name).toBeNull();
    }
    expect(await ownScore(main.id)).toBeNull();
    expect(await ownScore(trusted.id)).toBeNull();
  });

  it("releases only people with 3 new ratings from 3 raters, weighting buyers' ratings of sellers by I = T³", async () => {
    const lowInfluence = buyerScore(lowFlags).influence;
    expect(lowInfluence).toBe(0.125);
    // The live look-up shows the influence to two decimals.
    expect(await lookupBuyer(lowTrust.pseudonym)).toMatchObject({ ok: true, found: true, reputation: { influence: 0.13, trust: 0.5 } });

    const today = await databaseToday(db());
    expect(await takeSnapshot()).toEqual({ buyers: 1, sellers: 1 });

    const exactMain = sellerScore([
      { safe: true, reliable: true, raterInfluence: 1 },
      { safe: false, reliable: false, raterInfluence: lowInfluence },
      { safe: false, reliable: false, raterInfluence: 0 }, // a new buyer weighs nothing
    ]);
    // n_w = 1.125, k_w = 0.125: f = 0.25·0.125 − 0.125 + 1 = 0.90625, shown as 0.91.
    expect(exactMain).toMatchObject({ safety: 0.90625, reliability: 0.90625, sampleSize: 3, trustedWeight: 1.125 });
    const mainSnap = await ownScore(main.id);
    expect(mainSnap).toEqual({ score: discloseScore(exactMain), takenOn: today });
    expect(mainSnap!.score).toMatchObject({ safety: 0.91, reliability: 0.91, sampleSize: '<5' });
    expect(mainSnap!.score).not.toHaveProperty('trustedWeight');
    expectCoarse(mainSnap);
    expect(await ownScore(lowTrust.id)).toEqual({ score: discloseScore(buyerScore(lowFlags)), takenOn: today });

    // One rater, or none: no release at all, so nothing to compare later.
    for (const person of [lonely, unrated, ...raters, trusted, newcomer, coordinator]) expect(await getSnapshot(person.id), person.pseudonym).toBeNull();
    expect(await db().$count(scoreSnapshots)).toBe(2);
  });

  it('the public profile shows the month the seller joined and her release, coarse', async () => {
    await db().update(users).set({ memberSince: '2025-03-17' }).where(eq(users.id, main.id));
    const snap = (await ownScore(main.id))!;
    const profile = await publicSellerProfile(' SNAP.main ');
    expect(profile).toEqual({
      pseudonym: 'Snap.Main',
      memberSince: '2025-03',
      score: { ...snap.score, confidence: confidenceString(snap.score.safetyInterval) },
      snapshotOn: snap.takenOn,
    });
    expect(profile!.score!.confidence).toMatch(/^\d\.\d\d-\d\.\d\d$/);
    expectCoarse(profile);
    expect(await publicSellerProfile(lonely.pseudonym)).toMatchObject({ score: null, snapshotOn: null });
  });

  it('influence changes and new ratings below the threshold release nothing', async () => {
    const before = { main: await ownScore(main.id), trusted: await ownScore(trusted.id), profile: await publicSellerProfile(main.pseudonym) };
    // The trusted buyer is flagged unsafe (T = 0.25, so the main seller's live score would lose
    // its only trusted rater) and rates the unrated seller.
    await sellerRates(raters[1]!, trusted, { safe: false, reliable: null });
    await buyerRates(unrated, trusted, { safe: true, reliable: true });
    expect(await lookupBuyer(trusted.pseudonym)).toMatchObject({ reputation: { safety: 0.25, counts: { unsafe: 1 } } });

    expect(await takeSnapshot()).toEqual({ buyers: 0, sellers: 0 });
    expect(await ownScore(main.id)).toEqual(before.main);
    expect(await ownScore(trusted.id)).toEqual(before.trusted);
    expect(await publicSellerProfile(main.pseudonym)).toEqual(before.profile);
    expect(await ownScore(unrated.id)).toBeNull();
  });

  it('takeSnapshotIfDue runs once, then not again until a jittered week later', async () => {
    expect(await db().$count(snapshotSchedule)).toBe(0);
    const now = new Date();
    // Something to show that a run happened: three more ratings of the low-trust buyer.
    const lowNow: BuyerRating[] = [...lowFlags, { safe: true, reliable: false }, { safe: true, reliable: true }, { safe: true, reliable: true }];
    for (let i = 0; i < 3; i++) await sellerRates(raters[i]!, lowTrust, lowNow[3 + i]!);
    expect((await ownScore(lowTrust.id))!.score).toEqual(discloseScore(buyerScore(lowFlags)));

    expect(await takeSnapshotIfDue(now)).toBe(true);
    expect((await ownScore(lowTrust.id))!.score).toEqual(discloseScore(buyerScore(lowNow)));
    const due = await nextDueAt();
    expect(due.getTime()).toBeGreaterThanOrEqual(now.getTime() + 7 * DAY_MS);
    expect(due.getTime()).toBeLessThanOrEqual(now.getTime() + 8 * DAY_MS);

    // Not due: no run, and the release stays as it is.
    const lowLater: BuyerRating[] = [...lowNow, { safe: false, reliable: false }, { safe: false, reliable: false }, { safe: false, reliable: false }];
    for (let i = 0; i < 3; i++) await sellerRates(raters[i]!, lowTrust, lowLater[6 + i]!);
    for (const at of [now, new Date(now.getTime() + 60_000), new Date(now.getTime() + 6 * DAY_MS), new Date(due.getTime() - 1000)]) {
      expect(await takeSnapshotIfDue(at), at.toISOString()).toBe(false);
    }
    expect(await nextDueAt()).toEqual(due);
    expect((await ownScore(lowTrust.id))!.score).toEqual(discloseScore(buyerScore(lowNow)));

    // Due: it runs, once, and schedules the next.
    expect(await takeSnapshotIfDue(due)).toBe(true);
    expect((await ownScore(lowTrust.id))!.score).toEqual(discloseScore(buyerScore(lowLater)));
    expect(await takeSnapshotIfDue(due)).toBe(false);
    const next = await nextDueAt();
    expect(next.getTime()).toBeGreaterThanOrEqual(due.getTime() + 7 * DAY_MS);
    expect(next.getTime()).toBeLessThanOrEqual(due.getTime() + 8 * DAY_MS);
    expect(await db().$count(snapshotSchedule)).toBe(1);
  });

  it('a seller who joins later has a profile but no score until three buyers have rated her', async () => {
    const late = await makeUser('seller', 'Snap.Late');
    await db().execute(sql`update users set member_since = date '2026-01-31' where id = ${late.id}`);
    await takeSnapshot();
    expect(await publicSellerProfile(late.pseudonym)).toEqual({ pseudonym: 'Snap.Late', memberSince: '2026-01', score: null, snapshotOn: null });
  });
});
