import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { buyerCounters } from '@/db/schema';
import { rateBuyer } from '@/lib/screening/encounters';
import { lookupBuyer } from '@/lib/screening/lookup';
import { rateSeller, redeemCode } from '@/lib/screening/redeem';
import { roundBuyerScore } from '@/lib/disclosure/coarse';
import { buyerScore, type Flag } from '@/lib/trust';
import { withTestDatabase } from '../support/database';
import { ageLastRated, encounter, makeUsers, prng, ratingsOfCode } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

const SEED = 20_261_121;
const TARGET_RATINGS = 60;

interface Recount {
  buyer_id: string;
  ratings: number;
  safe_yes: number;
  safe_no: number;
  reliable_yes: number;
  reliable_no: number;
  raters: number;
  unsafe_raters: number;
  unreliable_raters: number;
  last_unsafe_on: string | null;
}

/** The counters recomputed from scratch from the ratings table. */
async function recount(): Promise<Map<string, Recount>> {
  const rows = await queryRows<Recount>(
    db(),
    sql`select ratee_id as buyer_id,
          (count(*) filter (where safe is not null or reliable is not null))::int as ratings,
          (count(*) filter (where safe))::int as safe_yes,
          (count(*) filter (where not safe))::int as safe_no,
          (count(*) filter (where reliable))::int as reliable_yes,
          (count(*) filter (where not reliable))::int as reliable_no,
          (count(distinct rater_id))::int as raters,
          (count(distinct rater_id) filter (where not safe))::int as unsafe_raters,
          (count(distinct rater_id) filter (where not reliable))::int as unreliable_raters,
          (max(created_on) filter (where not safe))::text as last_unsafe_on
        from ratings where direction = 'seller_rates_buyer' group by ratee_id`,
  );
  return new Map(rows.map((r) => [r.buyer_id, r]));
}

const ZERO = { ratings: 0, safeYes: 0, safeNo: 0, reliableYes: 0, reliableNo: 0, raters: 0, unsafeRaters: 0, unreliableRaters: 0, lastUnsafeOn: null };

const asForm = (f: Flag) => (f === true ? 'yes' : f === false ? 'no' : 'skip');

