import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { forgetExpiredCodes, listBuyerRedemptions } from '@/db/queries/codes';
import { ratings, redeemAttempts, verificationCodes } from '@/db/schema';
import { env } from '@/lib/env';
import { codeHmac, openCode } from '@/lib/screening/code-secret';
import { rateBuyer, recordEncounter, sellerHistory } from '@/lib/screening/encounters';
import { lookupBuyer } from '@/lib/screening/lookup';
import { rateSeller, REDEEM_NEW_ACCOUNT_ALLOWANCE, REDEEM_OWN_FAILURES_PER_HOUR, redeemCode } from '@/lib/screening/redeem';
import { roundBuyerScore } from '@/lib/disclosure/coarse';
import { buyerScore, confidenceString, type BuyerRating } from '@/lib/trust';
import { withTestDatabase } from '../support/database';
import { databaseToday, dumpText } from './helpers';
import {
  ageLastRated,
  codeRow,
  containsCode,
  countersOf,
  encounter,
  expireCode,
  makeUser,
  ratingsOfCode,
  withoutIdentifiers,
  wrongCode,
  type TestUser,
} from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

/** Every code issued in this file, so a "wrong" guess is never accidentally right. */
const issued = new Set<string>();
async function issue(sellerId: string, input: Parameters<typeof recordEncounter>[1]) {
  const result = await encounter(sellerId, input);
  issued.add(result.code);
  return result;
}
const wrong = () => wrongCode(issued);

const INVALID = { ok: false, formError: 'invalidCode' };
const BUYER_LIMIT = { ok: false, formError: 'buyerLimit', limited: 'buyerLimit' };
const GLOBAL_LIMIT = { ok: false, formError: 'globalLimit', limited: 'globalLimit' };
const HOUR_MS = 60 * 60 * 1000;

async function reputation(pseudonym: string) {
  const result = await lookupBuyer(pseudonym);
  if (!result.ok || !result.found) throw new Error(`look-up of ${pseudonym}: ${JSON.stringify(result)}`);
  return result.reputation;
}

