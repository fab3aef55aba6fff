import { describe, expect, it } from 'vitest';
import vectors from '../fixtures/trust-vectors.json';
import { verdictOf, type VerdictCounts } from '@/lib/screening/verdict';
import { buyerScore, type BuyerRating } from '@/lib/trust';

/** Counts as the counters hold them, from a list of ratings by distinct sellers. */
function countsOf(ratings: BuyerRating[]): VerdictCounts {
  const rated = ratings.filter((r) => r.safe !== null || r.reliable !== null);
  const unsafe = rated.filter((r) => r.safe === false).length;
  const unreliable = rated.filter((r) => r.reliable === false).length;
  return { ratings: rated.length, sellers: rated.length, unsafe, unsafeSellers: unsafe, unreliable, unreliableSellers: unreliable, latestUnsafeOn: unsafe ? '2026-12-01' : null };
}

describe('the look-up verdict', () => {
  it('matches the counts on every golden vector, and warns where the percentile hides a flag', () => {
    let hidden = 0;
    for (const [i, c] of vectors.buyer.entries()) {
      const ratings = c.ratings as BuyerRating[];
      const v = verdictOf(countsOf(ratings));
      const anyUnsafe = ratings.some((r) => r.safe === false);
      const anyUnreliable = ratings.some((r) => r.reliable === false);
      const expected = anyUnsafe ? 'warnings' : anyUnreliable ? 'caution' : c.expected.sampleSize > 0 ? 'clear' : 'new';
      expect(v.state, `buyer[${i}]`).toBe(expected);
      // "No warnings" only ever stands beside perfect scores; "new" only where there is no score.
      if (v.state === 'clear') expect([c.expected.safety ?? 1, c.expected.reliability ?? 1], `buyer[${i}]`).toEqual([1, 1]);
      if (v.state === 'new') expect(c.expected.safety, `buyer[${i}]`).toBeNull();
      if (v.state === 'warnings' && c.expected.safety === 1) hidden++;
      expect(buyerScore(ratings).sampleSize).toBe(c.expected.sampleSize);
    }
    // The golden vectors include cases where S = 1.00 despite an unsafe flag: those must warn.
    expect(hidden).toBeGreaterThan(0);
  });

  it('one unsafe flag among many safe ones is a warning, with who and when', () => {
    const v = verdictOf({ ratings: 5, sellers: 4, unsafe: 1, unsafeSellers: 1, unreliable: 0, unreliableSellers: 0, latestUnsafeOn: '2026-12-02' });
    expect(v).toEqual({ state: 'warnings', unsafeSellers: 1, unreliableSellers: 0, sellers: 4, ratings: 5, latestUnsafeOn: '2026-12-02', boardWarnings: 0 });
  });

  it('a warning on the board is a warning even without flags, and even for a new client', () => {
    const none = { ratings: 0, sellers: 0, unsafe: 0, unsafeSellers: 0, unreliable: 0, unreliableSellers: 0, latestUnsafeOn: null };
    expect(verdictOf(none).state).toBe('new');
    expect(verdictOf(none, 2)).toMatchObject({ state: 'warnings', boardWarnings: 2 });
    expect(verdictOf({ ...none, ratings: 3, sellers: 2, unreliable: 1, unreliableSellers: 1 }).state).toBe('caution');
    expect(verdictOf({ ...none, ratings: 3, sellers: 2 }).state).toBe('clear');
  });
});
