import { describe, expect, it } from 'vitest';
import vectors from '../fixtures/trust-vectors.json';
import {
  buyerScore,
  buyerScoreFromCounts,
  confidenceString,
  percentile25,
  sellerScore,
  type BuyerRating,
  type SellerRating,
} from '@/lib/trust';

const TOLERANCE = 1e-9;

function expectClose(actual: unknown, expected: unknown, where: string) {
  if (expected === null || typeof expected !== 'object') {
    if (typeof expected === 'number') {
      expect(typeof actual, where).toBe('number');
      expect(Math.abs((actual as number) - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE);
    } else {
      expect(actual, where).toBe(expected);
    }
    return;
  }
  expect(actual, where).not.toBeNull();
  const keys = Object.keys(expected as object);
  expect(Object.keys(actual as object).sort(), where).toEqual([...keys].sort());
  for (const key of keys) {
    expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${where}.${key}`);
  }
}

describe('golden vectors (shared/trust/vectors.json)', () => {
  it('has a meaningful number of cases', () => {
    expect(vectors.buyer.length).toBeGreaterThan(100);
    expect(vectors.seller.length).toBeGreaterThan(50);
  });

  it.each(vectors.buyer.map((c, i) => [i, c] as const))('buyer case %i', (i, c) => {
    expectClose(buyerScore(c.ratings as BuyerRating[]), c.expected, `buyer[${i}]`);
  });

  it.each(vectors.seller.map((c, i) => [i, c] as const))('seller case %i', (i, c) => {
    expectClose(sellerScore(c.ratings as SellerRating[]), c.expected, `seller[${i}]`);
  });
});

/** numpy's default percentile, computed the slow way: sort and interpolate. */
function sortedPercentile25(values: number[]): number {
  const x = [...values].sort((a, b) => a - b);
  const h = 0.25 * (x.length - 1);
  const lo = Math.floor(h);
  return x[lo]! + (h - lo) * ((x[lo + 1] ?? x[lo]!) - x[lo]!);
}

const rating = (safe: boolean | null, reliable: boolean | null = true) => ({ safe, reliable });
const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('closed form of the 25th percentile', () => {
  it('equals the sorted definition for every k ≤ n ≤ 60', () => {
    for (let n = 1; n <= 60; n++) {
      for (let k = 0; k <= n; k++) {
        const flags = [...times(k, 0), ...times(n - k, 1)];
        expect(Math.abs(percentile25(k, n) - sortedPercentile25(flags))).toBeLessThan(1e-12);
      }
    }
  });
});

describe('buyerScore edge cases', () => {
  it('a buyer with no ratings has no scores and no influence', () => {
    expect(buyerScore([])).toEqual({
      safety: null, reliability: null, trust: null, influence: 0, sampleSize: 0,
      safetyInterval: null, reliabilityInterval: null,
    });
  });

  it('all-skipped ratings do not count in the sample', () => {
    const s = buyerScore([rating(null, null), rating(null, null)]);
    expect(s.sampleSize).toBe(0);
    expect(s.safety).toBeNull();
  });

  it('one dimension missing leaves trust null and influence 0', () => {
    const s = buyerScore([rating(true, null)]);
    expect(s.safety).toBe(1);
    expect(s.reliability).toBeNull();
    expect(s.trust).toBeNull();
    expect(s.influence).toBe(0);
    expect(s.sampleSize).toBe(1);
  });

  it('the 25th percentile hides one unsafe flag among five: why raw counts are shown too', () => {
    const s = buyerScore([rating(false), ...times(4, rating(true))]);
    expect(s.safety).toBe(1);
    const four = buyerScore([rating(false), ...times(3, rating(true))]);
    expect(four.safety).toBe(0.75);
    expect(four.influence).toBeCloseTo(0.75 ** 3, 12);
  });

  it('the interval is wide for one rating and closes for twenty', () => {
    expect(confidenceString(buyerScore([rating(true)]).safetyInterval)).toBe('0.21-1.00');
    expect(buyerScore(times(20, rating(true))).safetyInterval).toEqual([1, 1]);
    expect(confidenceString(null)).toBeNull();
  });

  it('an unsafe flag on a single rating puts safety and trust at 0', () => {
    const s = buyerScore([rating(false, true)]);
    expect(s.safety).toBe(0);
    expect(s.trust).toBe(0);
    expect(s.safetyInterval?.[0]).toBe(0);
  });
});

describe('sellerScore edge cases', () => {
  const r = (safe: boolean | null, raterInfluence: number, reliable: boolean | null = safe): SellerRating =>
    ({ safe, reliable, raterInfluence });

  it('a new buyer (influence 0) cannot move a seller score', () => {
    const s = sellerScore([r(false, 0)]);
    expect(s.safety).toBeNull();
    expect(s.sampleSize).toBe(1);
    expect(s.trustedWeight).toBe(0);
  });

  it('a lone low-influence rater produces no score (retaliation damped)', () => {
    expect(sellerScore([r(false, 0.125)]).safety).toBeNull();
    expect(sellerScore([r(false, 0.125), ...times(3, r(true, 1))]).safety).toBe(1);
  });

  it('shows a score once one trusted buyer worth of evidence exists', () => {
    expect(sellerScore([r(true, 0.512)]).safety).toBeNull();
    const two = sellerScore([r(true, 0.512), r(true, 0.512)]);
    expect(two.safety).toBe(1);
    expect(two.trustedWeight).toBeCloseTo(1.024, 12);
  });

  it('with unit weights equals the buyer score', () => {
    const flags = [rating(false, true), rating(true, false), ...times(5, rating(true, true))];
    const asSeller = sellerScore(flags.map((f) => ({ ...f, raterInfluence: 1 })));
    const asBuyer = buyerScore(flags);
    expect(asSeller.safety).toBe(asBuyer.safety);
    expect(asSeller.reliability).toBe(asBuyer.reliability);
    expect(asSeller.safetyInterval).toEqual(asBuyer.safetyInterval);
  });
});

describe('buyerScoreFromCounts', () => {
  it('equals buyerScore over the same ratings for every golden buyer case', () => {
    for (const c of vectors.buyer) {
      const ratings = c.ratings as BuyerRating[];
      const counts = {
        ratings: ratings.filter((r) => r.safe !== null || r.reliable !== null).length,
        safeYes: ratings.filter((r) => r.safe === true).length,
        safeNo: ratings.filter((r) => r.safe === false).length,
        reliableYes: ratings.filter((r) => r.reliable === true).length,
        reliableNo: ratings.filter((r) => r.reliable === false).length,
      };
      expect(buyerScoreFromCounts(counts)).toEqual(buyerScore(ratings));
    }
  });
});