async function attemptsOf(buyerId: string) {
  return db().$count(redeemAttempts, eq(redeemAttempts.buyerId, buyerId));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe(`screening (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let seller: TestUser;
  let otherSeller: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    seller = await makeUser('seller', 'Seller.Main');
    otherSeller = await makeUser('seller', 'Seller.Other');
    coordinator = await makeUser('coordinator', 'Coord.One');
  });

  describe('look-up', () => {
    it('finds nothing for an unknown pseudonym, a seller or a coordinator', async () => {
      expect(await lookupBuyer('Nobody.Here')).toEqual({ ok: true, found: false });
      expect(await lookupBuyer(seller.pseudonym)).toEqual({ ok: true, found: false });
      expect(await lookupBuyer(coordinator.pseudonym)).toEqual({ ok: true, found: false });
      expect(await lookupBuyer('x')).toEqual({ ok: false, fieldErrors: { pseudonym: 'pseudonymLength' } });
      expect(await lookupBuyer('no spaces allowed')).toEqual({ ok: false, fieldErrors: { pseudonym: 'pseudonymCharacters' } });
    });

    it('shows a new buyer with no evidence and no influence, whatever the case typed', async () => {
      await makeUser('buyer', 'Fresh.Buyer');
      const rep = await reputation('  fresh.BUYER ');
      expect(rep).toEqual({
        pseudonym: 'Fresh.Buyer',
        safety: null,
        reliability: null,
        trust: null,
        influence: 0,
        sampleSize: 0,
        safetyInterval: null,
        reliabilityInterval: null,
        confidence: null,
        verdict: { state: 'new', unsafeSellers: 0, unreliableSellers: 0, sellers: 0, ratings: 0, latestUnsafeOn: null, boardWarnings: 0 },
        counts: {
          ratings: 0,
          sellers: 0,
          safetyRatings: 0,
          unsafe: 0,
          unsafeSellers: 0,
          reliabilityRatings: 0,
          unreliable: 0,
          unreliableSellers: 0,
        },
      });
    });

    it('after ratings: the score is buyerScore() of the same flags and the counts show the evidence', async () => {
      const buyer = await makeUser('buyer', 'Looked.Up');
      const [a, b, c, d] = [
        await makeUser('seller', 'Rater.A'),
        await makeUser('seller', 'Rater.B'),
        await makeUser('seller', 'Rater.C'),
        await makeUser('seller', 'Rater.D'),
      ] as [TestUser, TestUser, TestUser, TestUser];
      const flags: BuyerRating[] = [];

      // Seller A: two encounters on different days, the second unsafe.
      const a1 = await issue(a.id, { buyer: buyer.pseudonym, safe: 'yes', reliable: 'yes' });
      expect(a1.rated).toBe(true);
      flags.push({ safe: true, reliable: true });
      const a2 = await issue(a.id, { buyer: buyer.pseudonym });
      expect(await rateBuyer(a.id, a2.codeId, { safe: false, reliable: true })).toEqual({ ok: false, formError: 'onePerDay' });
      await ageLastRated(db(), buyer.id, a.id);
      expect(await rateBuyer(a.id, a2.codeId, { safe: false, reliable: true })).toEqual({ ok: true });
      flags.push({ safe: false, reliable: true });

      const bCode = await issue(b.id, { buyer: buyer.pseudonym, safe: true, reliable: false });
      expect(bCode.rated).toBe(true);
      flags.push({ safe: true, reliable: false });
      const cCode = await issue(c.id, { buyer: buyer.pseudonym });
      expect(await rateBuyer(c.id, cCode.codeId, { safe: 'yes', reliable: 'skip' })).toEqual({ ok: true });
      flags.push({ safe: true, reliable: null });
      const dCode = await issue(d.id, { buyer: buyer.pseudonym, safe: 'yes', reliable: 'yes' });
      expect(dCode.rated).toBe(true);
      flags.push({ safe: true, reliable: true });

      const rep = await reputation(buyer.pseudonym);
      const exact = buyerScore(flags);
      // Scores to two decimals (lib/disclosure); counts exact.
      const expected = roundBuyerScore(exact);
      expect({
        safety: rep.safety,
        reliability: rep.reliability,
        trust: rep.trust,
        influence: rep.influence,
        sampleSize: rep.sampleSize,
        safetyInterval: rep.safetyInterval,
        reliabilityInterval: rep.reliabilityInterval,
      }).toEqual(expected);
      // 4 safe + 1 unsafe: the 25th percentile hides the unsafe flag (S = 1) ...
      expect(rep.safety).toBe(1);
      expect(rep.reliability).toBe(0.75);
      expect(rep.trust).toBe(0.75);
      expect(exact.influence).toBeCloseTo(0.421875, 12);
      expect(rep.influence).toBe(0.42);
      expect(rep.sampleSize).toBe(5);
      expect(rep.confidence).toBe(confidenceString(exact.safetyInterval));
      expect(rep.confidence).toMatch(/^\d\.\d\d-1\.00$/);
      // ... which is why the counts are shown beside it: unsafe 1 of 5 ratings, from 1 of 4 sellers.
      expect(rep.counts).toEqual({
        ratings: 5,
        sellers: 4,
        safetyRatings: 5,
        unsafe: 1,
        unsafeSellers: 1,
        reliabilityRatings: 4,
        unreliable: 1,
        unreliableSellers: 1,
      });
      // The verdict reads "warnings" although S = 1.00, with who and when.
      expect(rep.verdict).toEqual({ state: 'warnings', unsafeSellers: 1, unreliableSellers: 1, sellers: 4, ratings: 5, latestUnsafeOn: await databaseToday(db()), boardWarnings: 0 });
      // The look-up is live: one more unsafe flag from another seller shows at once.
      const e = await makeUser('seller', 'Rater.E');
      await issue(e.id, { buyer: buyer.pseudonym, safe: false });
      const after = await reputation(buyer.pseudonym);
      expect(after.counts).toMatchObject({ ratings: 6, sellers: 5, unsafe: 2, unsafeSellers: 2 });
      expect(after.safety).toBe(buyerScore([...flags, { safe: false, reliable: null }]).safety);
      expect(after.safety).toBeLessThan(1);
    });
  });

  describe('recording encounters', () => {
    it('binds the code to a named buyer by default and refuses a missing or unknown buyer', async () => {
      const buyer = await makeUser('buyer', 'Bound.Buyer');
      const before = await db().$count(verificationCodes);
      expect(await recordEncounter(seller.id, {})).toEqual({ ok: false, fieldErrors: { buyer: 'buyerRequired' } });
      expect(await recordEncounter(seller.id, { buyer: '   ' })).toEqual({ ok: false, fieldErrors: { buyer: 'buyerRequired' } });
      expect(await recordEncounter(seller.id, { buyer: 'Nobody.Here' })).toEqual({ ok: false, fieldErrors: { buyer: 'buyerUnknown' } });
      expect(await recordEncounter(seller.id, { buyer: otherSeller.pseudonym })).toEqual({ ok: false, fieldErrors: { buyer: 'buyerUnknown' } });
      expect(await recordEncounter(seller.id, { buyer: coordinator.pseudonym })).toEqual({ ok: false, fieldErrors: { buyer: 'buyerUnknown' } });
      expect(await recordEncounter(seller.id, { buyer: 'ab' })).toEqual({ ok: false, fieldErrors: { buyer: 'pseudonymLength' } });
      expect(await db().$count(verificationCodes)).toBe(before);

      const result = await issue(seller.id, { buyer: 'bound.buyer' });
      expect(result).toMatchObject({ ok: true, rated: false });
      expect(result.code).toMatch(/^\d{6}$/);
      const row = await codeRow(db(), result.codeId);
      const today = await databaseToday(db());
      expect(row).toMatchObject({ sellerId: seller.id, boundBuyerId: buyer.id, redeemedBy: null, redeemedOn: null, createdOn: today });
      expect(row.expiresOn).toBe(addDays(today, 30));
      expect(result.expiresOn).toBe(row.expiresOn);
      expect(await db().$count(verificationCodes)).toBe(before + 1);
      expect(await ratingsOfCode(db(), result.codeId)).toEqual([]);
    });

    it('records an unbound code only when asked, and refuses a rating with it', async () => {
      const result = await issue(seller.id, { unbound: true });
      expect(result).toMatchObject({ ok: true, rated: false });
      expect(result.code).toMatch(/^\d{6}$/);
      expect((await codeRow(db(), result.codeId)).boundBuyerId).toBeNull();

      const before = await db().$count(verificationCodes);
      expect(await recordEncounter(seller.id, { unbound: true, safe: 'yes' })).toEqual({ ok: false, fieldErrors: { form: 'rateUnboundLater' } });
      expect(await recordEncounter(seller.id, { unbound: true, reliable: false })).toEqual({ ok: false, fieldErrors: { form: 'rateUnboundLater' } });
      expect(await db().$count(verificationCodes)).toBe(before);
    });

    it('draws distinct 6-digit codes', async () => {
      const buyer = await makeUser('buyer', 'Many.Codes');
      const codes: string[] = [];
      for (let i = 0; i < 20; i++) codes.push((await issue(seller.id, { buyer: buyer.pseudonym })).code);
      for (const code of codes) expect(code).toMatch(/^\d{6}$/);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('stores a code only as an HMAC and a ciphertext: no plaintext code in any column', async () => {
      const buyer = await makeUser('buyer', 'Dump.Buyer');
      const bound = await issue(seller.id, { buyer: buyer.pseudonym, safe: true, reliable: true });
      const unbound = await issue(otherSeller.id, { unbound: true });
      const redeemed = await issue(seller.id, { unbound: true });
      expect((await redeemCode(buyer.id, redeemed.code)).ok).toBe(true);

      for (const { code, codeId } of [bound, unbound]) {
        const row = await codeRow(db(), codeId);
        expect(row.codeHmac).toBe(codeHmac(code));
        expect(row.codeCiphertext).not.toBeNull();
        expect(row.codeCiphertext).not.toContain(code);
        expect(openCode(row.codeCiphertext!, codeId)).toBe(code);
        // The ciphertext is bound to its row: it does not open as another code's.
        expect(openCode(row.codeCiphertext!, redeemed.codeId)).toBeNull();
      }

      const text = await dumpText(db());
      expect(text).toContain(bound.codeId);
      expect(text).toContain(codeHmac(bound.code).toLowerCase());
      const haystack = withoutIdentifiers(text);
      expect(containsCode(`{"x":"${bound.code}"}`, bound.code)).toBe(true); // the check itself works
      for (const code of new Set([bound.code, unbound.code, redeemed.code, ...issued])) {
        expect(containsCode(haystack, code), `plaintext code ${code} in the dump`).toBe(false);
      }
    });

    it('history: a live code is shown again, redeemed and expired ones are not; expired codes are forgotten', async () => {
      const historySeller = await makeUser('seller', 'History.Seller');
      const buyer = await makeUser('buyer', 'History.Buyer');
      const live = await issue(historySeller.id, { buyer: buyer.pseudonym });
      const redeemed = await issue(historySeller.id, { unbound: true });
      const expired = await issue(historySeller.id, { buyer: buyer.pseudonym, safe: 'yes' });
      expect(await redeemCode(buyer.id, redeemed.code)).toEqual({ ok: true, codeId: redeemed.codeId, seller: 'History.Seller' });
      await expireCode(db(), expired.codeId);

      const today = await databaseToday(db());
      const history = await sellerHistory(historySeller.id);
      expect(history).toHaveLength(3);
      const byId = new Map(history.map((h) => [h.id, h]));
      expect(byId.get(live.codeId)).toEqual({
        id: live.codeId,
        status: 'live',
        createdOn: today,
        expiresOn: addDays(today, 30),
        redeemedOn: null,
        buyer: 'History.Buyer',
        bound: true,
        rated: false,
        canRate: true,
        code: live.code,
      });
      expect(byId.get(redeemed.codeId)).toMatchObject({
        status: 'redeemed',
        redeemedOn: today,
        buyer: 'History.Buyer',
        bound: false,
        rated: false,
        canRate: true,
        code: null,
      });
      expect(byId.get(expired.codeId)).toMatchObject({ status: 'expired', buyer: 'History.Buyer', rated: true, canRate: false, code: null });
      // Nobody else's history shows them.
      const others = await sellerHistory(seller.id);
      for (const id of [live.codeId, redeemed.codeId, expired.codeId]) expect(others.some((h) => h.id === id)).toBe(false);

      // Expired but not yet forgotten: the values are still there until the purge runs.
      expect((await codeRow(db(), expired.codeId)).codeHmac).not.toBeNull();
      await forgetExpiredCodes();
      expect(await codeRow(db(), expired.codeId)).toMatchObject({ codeHmac: null, codeCiphertext: null });
      expect(await codeRow(db(), live.codeId)).toMatchObject({ codeHmac: codeHmac(live.code) });
      expect((await codeRow(db(), live.codeId)).codeCiphertext).not.toBeNull();
      expect(await codeRow(db(), redeemed.codeId)).toMatchObject({ codeHmac: null, codeCiphertext: null });
      // The rating of the expired encounter stays.
      expect(await ratingsOfCode(db(), expired.codeId)).toHaveLength(1);
    });
  });

  describe('redeeming', () => {
    it('a bound code only by its buyer, not by another buyer or its own seller; then it keeps no value', async () => {
      const owner = await makeUser('buyer', 'Code.Owner');
      const intruder = await makeUser('buyer', 'Code.Intruder');
      const code = await issue(seller.id, { buyer: owner.pseudonym });

      expect(await redeemCode(intruder.id, code.code)).toEqual(INVALID);
      expect(await redeemCode(seller.id, code.code)).toEqual(INVALID);
      expect(await codeRow(db(), code.codeId)).toMatchObject({ redeemedBy: null, codeHmac: codeHmac(code.code) });

      const typed = `${code.code.slice(0, 3)} ${code.code.slice(3)}`;
      expect(await redeemCode(owner.id, typed)).toEqual({ ok: true, codeId: code.codeId, seller: seller.pseudonym });
      const row = await codeRow(db(), code.codeId);
      expect(row).toMatchObject({ redeemedBy: owner.id, redeemedOn: await databaseToday(db()), codeHmac: null, codeCiphertext: null });

      // Used: refused alike, for the owner and anyone else.
      expect(await redeemCode(owner.id, code.code)).toEqual(INVALID);
      expect(await redeemCode(intruder.id, code.code)).toEqual(INVALID);
      expect((await codeRow(db(), code.codeId)).redeemedBy).toBe(owner.id);
      // A success is not a failure; the failures are.
      expect(await attemptsOf(owner.id)).toBe(1);
      expect(await attemptsOf(intruder.id)).toBe(2);
    });

    it('an unbound code by any buyer, but not by its own seller', async () => {
      const buyer = await makeUser('buyer', 'Unbound.Redeemer');
      const code = await issue(otherSeller.id, { unbound: true });
      expect(await redeemCode(otherSeller.id, code.code)).toEqual(INVALID);
      expect((await codeRow(db(), code.codeId)).redeemedBy).toBeNull();
      expect(await redeemCode(buyer.id, `${code.code.slice(0, 3)}-${code.code.slice(3)}`)).toEqual({
        ok: true,
        codeId: code.codeId,
        seller: otherSeller.pseudonym,
      });
      expect(await codeRow(db(), code.codeId)).toMatchObject({ redeemedBy: buyer.id, codeHmac: null, codeCiphertext: null });
      expect(await listBuyerRedemptions(buyer.id)).toEqual([
        { id: code.codeId, redeemedOn: await databaseToday(db()), seller: otherSeller.pseudonym, rated: false },
      ]);
    });

    it('wrong and expired codes answer invalidCode, malformed input codeFormat', async () => {
      const buyer = await makeUser('buyer', 'Typo.Buyer');
      const code = await issue(seller.id, { buyer: buyer.pseudonym });
      await expireCode(db(), code.codeId);

      expect(await redeemCode(buyer.id, wrong())).toEqual(INVALID);
      expect(await redeemCode(buyer.id, code.code)).toEqual(INVALID);
      expect(await codeRow(db(), code.codeId)).toMatchObject({ redeemedBy: null, redeemedOn: null });
      expect(await attemptsOf(buyer.id)).toBe(2);

      const attemptsBefore = await db().$count(redeemAttempts);
      for (const input of ['', '12345', '1234567', 'abcdef', '12a456', '12_345', `${code.code}0`]) {
        expect(await redeemCode(buyer.id, input), input).toEqual({ ok: false, fieldErrors: { code: 'codeFormat' } });
      }
      // A malformed input is not a guess: nothing counted.
      expect(await db().$count(redeemAttempts)).toBe(attemptsBefore);
    });

    it('five failures per buyer per rolling hour, then buyerLimit even for the right code', async () => {
      const guesser = await makeUser('buyer', 'Guess.Buyer');
      const bystander = await makeUser('buyer', 'Guess.Bystander');
      const code = await issue(seller.id, { buyer: guesser.pseudonym });
      const now = new Date();

      for (let i = 0; i < 5; i++) expect(await redeemCode(guesser.id, wrong(), now), `failure ${i + 1}`).toEqual(INVALID);
      expect(await attemptsOf(guesser.id)).toBe(5);
      expect(await redeemCode(guesser.id, wrong(), now)).toEqual(BUYER_LIMIT);
      expect(await redeemCode(guesser.id, code.code, now)).toEqual(BUYER_LIMIT);
      expect(await redeemCode(guesser.id, code.code, new Date(now.getTime() + HOUR_MS - 60_000))).toEqual(BUYER_LIMIT);
      // Refused attempts are not evaluated and not counted again; the code stays live.
      expect(await attemptsOf(guesser.id)).toBe(5);
      expect(await codeRow(db(), code.codeId)).toMatchObject({ redeemedBy: null, codeHmac: codeHmac(code.code) });
      // Another buyer is not affected.
      expect(await redeemCode(bystander.id, wrong(), now)).toEqual(INVALID);

      // An hour later the window has rolled on.
      expect(await redeemCode(guesser.id, code.code, new Date(now.getTime() + HOUR_MS + 60_000))).toEqual({
        ok: true,
        codeId: code.codeId,
        seller: seller.pseudonym,
      });
    });

    it('a success between failures does not count against the buyer', async () => {
      const buyer = await makeUser('buyer', 'Mixed.Buyer');
      const code = await issue(seller.id, { buyer: buyer.pseudonym });
      for (let i = 0; i < 4; i++) expect(await redeemCode(buyer.id, wrong())).toEqual(INVALID);
      expect((await redeemCode(buyer.id, code.code)).ok).toBe(true);
      expect(await attemptsOf(buyer.id)).toBe(4);
      expect(await redeemCode(buyer.id, wrong())).toEqual(INVALID);
      expect(await redeemCode(buyer.id, wrong())).toEqual(BUYER_LIMIT);
    });

    it("the global budget stops buyers whose own allowance is spent, but not an honest buyer's own allowance", async () => {
      const limit = env().REDEEM_GLOBAL_FAILURES_PER_HOUR;
      const filler = await makeUser('buyer', 'Filler.Buyer');
      const last = await makeUser('buyer', 'Last.Guesser');
      const innocent = await makeUser('buyer', 'Innocent.Buyer');
      const code = await issue(seller.id, { buyer: innocent.pseudonym });
      const later = await issue(seller.id, { buyer: innocent.pseudonym });
      const now = new Date();
      const global = () => db().$count(redeemAttempts, eq(redeemAttempts.global, true));
      try {
        await db().delete(redeemAttempts);
        // limit − 1 failures within the hour from others.
        await db().execute(sql`
          insert into redeem_attempts (buyer_id, at)
          select ${filler.id}::uuid, ${now.toISOString()}::timestamptz from generate_series(1, ${limit - 1})`);
        // A new account's first failures come out of its own one-off allowance ...
        for (let i = 0; i < REDEEM_NEW_ACCOUNT_ALLOWANCE; i++) expect(await redeemCode(last.id, wrong(), now)).toEqual(INVALID);
        expect(await global()).toBe(limit - 1);
        // ... then it draws on the shared budget, which its next failure exhausts.
        expect(await redeemCode(last.id, wrong(), now)).toEqual(INVALID);
        expect(await global()).toBe(limit);
        expect(await redeemCode(last.id, wrong(), now)).toEqual(GLOBAL_LIMIT);
        expect(await redeemCode(last.id, code.code, now)).toEqual(GLOBAL_LIMIT);

        // The innocent buyer's own allowance still redeems the right code.
        expect(await redeemCode(innocent.id, code.code, now)).toEqual({ ok: true, codeId: code.codeId, seller: seller.pseudonym });
        // Having redeemed, they get a few failures an hour of their own; beyond, the budget is spent.
        for (let i = 0; i < REDEEM_OWN_FAILURES_PER_HOUR; i++) expect(await redeemCode(innocent.id, wrong(), now)).toEqual(INVALID);
        expect(await redeemCode(innocent.id, later.code, now)).toEqual(GLOBAL_LIMIT);
        expect(await global()).toBe(limit);
        expect((await codeRow(db(), later.codeId)).redeemedBy).toBeNull();

        // Failures older than an hour no longer count.
        expect(await redeemCode(innocent.id, later.code, new Date(now.getTime() + HOUR_MS + 60_000))).toEqual({
          ok: true,
          codeId: later.codeId,
          seller: seller.pseudonym,
        });
      } finally {
        await db().delete(redeemAttempts);
      }
    });
  });

  describe('rating buyers', () => {
    it('once per encounter, with at least one flag', async () => {
      const buyer = await makeUser('buyer', 'Rated.Once');
      const code = await issue(seller.id, { buyer: buyer.pseudonym, safe: 'yes', reliable: 'no' });
      expect(code.rated).toBe(true);
      expect(await rateBuyer(seller.id, code.codeId, { safe: false })).toEqual({ ok: false, formError: 'alreadyRated' });
      await ageLastRated(db(), buyer.id, seller.id); // not the daily rule that refuses it
      expect(await rateBuyer(seller.id, code.codeId, { safe: false })).toEqual({ ok: false, formError: 'alreadyRated' });

      const rows = await ratingsOfCode(db(), code.codeId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ direction: 'seller_rates_buyer', raterId: seller.id, rateeId: buyer.id, safe: true, reliable: false });
      expect(await countersOf(db(), buyer.id)).toMatchObject({ ratings: 1, safeYes: 1, safeNo: 0, reliableYes: 0, reliableNo: 1, raters: 1 });

      const unrated = await issue(otherSeller.id, { buyer: buyer.pseudonym });
      for (const flags of [{}, { safe: null, reliable: null }, { safe: 'skip', reliable: 'skip' }, { safe: 'maybe' }, null]) {
        expect(await rateBuyer(otherSeller.id, unrated.codeId, flags), JSON.stringify(flags)).toEqual({
          ok: false,
          fieldErrors: { form: 'chooseAFlag' },
        });
      }
      expect(await ratingsOfCode(db(), unrated.codeId)).toEqual([]);
    });

    it('one rated encounter per seller and buyer per day', async () => {
      const buyer = await makeUser('buyer', 'Daily.Buyer');
      const first = await issue(seller.id, { buyer: buyer.pseudonym, safe: true, reliable: true });
      expect(first.rated).toBe(true);
      // The second encounter the same day is recorded, but not rated.
      const second = await issue(seller.id, { buyer: buyer.pseudonym, safe: false, reliable: false });
      expect(second).toMatchObject({ ok: true, rated: false });
      expect(await ratingsOfCode(db(), second.codeId)).toEqual([]);
      expect(await rateBuyer(seller.id, second.codeId, { safe: false })).toEqual({ ok: false, formError: 'onePerDay' });
      expect(await ratingsOfCode(db(), second.codeId)).toEqual([]);
      expect(await countersOf(db(), buyer.id)).toMatchObject({ ratings: 1, safeYes: 1, safeNo: 0, raters: 1, unsafeRaters: 0 });

      // Another seller may rate the same buyer the same day.
      const other = await issue(otherSeller.id, { buyer: buyer.pseudonym, safe: true });
      expect(other.rated).toBe(true);

      // The next day she may.
      await ageLastRated(db(), buyer.id, seller.id);
      expect(await rateBuyer(seller.id, second.codeId, { safe: false })).toEqual({ ok: true });
      expect(await countersOf(db(), buyer.id)).toMatchObject({
        ratings: 3,
        safeYes: 2,
        safeNo: 1,
        reliableYes: 1,
        reliableNo: 0,
        raters: 2,
        unsafeRaters: 1,
        unreliableRaters: 0,
      });
      const history = await sellerHistory(seller.id);
      expect(history.find((h) => h.id === second.codeId)).toMatchObject({ rated: true, canRate: false });
    });

    it('an unbound code is rateable only after redemption, and then rates its redeemer', async () => {
      const buyer = await makeUser('buyer', 'Late.Known');
      const code = await issue(seller.id, { unbound: true });
      expect(await rateBuyer(seller.id, code.codeId, { safe: true })).toEqual({ ok: false, formError: 'buyerNotKnownYet' });
      expect((await sellerHistory(seller.id)).find((h) => h.id === code.codeId)).toMatchObject({ buyer: null, canRate: false });

      expect((await redeemCode(buyer.id, code.code)).ok).toBe(true);
      expect((await sellerHistory(seller.id)).find((h) => h.id === code.codeId)).toMatchObject({
        status: 'redeemed',
        buyer: 'Late.Known',
        bound: false,
        canRate: true,
      });
      expect(await rateBuyer(seller.id, code.codeId, { safe: 'yes', reliable: 'no' })).toEqual({ ok: true });
      const rows = await ratingsOfCode(db(), code.codeId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ raterId: seller.id, rateeId: buyer.id, safe: true, reliable: false });
      expect(await countersOf(db(), buyer.id)).toMatchObject({ ratings: 1, reliableNo: 1, unreliableRaters: 1 });
    });

    it("a seller cannot rate another seller's encounter, an expired one, or a made-up one", async () => {
      const buyer = await makeUser('buyer', 'Not.Yours');
      const code = await issue(seller.id, { buyer: buyer.pseudonym });
      const notFound = { ok: false, formError: 'encounterNotFound' };
      expect(await rateBuyer(otherSeller.id, code.codeId, { safe: false })).toEqual(notFound);
      expect(await rateBuyer(buyer.id, code.codeId, { safe: false })).toEqual(notFound);
      expect(await rateBuyer(seller.id, 'not-a-uuid', { safe: false })).toEqual(notFound);
      expect(await rateBuyer(seller.id, '00000000-0000-4000-8000-000000000000', { safe: false })).toEqual(notFound);
      expect(await ratingsOfCode(db(), code.codeId)).toEqual([]);
      expect(await countersOf(db(), buyer.id)).toBeNull();

      await expireCode(db(), code.codeId);
      expect(await rateBuyer(seller.id, code.codeId, { safe: false })).toEqual(notFound);
      expect(await ratingsOfCode(db(), code.codeId)).toEqual([]);
    });
  });

  describe('rating sellers', () => {
    it('only for a code the buyer redeemed, once', async () => {
      const buyer = await makeUser('buyer', 'Rates.Seller');
      const other = await makeUser('buyer', 'Rates.Not');
      const code = await issue(seller.id, { buyer: buyer.pseudonym, safe: true });
      const notFound = { ok: false, formError: 'encounterNotFound' };

      expect(await rateSeller(buyer.id, code.codeId, { safe: true })).toEqual(notFound); // not redeemed yet
      expect((await redeemCode(buyer.id, code.code)).ok).toBe(true);
      expect(await rateSeller(other.id, code.codeId, { safe: false })).toEqual(notFound);
      expect(await rateSeller(seller.id, code.codeId, { safe: false })).toEqual(notFound);
      expect(await rateSeller(buyer.id, 'nope', { safe: false })).toEqual(notFound);
      expect(await rateSeller(buyer.id, code.codeId, { safe: 'skip' })).toEqual({ ok: false, fieldErrors: { form: 'chooseAFlag' } });

      expect(await rateSeller(buyer.id, code.codeId, { safe: 'yes', reliable: 'no' })).toEqual({ ok: true });
      expect(await rateSeller(buyer.id, code.codeId, { safe: false })).toEqual({ ok: false, formError: 'alreadyRated' });

      const rows = await db().select().from(ratings).where(eq(ratings.codeId, code.codeId));
      expect(rows).toHaveLength(2); // hers of him, and his of her
      expect(rows.find((r) => r.direction === 'buyer_rates_seller')).toMatchObject({
        raterId: buyer.id,
        rateeId: seller.id,
        safe: true,
        reliable: false,
      });
      // His rating of her does not touch the buyer counters.
      expect(await countersOf(db(), buyer.id)).toMatchObject({ ratings: 1, safeYes: 1, safeNo: 0, reliableNo: 0 });
      expect(await listBuyerRedemptions(buyer.id)).toEqual([
        { id: code.codeId, redeemedOn: await databaseToday(db()), seller: seller.pseudonym, rated: true },
      ]);
    });
  });
});
