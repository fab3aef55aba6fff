import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ratings, redeemAllowances, redeemAttempts, users, verificationCodes } from '@/db/schema';
import { env } from '@/lib/env';
import { rateBuyer } from '@/lib/screening/encounters';
import { rateSeller, REDEEM_FAILURES_PER_BUYER_PER_HOUR, REDEEM_NEW_ACCOUNT_ALLOWANCE, redeemCode, type RedeemOutcome } from '@/lib/screening/redeem';
import { takeSnapshotIfDue } from '@/lib/screening/snapshots';
import { withTestDatabase } from '../support/database';
import { databaseToday } from './helpers';
import { countersOf, DUMMY_HASH, encounter, makeUser, ratingsOfCode, wrongCode, type TestUser } from './screening-support';

// On PostgreSQL these run truly in parallel (a pool of 10 connections); PGlite runs one
// transaction at a time. The outcomes must be the same on both.

const testDb = withTestDatabase();
const db = () => testDb.current().db;

const INVALID = { ok: false, formError: 'invalidCode' };
const BUYER_LIMIT = { ok: false, formError: 'buyerLimit', limited: 'buyerLimit' };

async function bulkBuyers(prefix: string, count: number): Promise<TestUser[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    pseudonym: `${prefix}${i}`,
    pseudonymKey: `${prefix}${i}`.toLowerCase(),
    role: 'buyer' as const,
    passwordHash: DUMMY_HASH,
  }));
  const inserted = await db().insert(users).values(rows).returning({ id: users.id, pseudonym: users.pseudonym });
  return inserted.map((r) => ({ ...r, role: 'buyer' as const }));
}

/** Runs all at once; a rejection fails the test with its error instead of being lost. */
async function all<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const settled = await Promise.allSettled(tasks.map((t) => t()));
  const errors = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason as unknown);
  expect(errors, 'no call may throw').toEqual([]);
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

