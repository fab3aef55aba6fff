import { chromium, type Browser } from '@playwright/test';
import { BROWSER_FLAGS, CHROMIUM, type AuditTarget } from './lighthouse';
import { median } from './median';

/**
 * Blocking time as a slowed phone would feel it, beside Lighthouse's simulated figure. Lighthouse's
 * mobile preset loads the page at full speed and then simulates: it stretches each task four times
 * and places it on a timeline of its own (slow 4G), so its blocking time also depends on which tasks
 * its model puts after the first paint. Here the CPU really is slowed four times (Chromium's own
 * throttling, as DevTools does it) and the long tasks are the browser's own (PerformanceObserver
 * "longtask"): blocking time is what each task took beyond 50 ms after the first contentful paint
 * (a task that began before it counts from it, as in Lighthouse), until 2.5 s after the load event.
 * Network not throttled (loopback), a fresh context per load, the distribution's Chromium with the
 * e2e tests' flags, a 412 × 823 phone viewport.
 */
export interface SlowedLoads {
  /** Median over the loads, and the lowest and highest. */
  blockingMs: number;
  blockingRangeMs: [number, number];
  loads: number;
}

const SETTLE_MS = 2500;

/** Each page `loads` times, in turns (page 1, page 2, …, page 1 again), like the Lighthouse runs. */
export async function slowedLoads(pages: AuditTarget[], loads: number): Promise<Record<string, SlowedLoads>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_FLAGS });
  const results = new Map<string, number[]>(pages.map((p) => [p.name, []]));
  try {
    for (let round = 0; round < loads; round++) for (const page of pages) results.get(page.name)!.push(await blockingOnce(browser, page));
  } finally {
    await browser.close();
  }
  return Object.fromEntries([...results].map(([name, ms]) => [name, { blockingMs: median(ms), blockingRangeMs: [Math.min(...ms), Math.max(...ms)], loads: ms.length }]));
}

/**
 * Lighthouse's rule over the long tasks ([start, duration] in ms): what each took beyond 50 ms
 * after the first contentful paint; a task that began before the paint counts from the paint on.
 */
export function blockingTime(tasks: [number, number][], fcp: number): number {
  return Math.round(tasks.reduce((sum, [start, duration]) => sum + Math.max(0, start + duration - Math.max(start, fcp) - 50), 0));
}

async function blockingOnce(browser: Browser, target: AuditTarget): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  try {
    if (target.cookie) {
      const eq = target.cookie.indexOf('=');
      await context.addCookies([{ name: target.cookie.slice(0, eq), value: target.cookie.slice(eq + 1), url: new URL(target.url).origin }]);
    }
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: [number, number][] = [];
      (window as unknown as { __longTasks: typeof seen }).__longTasks = seen;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) seen.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const response = await page.goto(target.url, { waitUntil: 'load' });
    if (response?.status() !== 200) throw new Error(`${target.name}: ${response?.status()}, not the page`);
    await page.waitForTimeout(SETTLE_MS);
    const { fcp, tasks } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      tasks: (window as unknown as { __longTasks: [number, number][] }).__longTasks,
    }));
    if (fcp === undefined) throw new Error(`${target.name}: no first contentful paint`);
    return blockingTime(tasks, fcp);
  } finally {
    await context.close();
  }
}
