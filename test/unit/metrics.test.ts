import { describe, expect, it } from 'vitest';
import { EMPTY_INPUTS, TARGETS, weekMetrics, type WeekInputs, type WeekMetrics } from '@/lib/metrics/assemble';
import { MIN_PEOPLE, suppressCount, suppressRate } from '@/lib/metrics/suppress';

describe('small-cell suppression (lib/metrics/suppress.ts)', () => {
  it('draws the line at five people', () => {
    expect(MIN_PEOPLE).toBe(5);
  });

  it('suppresses a count behind 4 people and shows it behind 5', () => {
    expect(suppressCount(12, 4)).toBeNull();
    expect(suppressCount(12, 5)).toBe(12);
    expect(suppressCount(12, 6)).toBe(12);
    expect(suppressCount(4, 4)).toBeNull();
    expect(suppressCount(5, 5)).toBe(5);
  });

  it('suppresses whatever the count when nobody (or almost nobody) is behind it', () => {
    expect(suppressCount(0, 0)).toBeNull();
    expect(suppressCount(100, 1)).toBeNull();
    expect(suppressCount(0, 5)).toBe(0);
  });

  it('suppresses a rate whose denominator has 4 people and shows it with 5', () => {
    expect(suppressRate(3, 6, 4)).toBeNull();
    expect(suppressRate(3, 6, 5)).toBe(0.5);
    expect(suppressRate(6, 10, 5)).toBe(0.6);
    expect(suppressRate(4, 5, 5)).toBe(0.8);
  });

  it('gives null for a zero denominator, however many people', () => {
    expect(suppressRate(0, 0, 5)).toBeNull();
    expect(suppressRate(0, 0, 100)).toBeNull();
    expect(suppressRate(3, 0, 100)).toBeNull();
  });

  it('shows a zero rate (and a full one) once the denominator is large enough', () => {
    expect(suppressRate(0, 7, 5)).toBe(0);
    expect(suppressRate(7, 7, 5)).toBe(1);
  });

  it('does not look at the numerator to decide', () => {
    // The numerator's people (e.g. 1 retained seller) may be few: only the denominator's count.
    expect(suppressRate(1, 6, 6)).toBe(1 / 6);
  });
});

// Every figure shown: 5 people behind every number.
const FULL: WeekInputs = {
  codes: { generated: 10, sellers: 5, redeemed: 6, sellerRated: 3 },
  redemptions: { redeemed: 8, buyers: 5, buyerRated: 4 },
  unsafe: { flags: 9, sellers: 5 },
  repeatOffenders: 5,
  signUps: 5,
  activity: { active: 5, before: 5, retained: 4 },
};

const FULL_METRICS: WeekMetrics = {
  week: '2026-03-02',
  encounters: 10,
  codeUsage: 0.6,
  buyerRatingRate: 0.5,
  sellerRatingRate: 0.3,
  retention: 0.8,
  unsafeFlags: 9,
  repeatOffenders: 5,
  signUps: 5,
  activeSellers: 5,
};

const FIGURES = [
  'encounters',
  'codeUsage',
  'buyerRatingRate',
  'sellerRatingRate',
  'retention',
  'unsafeFlags',
  'repeatOffenders',
  'signUps',
  'activeSellers',
] as const;

