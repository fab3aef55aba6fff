import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectors from '../fixtures/trust-vectors.json';
import { INTERVAL_LEVELS, MESSAGE_EXPIRY_CHOICES, parametersSchema, RANGES, REPEATED_RULES, trustParameters, VERSION_1, type Parameters, type RangedName } from '@/lib/governance/parameters';
import { buyerScore, buyerScoreFromCounts, influenceOf, sellerScore, type BuyerRating, type Flag, type SellerRating, type TrustParameters } from '@/lib/trust';

const EPS = 1e-12;

/** Every parameter set the proposal form accepts: each number on its step inside its range (RANGES). */
const ranged = (name: RangedName) => {
  const { min, max, step } = RANGES[name];
  return fc.integer({ min: Math.round(min / step), max: Math.round(max / step) }).map((x) => (step === 1 ? x : x / 100));
};
const allowed: fc.Arbitrary<Parameters> = fc.record({
  percentile: ranged('percentile'),
  dampingExponent: ranged('dampingExponent'),
  intervalLevel: fc.constantFrom(...INTERVAL_LEVELS),
  sellerRatingWeight: ranged('sellerRatingWeight'),
  releaseThreshold: ranged('releaseThreshold'),
  repeatedRatings: fc.constantFrom(...REPEATED_RULES),
  messageExpiryDays: fc.constantFrom(...MESSAGE_EXPIRY_CHOICES),
  reportExpiryDangerousDays: ranged('reportExpiryDangerousDays'),
  reportExpiryRiskyDays: ranged('reportExpiryRiskyDays'),
  reportExpiryAnnoyingDays: ranged('reportExpiryAnnoyingDays'),
  retentionDays: ranged('retentionDays'),
  quorumPercent: ranged('quorumPercent'),
});
const trust: fc.Arbitrary<TrustParameters> = allowed.map((p) => trustParameters(parametersSchema.parse(p)));

const flag: fc.Arbitrary<Flag> = fc.constantFrom(true, false, null);
const buyerRatings = fc.array(fc.record({ safe: flag, reliable: flag }), { maxLength: 40 });
const sellerRatings = fc.array(fc.record({ safe: flag, reliable: flag, raterInfluence: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 40 });

const inUnit = (x: number | null) => x === null || (x >= 0 && x <= 1);
const intervalOk = (i: [number, number] | null) => i === null || (i[0] >= 0 && i[1] <= 1 && i[0] <= i[1] + EPS);
const atLeast = (a: number | null, b: number | null) => a === null || b === null || a >= b - EPS;

describe('the proposal form\'s schema', () => {
  it('accepts version 1 and every value the generators make', () => {
    expect(parametersSchema.parse(VERSION_1)).toEqual(VERSION_1);
    fc.assert(fc.property(allowed, (p) => parametersSchema.safeParse(p).success));
  });

  it('refuses values outside the ranges, extra keys and more than two decimals', () => {
    const refused: Partial<Record<keyof Parameters, unknown>>[] = [
      { percentile: 0 }, { percentile: 0.75 }, { percentile: 0.255 }, { dampingExponent: 0.5 }, { dampingExponent: 7 },
      { intervalLevel: '97' }, { sellerRatingWeight: 0 }, { sellerRatingWeight: -1 }, { releaseThreshold: 1 }, { releaseThreshold: 2.5 },
      { repeatedRatings: 'first' }, { messageExpiryDays: 3 }, { retentionDays: 90 }, { quorumPercent: 10 }, { percentile: Number.NaN },
    ];
    for (const change of refused) expect(parametersSchema.safeParse({ ...VERSION_1, ...change }).success, JSON.stringify(change)).toBe(false);
    expect(parametersSchema.safeParse({ ...VERSION_1, extra: 1 }).success).toBe(false);
  });
});

describe('golden vectors against parameter version 1', () => {
  const v1 = trustParameters(VERSION_1);
  it('buyer and seller cases within 1e-9', () => {
    const close = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) <= 1e-9);
    for (const c of vectors.buyer) {
      const s = buyerScore(c.ratings as BuyerRating[], v1);
      expect(close(s.safety, c.expected.safety) && close(s.trust, c.expected.trust) && close(s.influence, c.expected.influence)).toBe(true);
    }
    for (const c of vectors.seller) {
      const s = sellerScore(c.ratings as SellerRating[], v1);
      expect(close(s.safety, c.expected.safety) && close(s.reliability, c.expected.reliability) && close(s.trust, c.expected.trust)).toBe(true);
    }
  });
});

describe('for every parameter set the form allows', () => {
  it('buyer scores stay in [0, 1], intervals ordered, and equal the counters\' form', () => {
    fc.assert(
      fc.property(trust, buyerRatings, (p, rs) => {
        const s = buyerScore(rs, p);
        const count = (key: 'safe' | 'reliable', v: boolean) => rs.filter((r) => r[key] === v).length;
        const c = buyerScoreFromCounts({ ratings: s.sampleSize, safeYes: count('safe', true), safeNo: count('safe', false), reliableYes: count('reliable', true), reliableNo: count('reliable', false) }, p);
        return [s.safety, s.reliability, s.trust, s.influence].every(inUnit) && intervalOk(s.safetyInterval) && intervalOk(s.reliabilityInterval)
          && Math.abs((c.trust ?? -1) - (s.trust ?? -1)) < 1e-9 && Math.abs(c.influence - s.influence) < 1e-9;
      }),
    );
  });

  it('a buyer\'s scores and influence never fall with one more good rating, never rise with one more bad', () => {
    fc.assert(
      fc.property(trust, buyerRatings, (p, rs) => {
        const base = buyerScore(rs, p);
        const good = buyerScore([...rs, { safe: true, reliable: true }], p);
        const bad = buyerScore([...rs, { safe: false, reliable: false }], p);
        return atLeast(good.safety, base.safety) && atLeast(good.reliability, base.reliability) && atLeast(good.trust, base.trust)
          && good.influence >= base.influence - EPS
          && atLeast(base.safety, bad.safety) && atLeast(base.reliability, bad.reliability) && atLeast(base.trust, bad.trust)
          && (base.trust === null || bad.influence <= base.influence + EPS);
      }),
    );
  });

  it('influence is monotone in trust', () => {
    fc.assert(
      fc.property(trust, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return influenceOf(lo, p) <= influenceOf(hi, p) + EPS && influenceOf(hi, p) <= 1 && influenceOf(lo, p) >= 0 && influenceOf(null, p) === 0;
      }),
    );
  });

  it('seller scores stay in [0, 1] and are monotone in a further rating, whatever its rater\'s influence', () => {
    fc.assert(
      fc.property(trust, sellerRatings, fc.double({ min: 0, max: 1, noNaN: true }), (p, rs, w) => {
        const base = sellerScore(rs, p);
        const good = sellerScore([...rs, { safe: true, reliable: true, raterInfluence: w }], p);
        const bad = sellerScore([...rs, { safe: false, reliable: false, raterInfluence: w }], p);
        const bounded = [base, good, bad].every((s) => [s.safety, s.reliability, s.trust].every(inUnit) && intervalOk(s.safetyInterval) && intervalOk(s.reliabilityInterval));
        // A dimension can appear (weight reaches 1) but never vanish: compare where both exist.
        return bounded && atLeast(good.safety, base.safety) && atLeast(good.trust, base.trust) && atLeast(base.safety, bad.safety) && atLeast(base.trust, bad.trust);
      }),
    );
  });
});
