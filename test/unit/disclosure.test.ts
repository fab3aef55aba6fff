import { describe, expect, it } from 'vitest';
import { discloseScore, round2, roundBuyerScore, sampleBand, SAMPLE_BANDS } from '@/lib/disclosure/coarse';
import { isReleaseDue, RELEASE_THRESHOLD } from '@/lib/disclosure/release';
import { buyerScore, sellerScore } from '@/lib/trust';

describe('the release rule', () => {
  it('is K = 3', () => expect(RELEASE_THRESHOLD).toBe(3));

  it('needs at least K new ratings from at least K distinct raters', () => {
    const cases: [ratings: number, raters: number, due: boolean][] = [
      [0, 0, false],
      [1, 1, false],
      [2, 2, false],
      [3, 1, false],
      [3, 2, false], // three ratings from two raters: one of them is identifiable by elimination
      [5, 2, false],
      [3, 3, true],
      [4, 3, true],
      [10, 7, true],
    ];
    for (const [ratings, raters, due] of cases) expect(isReleaseDue({ ratings, raters }), `${ratings} from ${raters}`).toBe(due);
  });

  it('deleted raters only ever lower the distinct count, so a deletion cannot make a release due', () => {
    // Two live raters and one deleted: three ratings, but two distinct raters.
    expect(isReleaseDue({ ratings: 3, raters: 2 })).toBe(false);
    for (let raters = 0; raters <= 5; raters++) {
      for (let deleted = 0; deleted <= raters; deleted++) {
        if (isReleaseDue({ ratings: 5, raters: raters - deleted })) expect(isReleaseDue({ ratings: 5, raters })).toBe(true);
      }
    }
  });

  it('takes another threshold for when the cooperative votes one', () => {
    expect(isReleaseDue({ ratings: 4, raters: 4 }, 5)).toBe(false);
    expect(isReleaseDue({ ratings: 5, raters: 5 }, 5)).toBe(true);
  });
});

describe('coarse figures', () => {
  it('bands the sample size', () => {
    const expected: [number, string][] = [[0, '<5'], [4, '<5'], [5, '5-9'], [9, '5-9'], [10, '10-19'], [19, '10-19'], [20, '20-49'], [49, '20-49'], [50, '50+'], [10_000, '50+']];
    for (const [n, band] of expected) expect(sampleBand(n), String(n)).toBe(band);
    expect(SAMPLE_BANDS).toEqual(['<5', '5-9', '10-19', '20-49', '50+']);
  });

  it('rounds to two decimals', () => {
    expect(round2(0.90625)).toBe(0.91);
    expect(round2(0.125)).toBe(0.13);
    expect(round2(0.015625)).toBe(0.02);
    expect(round2(1)).toBe(1);
    expect(round2(null)).toBeNull();
  });

  it('a disclosed score has rounded scores and intervals, a band, and no weights or influence', () => {
    const seller = sellerScore([
      { safe: true, reliable: true, raterInfluence: 1 },
      { safe: false, reliable: false, raterInfluence: 0.125 },
    ]);
    expect(seller.trustedWeight).toBe(1.125);
    const d = discloseScore(seller);
    expect(Object.keys(d).sort()).toEqual(['reliability', 'reliabilityInterval', 'safety', 'safetyInterval', 'sampleSize', 'trust']);
    expect(d.safety).toBe(round2(seller.safety));
    expect(d.safetyInterval).toEqual(seller.safetyInterval!.map((x) => round2(x)));
    expect(d.sampleSize).toBe('<5');
    const buyer = discloseScore(buyerScore([{ safe: true, reliable: true }, { safe: false, reliable: true }, { safe: true, reliable: null }]));
    expect(buyer).not.toHaveProperty('influence');
    expect(discloseScore(sellerScore([]))).toEqual({ safety: null, reliability: null, trust: null, safetyInterval: null, reliabilityInterval: null, sampleSize: '<5' });
  });

  it("the seller look-up's score keeps its exact counts but shows figures to two decimals", () => {
    const exact = buyerScore([{ safe: true, reliable: true }, { safe: true, reliable: true }, { safe: false, reliable: true }]);
    expect(exact.influence).toBe(0.125);
    const shown = roundBuyerScore(exact);
    expect(shown).toMatchObject({ safety: 0.5, trust: 0.5, influence: 0.13, sampleSize: 3 });
    for (const x of [...shown.safetyInterval!, ...shown.reliabilityInterval!]) expect(Math.round(x * 100) / 100).toBe(x);
  });
});
