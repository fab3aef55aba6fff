import { describe, expect, it } from 'vitest';
import { blockingTime } from '../../bench/lib/slowed';

describe('blocking time of the loads with the CPU really slowed (Lighthouse’s rule)', () => {
  it('counts what each long task after the first paint took beyond 50 ms', () => {
    // first paint at 1000 ms: tasks of 120 and 80 ms after it block 70 + 30 ms.
    expect(blockingTime([[1100, 120], [1500, 80]], 1000)).toBe(100);
  });

  it('counts a task that began before the first paint from the paint on, and none that ended before it', () => {
    // 900–1100 straddles the paint at 1000: 100 ms after it, 50 of them blocking; 700–800 ended before.
    expect(blockingTime([[700, 100], [900, 200]], 1000)).toBe(50);
    // 950–1040: only 40 ms after the paint, under the threshold.
    expect(blockingTime([[950, 90]], 1000)).toBe(0);
  });

  it('is nothing without long tasks', () => {
    expect(blockingTime([], 800)).toBe(0);
  });
});
