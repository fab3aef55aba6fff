import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSnapshot } from '@/db/queries/snapshots';
import { scoreSnapshots, snapshotSchedule, users } from '@/db/schema';
import { rateBuyer } from '@/lib/screening/encounters';
import { lookupBuyer } from '@/lib/screening/lookup';
import { publicSellerProfile } from '@/lib/screening/profile';
import { rateSeller, redeemCode } from '@/lib/screening/redeem';
import { ownBuyerScore, ownSellerScore, takeSnapshot, takeSnapshotIfDue } from '@/lib/screening/snapshots';
import { buyerScore, confidenceString, sellerScore, type BuyerRating, type SellerScore } from '@/lib/trust';
import { withTestDatabase } from '../support/database';
import { databaseToday } from './helpers';
import { ageLastRated, encounter, makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The seller records an encounter with the buyer, who redeems it and rates her. */
async function buyerRates(seller: TestUser, buyer: TestUser, flags: BuyerRating) {
  const code = await encounter(seller.id, { buyer: buyer.pseudonym });
  expect(await redeemCode(buyer.id, code.code)).toMatchObject({ ok: true });
  expect(await rateSeller(buyer.id, code.codeId, flags)).toEqual({ ok: true });
}

/** The seller rates the buyer (on another day if she already did today). */
async function sellerRates(seller: TestUser, buyer: TestUser, flags: BuyerRating) {
  await ageLastRated(db(), buyer.id, seller.id);
  const code = await encounter(seller.id, { buyer: buyer.pseudonym });
  expect(await rateBuyer(seller.id, code.codeId, flags)).toEqual({ ok: true });
}

async function sellerSnapshot(seller: TestUser): Promise<SellerScore> {
  const own = await ownSellerScore(seller.id);
  if (!own) throw new Error(`no snapshot for ${seller.pseudonym}`);
  return own.score;
}

async function nextDueAt(): Promise<Date> {
  const [row] = await db().select().from(snapshotSchedule);
  if (!row) throw new Error('no snapshot schedule');
  return new Date(row.nextDueAt);
}

describe(`snapshots and the public profile (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let main: TestUser; // rated by a trusted, a low-trust and a new buyer
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

  it('the public profile shows nothing of a seller before the first snapshot, and nothing of anyone else', async () => {
    const today = await databaseToday(db());
    expect(await publicSellerProfile('snap.main')).toEqual({
      pseudonym: 'Snap.Main',
      memberSince: today.slice(0, 7),
      score: null,
      snapshotOn: null,
    });
    for (const name of [trusted.pseudonym, newcomer.pseudonym, coordinator.pseudonym, 'Nobody.Here', 'x', '', 'a b c']) {
      expect(await publicSellerProfile(name), name).toBeNull();
    }
    expect(await ownSellerScore(main.id)).toBeNull();
    expect(await ownBuyerScore(trusted.id)).toBeNull();
  });

  it("weights each buyer's rating of a seller by that buyer's current influence I = T³", async () => {
    const lowInfluence = buyerScore(lowFlags).influence;
    expect(buyerScore(lowFlags).trust).toBe(0.5);
    expect(lowInfluence).toBe(0.125);
    expect(buyerScore(trustedFlags).influence).toBe(1);
    // The live look-up agrees with the influences used below.
    const look = await lookupBuyer(lowTrust.pseudonym);
    expect(look).toMatchObject({ ok: true, found: true, reputation: { influence: 0.125 } });

    const today = await databaseToday(db());
    expect(await takeSnapshot()).toEqual({ buyers: 2, sellers: 6 });

    const expectedMain = sellerScore([
      { safe: true, reliable: true, raterInfluence: 1 },
      { safe: false, reliable: false, raterInfluence: lowInfluence },
      { safe: false, reliable: false, raterInfluence: 0 }, // a new buyer weighs nothing
    ]);
    const mainSnap = await ownSellerScore(main.id);
    expect(mainSnap).toEqual({ score: expectedMain, takenOn: today });
    // n_w = 1.125, k_w = 0.125: f = 0.25·0.125 − 0.125 + 1. Unweighted, two unsafe of three would be 0.
    expect(mainSnap!.score).toMatchObject({ safety: 0.90625, reliability: 0.90625, sampleSize: 3, trustedWeight: 1.125 });
    expect(sellerScore([true, false, false].map((safe) => ({ safe, reliable: safe, raterInfluence: 1 }))).safety).toBe(0);

    // A lone low-trust rater cannot produce a score (Σ I < 1).
    expect(await sellerSnapshot(lonely)).toEqual(sellerScore([{ safe: false, reliable: false, raterInfluence: lowInfluence }]));
    expect(await sellerSnapshot(lonely)).toMatchObject({ safety: null, reliability: null, trust: null, sampleSize: 1, trustedWeight: 0.125 });
    expect(await sellerSnapshot(unrated)).toEqual(sellerScore([]));
    expect(await sellerSnapshot(unrated)).toMatchObject({ safety: null, sampleSize: 0, trustedWeight: 0 });
    for (const rater of raters) expect(await sellerSnapshot(rater)).toEqual(sellerScore([]));

    // Buyers' snapshots; a buyer nobody rated has none yet.
    expect(await ownBuyerScore(trusted.id)).toEqual({ score: buyerScore(trustedFlags), takenOn: today });
    expect(await ownBuyerScore(lowTrust.id)).toEqual({ score: buyerScore(lowFlags), takenOn: today });
    expect(await ownBuyerScore(newcomer.id)).toBeNull();
    // Coordinators are not scored.
    expect(await getSnapshot(coordinator.id)).toBeNull();
    expect(await db().$count(scoreSnapshots)).toBe(8);
  });

  it('the public profile shows the month the seller joined and her snapshot', async () => {
    await db().update(users).set({ memberSince: '2025-03-17' }).where(eq(users.id, main.id));
    const snap = await sellerSnapshot(main);
    const profile = await publicSellerProfile(' SNAP.main ');
    expect(profile).toEqual({
      pseudonym: 'Snap.Main',
      memberSince: '2025-03',
      score: { ...snap, confidence: confidenceString(snap.safetyInterval) },
      snapshotOn: await databaseToday(db()),
    });
    expect(profile!.score!.confidence).toMatch(/^\d\.\d\d-\d\.\d\d$/);
    expect((await publicSellerProfile(lonely.pseudonym))!.score).toMatchObject({ safety: null, confidence: null });
    for (const name of [trusted.pseudonym, lowTrust.pseudonym, coordinator.pseudonym, 'Nobody.Here']) {
      expect(await publicSellerProfile(name), name).toBeNull();
    }
  });

  it('does not move when new ratings arrive, only at the next snapshot', async () => {
    const before = {
      main: await ownSellerScore(main.id),
      unrated: await ownSellerScore(unrated.id),
      trusted: await ownBuyerScore(trusted.id),
      profile: await publicSellerProfile(main.pseudonym),
    };
    // The trusted buyer is now flagged unsafe (T = f(1, 2) = 0.25, I = 1/64), and rates the unrated seller.
    const trustedNow: BuyerRating[] = [...trustedFlags, { safe: false, reliable: null }];
    await sellerRates(raters[1]!, trusted, trustedNow[1]!);
    await buyerRates(unrated, trusted, { safe: true, reliable: true });

    // The live look-up shows it at once ...
    expect(await lookupBuyer(trusted.pseudonym)).toMatchObject({ reputation: { safety: 0.25, counts: { unsafe: 1 } } });
    // ... the snapshots do not.
    expect(await ownSellerScore(main.id)).toEqual(before.main);
    expect(await ownSellerScore(unrated.id)).toEqual(before.unrated);
    expect(await ownBuyerScore(trusted.id)).toEqual(before.trusted);
    expect(await publicSellerProfile(main.pseudonym)).toEqual(before.profile);

    await takeSnapshot();
    const trustedInfluence = buyerScore(trustedNow).influence;
    expect(trustedInfluence).toBe(0.015625);
    expect(await ownBuyerScore(trusted.id)).toMatchObject({ score: buyerScore(trustedNow) });
    // The main seller's score now uses the trusted buyer's current, lower influence: Σ I < 1, no score.
    const mainNow = await sellerSnapshot(main);
    expect(mainNow).toEqual(
      sellerScore([
        { safe: true, reliable: true, raterInfluence: trustedInfluence },
        { safe: false, reliable: false, raterInfluence: 0.125 },
        { safe: false, reliable: false, raterInfluence: 0 },
      ]),
    );
    expect(mainNow).toMatchObject({ safety: null, trustedWeight: 0.140625 });
    expect(await sellerSnapshot(unrated)).toMatchObject({ sampleSize: 1, trustedWeight: trustedInfluence });
    expect((await publicSellerProfile(main.pseudonym))!.score).toEqual({ ...mainNow, confidence: null });
  });

  it('takeSnapshotIfDue runs once, then not again until a jittered week later', async () => {
    expect(await db().$count(snapshotSchedule)).toBe(0);
    const now = new Date();
    // Something to show that a run happened: one more rating of the low-trust buyer.
    const lowNow: BuyerRating[] = [...lowFlags, { safe: true, reliable: false }];
    await sellerRates(raters[2]!, lowTrust, lowNow[3]!);
    expect((await ownBuyerScore(lowTrust.id))!.score).toEqual(buyerScore(lowFlags));

    expect(await takeSnapshotIfDue(now)).toBe(true);
    expect((await ownBuyerScore(lowTrust.id))!.score).toEqual(buyerScore(lowNow));
    const due = await nextDueAt();
    expect(due.getTime()).toBeGreaterThanOrEqual(now.getTime() + 7 * DAY_MS);
    expect(due.getTime()).toBeLessThanOrEqual(now.getTime() + 8 * DAY_MS);

    // Not due: no run, and the snapshot stays as it is.
    const lowLater: BuyerRating[] = [...lowNow, { safe: false, reliable: false }];
    await sellerRates(raters[0]!, lowTrust, lowLater[4]!);
    for (const at of [now, new Date(now.getTime() + 60_000), new Date(now.getTime() + 6 * DAY_MS), new Date(due.getTime() - 1000)]) {
      expect(await takeSnapshotIfDue(at), at.toISOString()).toBe(false);
    }
    expect(await nextDueAt()).toEqual(due);
    expect((await ownBuyerScore(lowTrust.id))!.score).toEqual(buyerScore(lowNow));

    // Due: it runs, once, and schedules the next.
    expect(await takeSnapshotIfDue(due)).toBe(true);
    expect((await ownBuyerScore(lowTrust.id))!.score).toEqual(buyerScore(lowLater));
    expect(await takeSnapshotIfDue(due)).toBe(false);
    const next = await nextDueAt();
    expect(next.getTime()).toBeGreaterThanOrEqual(due.getTime() + 7 * DAY_MS);
    expect(next.getTime()).toBeLessThanOrEqual(due.getTime() + 8 * DAY_MS);
    expect(await db().$count(snapshotSchedule)).toBe(1);
  });

  it('a seller who joins after the snapshot has a profile but no score until the next one', async () => {
    const late = await makeUser('seller', 'Snap.Late');
    await db().execute(sql`update users set member_since = date '2026-01-31' where id = ${late.id}`);
    expect(await publicSellerProfile(late.pseudonym)).toEqual({ pseudonym: 'Snap.Late', memberSince: '2026-01', score: null, snapshotOn: null });
    await takeSnapshot();
    expect(await publicSellerProfile(late.pseudonym)).toMatchObject({
      memberSince: '2026-01',
      score: { ...sellerScore([]), confidence: null },
      snapshotOn: await databaseToday(db()),
    });
  });
});