describe(`buyer counters (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('equal a full recount from the ratings after a random sequence of ratings', { timeout: 60_000 }, async () => {
    const rnd = prng(SEED);
    const sellers = await makeUsers('seller', 'Count.Seller', 4);
    const buyers = await makeUsers('buyer', 'Count.Buyer', 5);
    const [neverRated] = await makeUsers('buyer', 'Count.Never', 1);

    // What the test expects, kept independently of the database.
    const model: { seller: string; buyer: string; safe: Flag; reliable: Flag }[] = [];
    const ratedToday = new Set<string>(); // pairs whose last rating is dated today
    const rateable: { seller: string; codeId: string; rated: boolean }[] = [];
    let refusedDaily = 0;
    let refusedDuplicate = 0;

    for (let step = 0; model.length < TARGET_RATINGS; step++) {
      if (step > 400) throw new Error('the random sequence did not reach its target');
      const seller = rnd.pick(sellers);
      const buyer = rnd.pick(buyers);
      let safe: Flag = rnd.pick([true, false, null]);
      const reliable: Flag = rnd.pick([true, false, null]);
      if (safe === null && reliable === null) safe = rnd.pick([true, false]);
      const pair = `${buyer.id}/${seller.id}`;

      // "Another day": most of the time, move her last rating of him back 1–3 days.
      if (ratedToday.has(pair) && rnd.next() < 0.75) {
        await ageLastRated(db(), buyer.id, seller.id, 1 + rnd.int(3));
        ratedToday.delete(pair);
      }
      const allowed = !ratedToday.has(pair);

      const mode = rnd.int(3);
      let outcome: boolean;
      if (mode === 0) {
        // Rated as she records the encounter.
        const result = await encounter(seller.id, { buyer: buyer.pseudonym, safe: asForm(safe), reliable: asForm(reliable) });
        outcome = result.rated;
        rateable.push({ seller: seller.id, codeId: result.codeId, rated: result.rated });
      } else if (mode === 1) {
        // Recorded now, rated from her history.
        const result = await encounter(seller.id, { buyer: buyer.pseudonym });
        const rated = await rateBuyer(seller.id, result.codeId, { safe, reliable });
        outcome = rated.ok;
        if (!rated.ok) expect(rated).toEqual({ ok: false, formError: 'onePerDay' });
        rateable.push({ seller: seller.id, codeId: result.codeId, rated: rated.ok });
      } else {
        // Unbound: redeemed by the buyer (who may rate her), then rated.
        const result = await encounter(seller.id, { unbound: true });
        expect(await redeemCode(buyer.id, result.code)).toMatchObject({ ok: true, codeId: result.codeId });
        if (rnd.next() < 0.5) expect(await rateSeller(buyer.id, result.codeId, { safe: rnd.pick([true, false]) })).toEqual({ ok: true });
        const rated = await rateBuyer(seller.id, result.codeId, { safe, reliable });
        outcome = rated.ok;
        if (!rated.ok) expect(rated).toEqual({ ok: false, formError: 'onePerDay' });
        rateable.push({ seller: seller.id, codeId: result.codeId, rated: rated.ok });
      }
      expect(outcome, `step ${step}: the daily rule`).toBe(allowed);
      if (outcome) {
        model.push({ seller: seller.id, buyer: buyer.id, safe, reliable });
        ratedToday.add(pair);
      } else {
        refusedDaily++;
      }

      // Now and then, try to rate an encounter already rated.
      if (rnd.next() < 0.15) {
        const done = rateable.filter((r) => r.rated);
        if (done.length > 0) {
          const again = rnd.pick(done);
          expect(await rateBuyer(again.seller, again.codeId, { safe: false, reliable: false })).toEqual({ ok: false, formError: 'alreadyRated' });
          refusedDuplicate++;
        }
      }
    }

    // The sequence exercised what it meant to.
    expect(model).toHaveLength(TARGET_RATINGS);
    expect(refusedDaily).toBeGreaterThan(0);
    expect(refusedDuplicate).toBeGreaterThan(0);
    for (const r of rateable) {
      const rows = (await ratingsOfCode(db(), r.codeId)).filter((x) => x.direction === 'seller_rates_buyer');
      expect(rows).toHaveLength(r.rated ? 1 : 0);
    }

    const counters = new Map((await db().select().from(buyerCounters)).map((c) => [c.buyerId, c]));
    const fromRatings = await recount();
    expect(fromRatings.size).toBe(new Set(model.map((m) => m.buyer)).size);
    // Some seller flagged some buyer unsafe more than once: distinct counts differ from plain ones.
    expect([...fromRatings.values()].some((r) => r.safe_no > r.unsafe_raters)).toBe(true);
    expect([...fromRatings.values()].some((r) => r.ratings > r.raters)).toBe(true);

    for (const buyer of [...buyers, neverRated!]) {
      const c = counters.get(buyer.id);
      const r = fromRatings.get(buyer.id);
      const { buyerId: _id, ...stored } = c ?? { buyerId: buyer.id, ...ZERO };
      const expected = r
        ? {
            ratings: r.ratings,
            safeYes: r.safe_yes,
            safeNo: r.safe_no,
            reliableYes: r.reliable_yes,
            reliableNo: r.reliable_no,
            raters: r.raters,
            unsafeRaters: r.unsafe_raters,
            unreliableRaters: r.unreliable_raters,
            lastUnsafeOn: r.last_unsafe_on,
          }
        : ZERO;
      expect(stored, buyer.pseudonym).toEqual(expected);

      // And both agree with the test's own record of what was rated.
      const mine = model.filter((m) => m.buyer === buyer.id);
      expect(expected.ratings).toBe(mine.length);
      expect(expected.safeNo).toBe(mine.filter((m) => m.safe === false).length);
      expect(expected.reliableYes).toBe(mine.filter((m) => m.reliable === true).length);
      expect(expected.raters).toBe(new Set(mine.map((m) => m.seller)).size);
      expect(expected.unsafeRaters).toBe(new Set(mine.filter((m) => m.safe === false).map((m) => m.seller)).size);
      expect(expected.unreliableRaters).toBe(new Set(mine.filter((m) => m.reliable === false).map((m) => m.seller)).size);

      // The live look-up reads the counters and scores them as buyerScore() scores the flags (shown to two decimals).
      const look = await lookupBuyer(buyer.pseudonym);
      if (!look.ok || !look.found) throw new Error('buyer not found');
      const score = roundBuyerScore(buyerScore(mine));
      expect(look.reputation).toMatchObject({ ...score, counts: { ratings: mine.length, sellers: expected.raters } });
    }
    expect(counters.has(neverRated!.id)).toBe(false);
  });
});
