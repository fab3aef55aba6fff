import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { rebuildCounters } from '@/db/queries/rebuild';
import { buyerCounters, buyerSellerPairs, ratings, users } from '@/db/schema';
import { deleteAccount } from '@/lib/accounts/credentials';
import { lookupBuyer } from '@/lib/screening/lookup';
import { hashSecret } from '@/lib/passwords';
import { withTestDatabase } from '../support/database';
import { ageLastRated, encounter, makeUsers, type TestUser } from './screening-support';

// The invariant: after any deletion, the counters equal a recount from the rating rows that
// remain. A deleted seller's flags stay (anonymous) and count; in the distinct-seller counts she
// is one rater per buyer she rated (departed_rater), as she was before. A deleted buyer's
// counters and the ratings of him go with him. The buyer–seller pairs hold sellers still here.

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const PASSWORD = 'Zähl-Passwort-2026!';

const RECOUNT = sql`
  select ratee_id as "buyerId", count(*)::int as ratings,
    (count(*) filter (where safe))::int as "safeYes", (count(*) filter (where not safe))::int as "safeNo",
    (count(*) filter (where reliable))::int as "reliableYes", (count(*) filter (where not reliable))::int as "reliableNo",
    count(distinct coalesce(rater_id, departed_rater))::int as raters,
    (count(distinct coalesce(rater_id, departed_rater)) filter (where not safe))::int as "unsafeRaters",
    (count(distinct coalesce(rater_id, departed_rater)) filter (where not reliable))::int as "unreliableRaters",
    (max(created_on) filter (where not safe))::text as "lastUnsafeOn"
  from ratings where direction = 'seller_rates_buyer' group by ratee_id order by ratee_id`;

const PAIRS = sql`
  select ratee_id as "buyerId", rater_id as "sellerId", count(*)::int as ratings,
    (count(*) filter (where not safe))::int as unsafe, (count(*) filter (where not reliable))::int as unreliable
  from ratings where direction = 'seller_rates_buyer' and rater_id is not null group by ratee_id, rater_id order by 1, 2`;

const stored = async () => db().select().from(buyerCounters).orderBy(buyerCounters.buyerId);
const storedPairs = async () =>
  (await db().select().from(buyerSellerPairs).orderBy(buyerSellerPairs.buyerId, buyerSellerPairs.sellerId)).map(({ lastRatedOn: _, ...p }) => p);

/** The counters and the pairs are exactly what the remaining rows say, and a rebuild changes nothing. */
async function expectRecountEqual(when: string) {
  const counters = await stored();
  expect(counters, `${when}: counters`).toEqual(await queryRows(db(), RECOUNT));
  expect(await storedPairs(), `${when}: pairs`).toEqual(await queryRows(db(), PAIRS));
  await rebuildCounters();
  expect(await stored(), `${when}: after a rebuild`).toEqual(counters);
}

/** She rates him on `days` separate days (the daily rule allows one a day). */
async function rate(seller: TestUser, buyer: TestUser, flags: { safe: boolean | null; reliable: boolean | null }[]) {
  for (const f of flags) {
    await ageLastRated(db(), buyer.id, seller.id, 1);
    expect((await encounter(seller.id, { buyer: buyer.pseudonym, ...f })).rated).toBe(true);
  }
}

const sellersCount = async (buyer: TestUser) => {
  const look = await lookupBuyer(buyer.pseudonym);
  if (!look.ok || !look.found) throw new Error('buyer not found');
  return { sellers: look.reputation.counts.sellers, unsafeSellers: look.reputation.counts.unsafeSellers, ratings: look.reputation.counts.ratings };
};

describe(`counters after account deletions (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('equal a recount from the remaining ratings after sellers and buyers delete their accounts', { timeout: 60_000 }, async () => {
    const [anna, bea, cleo, dora] = await makeUsers('seller', 'Del.Seller', 4);
    const [max, nils, otto] = await makeUsers('buyer', 'Del.Buyer', 3);
    const hash = await hashSecret(PASSWORD);
    await db().update(users).set({ passwordHash: hash });
    const no = { safe: false, reliable: false };
    const yes = { safe: true, reliable: true };

    // Max: flagged unsafe by Anna (twice) and Bea, rated well by Cleo. Nils: by Anna and Dora. Otto: by Bea.
    await rate(anna!, max!, [no, no, yes]);
    await rate(bea!, max!, [{ safe: false, reliable: null }]);
    await rate(cleo!, max!, [yes, yes]);
    await rate(anna!, nils!, [{ safe: null, reliable: false }]);
    await rate(dora!, nils!, [yes]);
    await rate(bea!, otto!, [no]);
    await expectRecountEqual('before any deletion');
    const maxBefore = await sellersCount(max!);
    expect(maxBefore).toEqual({ sellers: 3, unsafeSellers: 2, ratings: 6 });

    // Anna leaves: her flags stay and she still counts as one seller of Max and one of Nils.
    expect(await deleteAccount(anna!, PASSWORD, anna!.pseudonym)).toEqual({ ok: true });
    await expectRecountEqual('after a seller left');
    expect(await sellersCount(max!)).toEqual(maxBefore);
    const departed = await db().select({ ratee: ratings.rateeId, key: ratings.departedRater }).from(ratings).where(sql`${ratings.departedRater} is not null`);
    expect(departed).toHaveLength(4);
    // One id per buyer she rated, not one for all her ratings: nothing links Max's rows to Nils's.
    expect(new Set(departed.filter((d) => d.ratee === max!.id).map((d) => d.key)).size).toBe(1);
    expect(new Set(departed.map((d) => d.key)).size).toBe(2);

    // Bea leaves too: two departed sellers of Max stay two.
    expect(await deleteAccount(bea!, PASSWORD, bea!.pseudonym)).toEqual({ ok: true });
    await expectRecountEqual('after a second seller left');
    expect(await sellersCount(max!)).toEqual(maxBefore);

    // A buyer leaves: his counters and the ratings of him go; nobody else's change.
    expect(await deleteAccount(nils!, PASSWORD, nils!.pseudonym)).toEqual({ ok: true });
    await expectRecountEqual('after a buyer left');
    expect(await db().$count(buyerCounters, eq(buyerCounters.buyerId, nils!.id))).toBe(0);
    expect(await db().$count(buyerCounters)).toBe(2);

    // Life goes on: a remaining seller rates again, and the counts stay a recount.
    await rate(cleo!, max!, [no]);
    await rate(dora!, otto!, [no]);
    await expectRecountEqual('after new ratings');
    expect(await sellersCount(max!)).toEqual({ sellers: 3, unsafeSellers: 3, ratings: 7 });
  });
});