describe(`concurrency (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('the global failure budget holds exactly under many buyers at once', { timeout: 60_000 }, async () => {
    const seller = await makeUser('seller', 'Budget.Seller');
    const live = await encounter(seller.id, { unbound: true });
    const buyers = await bulkBuyers('Budget.', 100);
    // 499 of the default 500 failures of the last hour are used up, by one other buyer, and
    // every buyer has used up the allowance of a new account, so each guess draws on the budget.
    const filler = buyers[0]!;
    const now = new Date();
    await db().insert(redeemAttempts).values(Array.from({ length: 499 }, () => ({ buyerId: filler.id, at: now })));
    await db().insert(redeemAllowances).values(buyers.map((b) => ({ buyerId: b.id, used: REDEEM_NEW_ACCOUNT_ALLOWANCE })));

    const guess = wrongCode([live.code]);
    const results = await all(buyers.slice(1).map((b) => () => redeemCode(b.id, guess)));
    expect(results.filter((r) => !r.ok && r.formError === 'invalidCode')).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.formError === 'globalLimit')).toHaveLength(98);
    expect(await db().$count(redeemAttempts)).toBe(500);
    await db().delete(redeemAttempts);
  });

  it('100 throwaway accounts spend every failure they may: an honest buyer still redeems, and deleting them refunds nothing', { timeout: 120_000 }, async () => {
    const seller = await makeUser('seller', 'Flood.Seller');
    const honest = await makeUser('buyer', 'Flood.Honest');
    const regular = await makeUser('buyer', 'Flood.Regular');
    const earlier = await encounter(seller.id, { buyer: regular.pseudonym });
    expect((await redeemCode(regular.id, earlier.code)).ok).toBe(true);
    const attackers = await bulkBuyers('Flood.', 100);
    const live = [await encounter(seller.id, { buyer: honest.pseudonym }), await encounter(seller.id, { buyer: regular.pseudonym })];
    const guesses = Array.from({ length: REDEEM_FAILURES_PER_BUYER_PER_HOUR }, (_, i) => wrongCode([...live.map((c) => c.code), String(i).padStart(6, '0')]));
    const results = await all(attackers.flatMap((a) => guesses.map((g) => () => redeemCode(a.id, g))));
    expect(results.filter((r) => r.ok)).toEqual([]);
    // 300 of the 500 failures came out of the accounts' own one-off allowances, 200 out of the
    // shared budget; more accounts would take the rest, here filled up directly.
    const budget = env().REDEEM_GLOBAL_FAILURES_PER_HOUR;
    const globalNow = () => db().$count(redeemAttempts, eq(redeemAttempts.global, true));
    if ((await globalNow()) < budget) await db().insert(redeemAttempts).values(Array.from({ length: budget - (await globalNow()) }, () => ({ buyerId: attackers[0]!.id, at: new Date() })));
    expect(await globalNow()).toBe(budget);
    expect(await redeemCode(attackers[1]!.id, guesses[0]!)).toEqual(BUYER_LIMIT);

    // A new honest buyer and a regular who has redeemed before both still redeem their codes.
    expect(await redeemCode(honest.id, live[0]!.code)).toMatchObject({ ok: true, codeId: live[0]!.codeId });
    expect(await redeemCode(regular.id, wrongCode(live.map((c) => c.code)))).toEqual(INVALID);
    expect(await redeemCode(regular.id, live[1]!.code)).toMatchObject({ ok: true, codeId: live[1]!.codeId });

    // Deleting the accounts does not give the budget back.
    await db().delete(users).where(inArray(users.id, attackers.map((a) => a.id)));
    expect(await globalNow()).toBe(budget);
    expect(await db().$count(redeemAttempts, and(isNull(redeemAttempts.buyerId), eq(redeemAttempts.global, true)))).toBe(budget);
    const late = await makeUser('buyer', 'Flood.Late');
    await db().insert(redeemAllowances).values({ buyerId: late.id, used: REDEEM_NEW_ACCOUNT_ALLOWANCE });
    expect(await redeemCode(late.id, guesses[0]!)).toMatchObject({ ok: false, formError: 'globalLimit' });
    await db().delete(redeemAttempts);
  });

  it('100 buyers redeem one unbound code at once: exactly one succeeds', { timeout: 60_000 }, async () => {
    const seller = await makeUser('seller', 'Race.Seller');
    const buyers = await bulkBuyers('Racer.', 100);
    const code = await encounter(seller.id, { unbound: true });

    const results: RedeemOutcome[] = await all(buyers.map((b) => () => redeemCode(b.id, code.code)));
    const winners = results.flatMap((r, i) => (r.ok ? [{ result: r, buyer: buyers[i]! }] : []));
    expect(winners).toHaveLength(1);
    expect(winners[0]!.result).toEqual({ ok: true, codeId: code.codeId, seller: 'Race.Seller' });
    expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 99 }, () => INVALID));

    const redeemed = await db()
      .select()
      .from(verificationCodes)
      .where(and(eq(verificationCodes.sellerId, seller.id), isNotNull(verificationCodes.redeemedBy)));
    expect(redeemed).toHaveLength(1);
    expect(redeemed[0]).toMatchObject({ id: code.codeId, redeemedBy: winners[0]!.buyer.id, codeHmac: null, codeCiphertext: null });
    // The 99 losers each count one failure; the winner none.
    expect(await db().$count(redeemAttempts)).toBe(99);
    expect(await db().$count(redeemAttempts, eq(redeemAttempts.buyerId, winners[0]!.buyer.id))).toBe(0);
    await db().delete(redeemAttempts);
  });

  it('20 parallel wrong guesses by one buyer: only 5 are evaluated', { timeout: 60_000 }, async () => {
    const seller = await makeUser('seller', 'Guess.Seller');
    const buyer = await makeUser('buyer', 'Parallel.Guesser');
    const live = await encounter(seller.id, { buyer: buyer.pseudonym });
    const guesses = Array.from({ length: 20 }, (_, i) => wrongCode([live.code, String(i).padStart(6, '0')]));
    const before = await db().$count(redeemAttempts);

    const results = await all(guesses.map((g) => () => redeemCode(buyer.id, g)));
    const invalid = results.filter((r) => !r.ok && r.formError === 'invalidCode');
    const limited = results.filter((r) => !r.ok && r.formError === 'buyerLimit');
    expect(invalid.length).toBeLessThanOrEqual(5);
    // Serialised per buyer, so no evaluation is lost either: exactly five, then the limit.
    expect(invalid).toEqual(Array.from({ length: 5 }, () => INVALID));
    expect(limited).toEqual(Array.from({ length: 15 }, () => BUYER_LIMIT));
    expect(await db().$count(redeemAttempts, eq(redeemAttempts.buyerId, buyer.id))).toBe(5);
    expect(await db().$count(redeemAttempts)).toBe(before + 5);
    // The right code is now refused too, and the code stays live.
    expect(await redeemCode(buyer.id, live.code)).toEqual(BUYER_LIMIT);
    expect((await db().select().from(verificationCodes).where(eq(verificationCodes.id, live.codeId)))[0]!.redeemedBy).toBeNull();
  });

  it('two parallel ratings of one encounter: one counts, the other is alreadyRated', { timeout: 60_000 }, async () => {
    const seller = await makeUser('seller', 'Twice.Seller');
    for (let round = 0; round < 5; round++) {
      const buyer = await makeUser('buyer', `Twice.Buyer${round}`);
      const code = await encounter(seller.id, { buyer: buyer.pseudonym });
      const flags = [
        { safe: true, reliable: true },
        { safe: false, reliable: false },
      ];
      const results = await all(flags.map((f) => () => rateBuyer(seller.id, code.codeId, f)));
      const ok = results.findIndex((r) => r.ok);
      expect(ok, `round ${round}`).toBeGreaterThanOrEqual(0);
      expect(results[1 - ok]).toEqual({ ok: false, formError: 'alreadyRated' });

      const rows = await ratingsOfCode(db(), code.codeId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject(flags[ok]!);
      const won = flags[ok]!;
      expect(await countersOf(db(), buyer.id)).toEqual({
        buyerId: buyer.id,
        ratings: 1,
        safeYes: won.safe ? 1 : 0,
        safeNo: won.safe ? 0 : 1,
        reliableYes: won.reliable ? 1 : 0,
        reliableNo: won.reliable ? 0 : 1,
        raters: 1,
        unsafeRaters: won.safe ? 0 : 1,
        unreliableRaters: won.reliable ? 0 : 1,
        lastUnsafeOn: won.safe ? null : await databaseToday(db()),
      });
    }
  });

  it('two parallel ratings of two encounters with one buyer the same day: one counts, the other is onePerDay', { timeout: 60_000 }, async () => {
    const seller = await makeUser('seller', 'Daily.Race.Seller');
    for (let round = 0; round < 5; round++) {
      const buyer = await makeUser('buyer', `Daily.Race.Buyer${round}`);
      const first = await encounter(seller.id, { buyer: buyer.pseudonym });
      const second = await encounter(seller.id, { buyer: buyer.pseudonym });
      const results = await all([first, second].map((c) => () => rateBuyer(seller.id, c.codeId, { safe: false })));
      expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, formError: 'onePerDay' }]);
      const rows = (await ratingsOfCode(db(), first.codeId)).length + (await ratingsOfCode(db(), second.codeId)).length;
      expect(rows).toBe(1);
      expect(await countersOf(db(), buyer.id)).toMatchObject({ ratings: 1, safeNo: 1, raters: 1, unsafeRaters: 1 });
    }
  });

  it('ten sellers rating one buyer at once: no counter update is lost', { timeout: 60_000 }, async () => {
    const buyer = await makeUser('buyer', 'Popular.Buyer');
    const sellers: TestUser[] = [];
    for (let i = 0; i < 10; i++) sellers.push(await makeUser('seller', `Crowd.Seller${i}`));
    const codes: { codeId: string }[] = [];
    for (const s of sellers) codes.push(await encounter(s.id, { buyer: buyer.pseudonym }));
    // Sellers 0–3 flag unsafe, 0–1 unreliable, the rest all fine.
    const flagsOf = (i: number) => ({ safe: i >= 4, reliable: i >= 2 });
    const results = await all(sellers.map((s, i) => () => rateBuyer(s.id, codes[i]!.codeId, flagsOf(i))));
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));
    expect(await countersOf(db(), buyer.id)).toEqual({
      buyerId: buyer.id,
      ratings: 10,
      safeYes: 6,
      safeNo: 4,
      reliableYes: 8,
      reliableNo: 2,
      raters: 10,
      unsafeRaters: 4,
      unreliableRaters: 2,
      lastUnsafeOn: await databaseToday(db()),
    });
  });

  it('two parallel ratings of a seller by the same buyer and code: one counts', { timeout: 60_000 }, async () => {
    const seller = await makeUser('seller', 'Rated.Seller');
    for (let round = 0; round < 5; round++) {
      const buyer = await makeUser('buyer', `Rating.Buyer${round}`);
      const code = await encounter(seller.id, { buyer: buyer.pseudonym });
      expect((await redeemCode(buyer.id, code.code)).ok).toBe(true);
      const results = await all([true, false].map((safe) => () => rateSeller(buyer.id, code.codeId, { safe })));
      expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, formError: 'alreadyRated' }]);
      const rows = await db()
        .select()
        .from(ratings)
        .where(and(eq(ratings.codeId, code.codeId), eq(ratings.direction, 'buyer_rates_seller')));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.safe).toBe(results[0]!.ok);
    }
  });

  it('parallel encounters by one seller all get distinct codes', { timeout: 60_000 }, async () => {
    const seller = await makeUser('seller', 'Busy.Seller');
    const results = await all(Array.from({ length: 30 }, () => () => encounter(seller.id, { unbound: true })));
    expect(new Set(results.map((r) => r.code)).size).toBe(30);
    expect(new Set(results.map((r) => r.codeId)).size).toBe(30);
    expect(await db().$count(verificationCodes, eq(verificationCodes.sellerId, seller.id))).toBe(30);
  });

  it('a due snapshot is taken by exactly one of several parallel timers', { timeout: 60_000 }, async () => {
    const now = new Date();
    const results = await all(Array.from({ length: 5 }, () => () => takeSnapshotIfDue(now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const later = await all(Array.from({ length: 5 }, () => () => takeSnapshotIfDue(new Date(now.getTime() + 60_000))));
    expect(later.filter(Boolean)).toHaveLength(0);
  });
});
