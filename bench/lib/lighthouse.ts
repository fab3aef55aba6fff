import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { median } from './median';

export interface PageAudit {
  /** 0–100, Lighthouse's mobile preset (simulated slow 4G, 4× CPU slowdown, 412 px wide). */
  performance: number;
  accessibility: number;
  /** The median of the runs, and the lowest and highest (this machine's speed varies from minute to minute). */
  totalBlockingTimeMs: number;
  totalBlockingTimeRangeMs: [number, number];
  largestContentfulPaintMs: number;
  /** How many runs the figures are the median of. */
  runs: number;
  /** Lighthouse's measure of the machine's CPU speed, median of the runs (its 4x slowdown assumes a fast desktop). */
  benchmarkIndex: number;
  /** The accessibility audits that failed, by id (empty at 100). */
  failedAccessibility: string[];
}

/** The distribution's Chromium, with the e2e tests' flags: for Lighthouse here and the slowed loads (slowed.ts). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BROWSER_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

type Run = Omit<PageAudit, 'totalBlockingTimeRangeMs' | 'runs'>;

/** A page to audit: what the report calls it, its address, and the session cookie to send. */
export interface AuditTarget {
  name: string;
  url: string;
  cookie?: string;
}

/**
 * Lighthouse (mobile defaults) on each page, in the distribution's headless Chromium, as the
 * signed-in person the cookie belongs to. One browser for all pages; each page `runs` fresh runs,
 * taken in turns (page 1, page 2, …, page 1 again) so that a slow minute does not fall on one page;
 * the figures are each page's medians.
 */
export async function auditPages(pages: AuditTarget[], runs = 1): Promise<Record<string, PageAudit>> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...BROWSER_FLAGS] });
  const results = new Map<string, Run[]>(pages.map((p) => [p.name, []]));
  try {
    for (let round = 0; round < runs; round++) for (const page of pages) results.get(page.name)!.push(await auditOnce(chrome.port, page));
  } finally {
    chrome.kill();
  }
  return Object.fromEntries([...results].map(([path, r]) => [path, summarise(r)]));
}

async function auditOnce(port: number, page: AuditTarget): Promise<Run> {
  const run = () =>
    lighthouse(page.url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: page.cookie ? { cookie: page.cookie } : undefined,
    });
  // A trace Chromium failed to record ("Please run Lighthouse again"): again, as it asks, up to
  // three times (on this machine about one run in twenty, so 42 runs met it twice on one page).
  let result = await run();
  for (let retry = 0; retry < 3 && result?.lhr.runtimeError?.code === 'NO_NAVSTART'; retry++) result = await run();
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.name}`);
  const { categories, audits: a, runtimeError, environment } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse on ${page.name}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    totalBlockingTimeMs: Math.round(a['total-blocking-time']?.numericValue ?? NaN),
    largestContentfulPaintMs: Math.round(a['largest-contentful-paint']?.numericValue ?? NaN),
    benchmarkIndex: Math.round(environment.benchmarkIndex),
    failedAccessibility: (categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && a[ref.id]?.score !== null && (a[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id),
  };
}

/** Each figure's median over the runs; the accessibility audits that failed in any run. */
export function summarise(runs: Run[]): PageAudit {
  const of = (pick: (r: Run) => number) => median(runs.map(pick));
  const blocking = runs.map((r) => r.totalBlockingTimeMs);
  return {
    performance: of((r) => r.performance),
    accessibility: of((r) => r.accessibility),
    totalBlockingTimeMs: of((r) => r.totalBlockingTimeMs),
    totalBlockingTimeRangeMs: [Math.min(...blocking), Math.max(...blocking)],
    largestContentfulPaintMs: of((r) => r.largestContentfulPaintMs),
    benchmarkIndex: of((r) => r.benchmarkIndex),
    runs: runs.length,
    failedAccessibility: [...new Set(runs.flatMap((r) => r.failedAccessibility))],
  };
}
