import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteUser } from '@/db/queries/users';
import { ratings } from '@/db/schema';
import { GET as profileRoute } from '@/app/api/seller/[pseudonym]/profile/route';
import { RELEASE_THRESHOLD } from '@/lib/disclosure/release';
import { publicSellerProfile } from '@/lib/screening/profile';
import { ownScore, takeSnapshot } from '@/lib/screening/snapshots';
import { withTestDatabase } from '../support/database';
import { buyerRates, expectCoarse, sellerRates as rates } from './score-support';
import { makeUser, makeUsers, type TestUser } from './screening-support';

// The retaliation scenario of the disclosure issue, as a rated person would try it: one new
// rating between two weekly runs must not show, on any view of one's own score.

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const sellerRates = (seller: TestUser, buyer: TestUser, safe: boolean) => rates(db(), seller, buyer, { safe, reliable: true });

/** The public profile as its API answers it. */
async function profileJson(pseudonym: string) {
  const response = await profileRoute(new Request(`http://localhost/api/seller/${pseudonym}/profile`), { params: Promise.resolve({ pseudonym }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe(`release after ${RELEASE_THRESHOLD} new ratings from ${RELEASE_THRESHOLD} raters (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let b: TestUser;
  let sellers: TestUser[]; // X, Y, Z, W, V, U
  let s: TestUser;
  let buyers: TestUser[];

  beforeAll(async () => {
    b = await makeUser('buyer', 'Rel.B');
    sellers = await makeUsers('seller', 'Rel.Seller', 6);
    s = await makeUser('seller', 'Rel.S');
    buyers = await makeUsers('buyer', 'Rel.Buyer', 6);
    // Every rating buyer has influence 1 (one "safe" from a seller), so S's figures are real.
    for (const buyer of buyers) await sellerRates(sellers[5]!, buyer, true);
  });

  it("a buyer's own view: X rates, run, Y flags unsafe, run: identical; two more raters, run: it changes", async () => {
    const [x, y, z, w] = sellers as [TestUser, TestUser, TestUser, TestUser];
    await sellerRates(x, b, true);
    await takeSnapshot();
    const afterX = await ownScore(b.id);
    expect(afterX).toBeNull(); // "not enough ratings yet", with nothing pending shown
    await sellerRates(y, b, false);
    await takeSnapshot();
    expect(await ownScore(b.id)).toEqual(afterX);

    await sellerRates(z, b, true);
    await sellerRates(w, b, true);
    await takeSnapshot();
    const first = await ownScore(b.id);
    expect(first).not.toBeNull();
    expect(first!.score).toMatchObject({ safety: 0.75, sampleSize: '<5' }); // 1 unsafe of 4: f(1, 4) = 0.75
    expectCoarse(first);

    // After a release the same holds: one flag, then three ratings from two raters, show nothing.
    const [v, u] = [sellers[4]!, sellers[5]!];
    await sellerRates(v, b, false);
    await takeSnapshot();
    expect(await ownScore(b.id)).toEqual(first);
    await sellerRates(v, b, false);
    await sellerRates(u, b, false);
    await takeSnapshot();
    expect(await ownScore(b.id)).toEqual(first);
    // A third distinct rater since the release: now it changes.
    await sellerRates(x, b, false);
    await takeSnapshot();
    const second = await ownScore(b.id);
    expect(second!.score).not.toEqual(first!.score);
    expect(second!.score.sampleSize).toBe('5-9');
  });

  it("a seller's own view and her public profile (page and API) change only with 3 new raters", async () => {
    const [b0, b1, b2, b3, b4] = buyers as [TestUser, TestUser, TestUser, TestUser, TestUser];
    await buyerRates(s, b0, { safe: true, reliable: true });
    await takeSnapshot();
    const own0 = await ownScore(s.id);
    const api0 = await profileJson(s.pseudonym);
    expect(own0).toBeNull();
    expect(api0).toMatchObject({ score: null, snapshotOn: null });
    await buyerRates(s, b1, { safe: false, reliable: false });
    await takeSnapshot();
    expect(await ownScore(s.id)).toEqual(own0);
    expect(await profileJson(s.pseudonym)).toEqual(api0);
    expect(await publicSellerProfile(s.pseudonym)).toEqual(api0);

    await buyerRates(s, b2, { safe: true, reliable: true });
    await takeSnapshot();
    const own1 = await ownScore(s.id);
    const api1 = await profileJson(s.pseudonym);
    expect(own1!.score).toMatchObject({ sampleSize: '<5' });
    expect(api1.score).toEqual({ ...own1!.score, confidence: expect.stringMatching(/^\d\.\d\d-\d\.\d\d$/) });
    expectCoarse(api1);

    // One more buyer's unsafe rating: neither her own view nor the public one moves.
    await buyerRates(s, b3, { safe: false, reliable: false });
    await takeSnapshot();
    expect(await ownScore(s.id)).toEqual(own1);
    expect(await profileJson(s.pseudonym)).toEqual(api1);

    // A rating buyer deleted, and influences recomputed (b4 flagged by three sellers): still nothing.
    await deleteUser(b0.id, 'tombstone-rel-b0');
    for (const seller of sellers.slice(0, 3)) await sellerRates(seller, b2, false);
    await takeSnapshot();
    expect(await ownScore(s.id)).toEqual(own1);
    expect(await profileJson(s.pseudonym)).toEqual(api1);

    // Two more buyers: three new raters since the release (b3, b4, and b1 again).
    await buyerRates(s, b4, { safe: true, reliable: true });
    await buyerRates(s, b1, { safe: true, reliable: true });
    await takeSnapshot();
    expect(await ownScore(s.id)).not.toEqual(own1);
    expect(await profileJson(s.pseudonym)).not.toEqual(api1);
  });

  it('a deleted rater adds no distinct rater', async () => {
    const c = await makeUser('buyer', 'Rel.C');
    const [x, y, z] = sellers as [TestUser, TestUser, TestUser];
    await sellerRates(x, c, true);
    await sellerRates(y, c, true);
    await takeSnapshot();
    expect(await ownScore(c.id)).toBeNull();
    // A third real rating, but from a seller whose account is then deleted.
    const gone = await makeUser('seller', 'Rel.Gone');
    await sellerRates(gone, c, false);
    await deleteUser(gone.id, 'tombstone-rel-gone');
    expect(await db().$count(ratings, eq(ratings.rateeId, c.id))).toBe(3);
    await takeSnapshot();
    expect(await ownScore(c.id)).toBeNull();
    await sellerRates(z, c, true);
    await takeSnapshot();
    expect(await ownScore(c.id)).not.toBeNull();
  });
});
