import { describe, expect, it } from 'vitest';
import { CHART, chartGeometry, niceCeiling, type ChartPoint } from '@/lib/metrics/chart';

const weeks = (values: (number | null)[]): ChartPoint[] => values.map((value, i) => ({ week: `2026-09-${String(i + 1).padStart(2, '0')}`, value }));
const top = CHART.top;
const base = CHART.height - CHART.bottom;

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten, and never below 1', () => {
    expect([0, 0.3, 1, 1.5, 2, 3, 7, 10, 11, 49, 50, 51, 999, 1001].map(niceCeiling)).toEqual([1, 1, 1, 2, 2, 5, 10, 10, 20, 50, 50, 100, 1000, 2000]);
  });
});

describe('chartGeometry', () => {
  it('draws a suppressed week as a gap: one path per run of figures, a dot for each figure', () => {
    const g = chartGeometry(weeks([5, 10, null, 20, 20, null, 6, null, null, null, null, 8]));
    // Runs [5, 10] and [20, 20]; 6 and 8 stand alone (a dot, no line).
    expect(g.paths).toHaveLength(2);
    expect(g.paths.every((d) => d.startsWith('M') && d.split('L').length === 2)).toBe(true);
    expect(g.dots).toHaveLength(6);
  });

  it('puts 0 on the baseline and the axis top (a nice ceiling of the largest figure) at the top', () => {
    const g = chartGeometry(weeks([0, 37, null]));
    expect(g.yTicks).toEqual([
      { y: base, value: 0 },
      { y: (base + top) / 2, value: 25 },
      { y: top, value: 50 },
    ]);
    expect(g.dots[0]).toEqual({ x: CHART.left, y: base });
    // 37 of 50: 74 % of the way up.
    expect(g.dots[1]!.y).toBeCloseTo(base - 0.74 * (base - top), 1);
  });

  it('draws rates on 0–100 % with the target line where the target is', () => {
    const g = chartGeometry(weeks([0.5, 0.9]), { percent: true, target: 0.6 });
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 0.5, 1]);
    expect(g.targetY).toBeCloseTo(base - 0.6 * (base - top), 1);
    expect(chartGeometry(weeks([0.5]), { percent: true }).targetY).toBeUndefined();
  });

  it('spreads the weeks across the plot and labels every third, the latest always', () => {
    const g = chartGeometry(weeks(Array.from({ length: 12 }, (_, i) => i)));
    expect(g.dots[0]!.x).toBe(CHART.left);
    expect(g.dots[11]!.x).toBe(CHART.width - CHART.right);
    expect(g.xTicks.map((t) => t.week)).toEqual(['2026-09-03', '2026-09-06', '2026-09-09', '2026-09-12']);
  });

  it('draws nothing from a week with no figures at all', () => {
    const g = chartGeometry(weeks([null, null, null]));
    expect(g.paths).toEqual([]);
    expect(g.dots).toEqual([]);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 1]);
  });

  it('gives a count axis no half steps', () => {
    expect(chartGeometry(weeks([5, 3])).yTicks.map((t) => t.value)).toEqual([0, 5]);
    expect(chartGeometry(weeks([7])).yTicks.map((t) => t.value)).toEqual([0, 5, 10]);
  });
});
