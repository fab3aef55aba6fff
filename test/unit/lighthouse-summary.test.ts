import { describe, expect, it } from 'vitest';
import { summarise } from '../../bench/lib/lighthouse';

const run = (tbt: number, perf: number, failed: string[] = []) => ({
  performance: perf,
  accessibility: 100,
  totalBlockingTimeMs: tbt,
  largestContentfulPaintMs: 1000 + tbt,
  benchmarkIndex: 1200 + tbt,
  failedAccessibility: failed,
});

describe('the benchmark’s Lighthouse figures over several runs', () => {
  it('are the medians, with the blocking time’s lowest and highest run', () => {
    const s = summarise([run(300, 90), run(100, 99), run(140, 97)]);
    expect(s).toMatchObject({ totalBlockingTimeMs: 140, totalBlockingTimeRangeMs: [100, 300], performance: 97, largestContentfulPaintMs: 1140, benchmarkIndex: 1340, runs: 3 });
  });

  it('take the mean of the middle two for an even count, and keep every failed accessibility audit', () => {
    const s = summarise([run(100, 98, ['color-contrast']), run(200, 96), run(400, 90, ['label']), run(150, 97)]);
    expect(s.totalBlockingTimeMs).toBe(175);
    expect(s.failedAccessibility).toEqual(['color-contrast', 'label']);
  });
});