describe('weekly figures (lib/metrics/assemble.ts)', () => {
  it('computes each figure by its definition when 5 people are behind it', () => {
    expect(weekMetrics('2026-03-02', FULL)).toEqual(FULL_METRICS);
  });

  it('gives a week with no data nothing but nulls', () => {
    const m = weekMetrics('2026-03-09', EMPTY_INPUTS);
    expect(m.week).toBe('2026-03-09');
    for (const figure of FIGURES) expect(m[figure], figure).toBeNull();
  });

  it('has the targets of the issue', () => {
    expect(TARGETS).toEqual({ codeUsage: 0.6, buyerRatingRate: 0.5, retention: 0.8 });
  });

  // One group of people at a time drops to 4: exactly the figures that count them go null.
  const cases: { name: string; inputs: WeekInputs; suppressed: (typeof FIGURES)[number][] }[] = [
    {
      name: '4 generating sellers',
      inputs: { ...FULL, codes: { ...FULL.codes, sellers: 4 } },
      suppressed: ['encounters', 'codeUsage', 'sellerRatingRate'],
    },
    {
      name: '4 redeeming buyers',
      inputs: { ...FULL, redemptions: { ...FULL.redemptions, buyers: 4 } },
      suppressed: ['buyerRatingRate'],
    },
    {
      name: '4 flagging sellers (9 flags)',
      inputs: { ...FULL, unsafe: { ...FULL.unsafe, sellers: 4 } },
      suppressed: ['unsafeFlags'],
    },
    { name: '4 repeat offenders', inputs: { ...FULL, repeatOffenders: 4 }, suppressed: ['repeatOffenders'] },
    { name: '4 sign-ups', inputs: { ...FULL, signUps: 4 }, suppressed: ['signUps'] },
    {
      name: '4 active sellers',
      inputs: { ...FULL, activity: { ...FULL.activity, active: 4 } },
      suppressed: ['activeSellers'],
    },
    {
      name: '4 sellers active in the previous window (all 4 stayed)',
      inputs: { ...FULL, activity: { ...FULL.activity, before: 4, retained: 4 } },
      suppressed: ['retention'],
    },
  ];

  it.each(cases)('$name: suppresses exactly the figures behind them', ({ inputs, suppressed }) => {
    const m = weekMetrics('2026-03-02', inputs);
    for (const figure of FIGURES) {
      if (suppressed.includes(figure)) expect(m[figure], figure).toBeNull();
      else expect(m[figure], figure).toEqual(FULL_METRICS[figure]);
    }
  });

  it('does not suppress by the count of things when the people are enough', () => {
    // 2 redeemed codes of 40 from 5 sellers: a numerator below 5 is fine when its denominator's people are 5.
    const m = weekMetrics('2026-03-02', {
      ...FULL,
      codes: { generated: 40, sellers: 5, redeemed: 2, sellerRated: 0 },
      redemptions: { redeemed: 5, buyers: 5, buyerRated: 0 },
    });
    expect(m.encounters).toBe(40);
    expect(m.codeUsage).toBe(0.05);
    expect(m.sellerRatingRate).toBe(0);
    expect(m.buyerRatingRate).toBe(0);
  });

  it('suppresses by people even when the count of things is large', () => {
    const m = weekMetrics('2026-03-02', {
      ...FULL,
      codes: { generated: 400, sellers: 1, redeemed: 300, sellerRated: 200 },
      unsafe: { flags: 50, sellers: 2 },
    });
    expect(m.encounters).toBeNull();
    expect(m.codeUsage).toBeNull();
    expect(m.sellerRatingRate).toBeNull();
    expect(m.unsafeFlags).toBeNull();
  });

  it('gives null rates, not NaN, when nothing was generated, redeemed or active before', () => {
    const m = weekMetrics('2026-03-02', {
      ...FULL,
      codes: { generated: 0, sellers: 0, redeemed: 0, sellerRated: 0 },
      redemptions: { redeemed: 0, buyers: 0, buyerRated: 0 },
      activity: { active: 7, before: 0, retained: 0 },
    });
    expect(m.codeUsage).toBeNull();
    expect(m.sellerRatingRate).toBeNull();
    expect(m.buyerRatingRate).toBeNull();
    expect(m.retention).toBeNull();
    expect(m.activeSellers).toBe(7);
  });

  it('takes retention as retained / before, not active / before', () => {
    const m = weekMetrics('2026-03-02', { ...FULL, activity: { active: 9, before: 10, retained: 7 } });
    expect(m.retention).toBe(0.7);
    expect(m.activeSellers).toBe(9);
  });
});
