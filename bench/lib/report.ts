import type { PageAudit } from './lighthouse';
import type { SlowedLoads } from './slowed';
import fs from 'node:fs';
import os from 'node:os';
import type { LoadResult } from './load';
import type { PageWeight } from './page-weight';

export interface Row extends Partial<LoadResult> {
  name: string;
  /** Requests per second relative to the floor's. */
  vsFloor?: number;
  seconds?: number;
}

export function machine(database: string) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    database,
  };
}

const kb = (n: number) => (n / 1024).toFixed(1);

/** The tables as Markdown, for the terminal and for the README. */
export function markdown(rows: Row[], pages: Record<string, PageWeight>, audits: Record<string, PageAudit> = {}, slowed: Record<string, SlowedLoads> = {}) {
  const lines = [
    '| benchmark | req/s | p50 ms | p99 ms | errors | vs floor |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      r.seconds !== undefined
        ? `| ${r.name} | ${r.seconds.toFixed(2)} s wall time | | | ${r.errors ?? 0} | |`
        : `| ${r.name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.vsFloor === undefined ? '' : `${Math.round(r.vsFloor * 100)} %`} |`,
    ),
    '',
    '| route | JS files | first-load JS | gzipped |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(pages).map(([route, w]) => `| \`${route}\` | ${w.files} | ${kb(w.bytes)} KB | ${kb(w.gzip)} KB |`),
    '',
    '| route (Lighthouse 12, mobile; medians) | performance | total blocking time (lowest–highest) | largest contentful paint | accessibility | runs | blocking time, CPU really slowed 4 × (lowest–highest) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(audits).map(([route, a]) => {
      const s = slowed[route];
      const real = s ? `${s.blockingMs} ms (${s.blockingRangeMs.join('–')})` : '';
      return `| \`${route}\` | ${a.performance} | ${a.totalBlockingTimeMs} ms (${a.totalBlockingTimeRangeMs.join('–')}) | ${a.largestContentfulPaintMs} ms | ${a.accessibility}${a.failedAccessibility.length ? ` (${a.failedAccessibility.join(', ')})` : ''} | ${a.runs} | ${real} |`;
    }),
  ];
  return lines.join('\n');
}

/** bench/results.json keeps the latest run on each database ("postgres", "pglite") side by side. */
export function writeResults(file: string, database: string, results: unknown) {
  const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...all, [database]: results }, null, 2) + '\n');
}
