import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface PageAudit {
  /** 0–100, Lighthouse's mobile preset (simulated slow 4G, 4× CPU slowdown, 412 px wide). */
  performance: number;
  accessibility: number;
  totalBlockingTimeMs: number;
  largestContentfulPaintMs: number;
  /** The accessibility audits that failed, by id (empty at 100). */
  failedAccessibility: string[];
}

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Lighthouse (mobile defaults) on each page, in the distribution's headless Chromium, as the
 * signed-in person the cookie belongs to. One browser for all pages; each page a fresh run.
 */
export async function auditPages(base: string, pages: { path: string; cookie?: string }[]): Promise<Record<string, PageAudit>> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  const audits: Record<string, PageAudit> = {};
  try {
    for (const page of pages) {
      const run = () =>
        lighthouse(base + page.path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          extraHeaders: page.cookie ? { cookie: page.cookie } : undefined,
        });
      let result = await run();
      // A trace Chromium failed to record ("Please run Lighthouse again"): once more, as it asks.
      if (result?.lhr.runtimeError?.code === 'NO_NAVSTART') result = await run();
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const { categories, audits: a, runtimeError } = result.lhr;
      if (runtimeError) throw new Error(`Lighthouse on ${page.path}: ${runtimeError.code} ${runtimeError.message}`);
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      audits[page.path] = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        totalBlockingTimeMs: Math.round(a['total-blocking-time']?.numericValue ?? NaN),
        largestContentfulPaintMs: Math.round(a['largest-contentful-paint']?.numericValue ?? NaN),
        failedAccessibility: (categories.accessibility?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && a[ref.id]?.score !== null && (a[ref.id]?.score ?? 1) < 1)
          .map((ref) => ref.id),
      };
    }
  } finally {
    chrome.kill();
  }
  return audits;
}
