import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, targetFromEnv } from '@/db/client';
import { closeDatabase, useDatabase as installDatabase } from '@/db/index';
import { env } from '@/lib/env';
import { vapidKeys } from '@/lib/notifications/vapid';
import { secrets } from '@/lib/secrets';
import { buyerName, COORDINATOR, countRows, sellerName } from './data/generate';
import { benchReportId } from './data/reports';
import { healthLoad, lookupLoad, profileLoad, writeLoad, type LoadResult } from './lib/load';
import { auditPages, type PageAudit } from './lib/lighthouse';
import { slowedLoads, type SlowedLoads } from './lib/slowed';
import { firstLoadJs, type PageWeight } from './lib/page-weight';
import { benchPages } from './lib/pages';
import { startFrameworkFloor } from './lib/framework-floor';
import { explainAll } from './lib/explain-all';
import { machine, markdown, writeResults, type Row } from './lib/report';
import { sampleResident } from './lib/resident';
import { startProcess, type Running } from './lib/server';
import { sessionCookies } from './lib/sessions';
import { benchEnvironment, integerOptions } from './lib/setup';
import { medianRenderMs } from './lib/render-time';
import { todayCounts, verifyWrites } from './lib/verify';

// npm run bench [-- --duration 20 --connections 10 --writes 3000 --port 3300 --cpu-profile --smoke]
// (--smoke: CI's check that the benchmark works; its figures are not saved.)
// Against the database `npm run bench:data` filled: the snapshot job (timed, with its query
// plans), then the floor server and the production build under autocannon, then the write path's
// bookkeeping and the pages' first-load JS. Prints the tables; writes bench/results.json.
const PAGES = benchPages(sellerName(1), benchReportId(1));
const FRAMEWORK_FLOOR = 'framework floor: Next.js and React alone (bench/framework-floor)';

async function main() {
  const loadAtStart = os.loadavg()[0]; // "run it with the other core idle": this says whether it was
  const where = benchEnvironment();
  const o = integerOptions({ duration: 20, connections: 10, writes: 3000, port: 3300 }, ['cpu-profile', 'smoke']);
  ensureBuild();
  const { database, plans, snapshotSeconds, metricsSeconds } = await explainAll();
  const db = database.db;
  const dataset = await countRows(db);
  if (dataset.buyers === 0) throw new Error('No benchmark data: run npm run bench:data first.');
  const keys = secrets();
  const writeSellers = Math.min(dataset.sellers, 1000);
  const writeBuyers = coprimeAbove(writeSellers, dataset.buyers);
  const names = (n: number, name: (i: number) => string) => Array.from({ length: n }, (_, i) => name(i + 1));
  const sellerNames = names(writeSellers, sellerName);
  const buyerNames = names(writeBuyers, buyerName);
  const cookies = await sessionCookies([...sellerNames, ...buyerNames, COORDINATOR], keys.authSecret);
  const before = await todayCounts(db);
  await closeDatabase(); // the embedded database admits one process at a time: hand it to the servers

  const dbEnv = where.database === 'postgres' ? { DATABASE_URL: process.env.DATABASE_URL } : { DATABASE_URL: '', PGLITE_DIR: targetDir() };
  const sellerCookies = sellerNames.slice(0, 50).map((n) => cookies.get(n)!);
  const measure = async (run: (url: string, seconds: number) => Promise<LoadResult>, url: string) => {
    await run(url, 3); // warm-up: module loading, JIT, connection pools
    return run(url, o.duration);
  };

  console.log('Floor server…');
  const floor = await startProcess('node', ['bench/floor.mjs'], dbEnv, o.port + 1, '/health');
  const floorResult = await measure((url, s) => lookupLoad(url, dataset.buyers, sellerCookies, s, o.connections), floor.url).finally(() => floor.stop());

  // The plain seed-design server (Flask + psycopg2 + numpy under gunicorn), where it can run.
  const seedDesign = where.database === 'postgres' && hasSeedDesignStack() ? await measureSeedDesign(measure, dataset.buyers, sellerCookies, o) : undefined;

  console.log('Production build…');
  // --cpu-profile: the server writes a V8 CPU profile on exit (open it in Chrome DevTools).
  const app = await startApp(dbEnv, keys, o.port, o.flags['cpu-profile'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench/profiles')}`] : []);
  let health: LoadResult, lookup: LoadResult, profile: LoadResult, write: Awaited<ReturnType<typeof writeLoad>>;
  const memory = sampleResident(app.pid);
  const pages: Record<string, PageWeight> = {};
  let audits: Record<string, PageAudit> = {};
  let slowed: Record<string, SlowedLoads> = {};
  let dashboardMs = 0;
  try {
    health = await measure((url, s) => healthLoad(url, s, o.connections), app.url);
    lookup = await measure((url, s) => lookupLoad(url, dataset.buyers, sellerCookies, s, o.connections), app.url);
    profile = await measure((url, s) => profileLoad(url, dataset.sellers, s, o.connections), app.url);
    write = await writeLoad(app.url, {
      sellers: sellerNames.map((name) => ({ name, cookie: cookies.get(name)! })),
      buyers: buyerNames.map((name) => ({ name, cookie: cookies.get(name)! })),
      offset: before.codes,
      iterations: o.writes,
      connections: o.connections,
    });
    const as = { public: undefined, seller: cookies.get(sellerName(1)), buyer: cookies.get(buyerName(1)), coordinator: cookies.get(COORDINATOR) };
    // The coordinator's dashboard over the whole dataset (goal: under 1 s).
    dashboardMs = await medianRenderMs(`${app.url}/de/coordinator`, as.coordinator);
    for (const [role, routes] of Object.entries(PAGES)) {
      const cookie = as[role as keyof typeof as];
      const get = async (url: string) => {
        // The page itself, as its role sees it: a redirect (to signing in) or an error is not audited.
        const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
        if (response.status !== 200) throw new Error(`${url} as ${role}: ${response.status}, not the page`);
        return Buffer.from(await response.arrayBuffer());
      };
      for (const route of routes) pages[route] = await firstLoadJs(app.url, route, get);
    }
    // The framework floor beside the pages: the same figures for Next.js and React alone.
    const floorPage = await startFrameworkFloor(o.port + 3);
    try {
      pages[FRAMEWORK_FLOOR] = await firstLoadJs(floorPage.url, '/', async (url) => Buffer.from(await (await fetch(url)).arrayBuffer()));
      // Lighthouse on every page and the floor, three runs each, medians (in the smoke run one page and the floor once: it shows the audit works, in CI's time).
      const toAudit = Object.entries(PAGES).flatMap(([role, routes]) => routes.map((route) => ({ name: route, url: app.url + route, cookie: as[role as keyof typeof as] })));
      const floorTarget = { name: FRAMEWORK_FLOOR, url: `${floorPage.url}/` };
      const targets = [...(o.flags.smoke ? toAudit.filter((p) => p.name === '/de/seller') : toAudit), floorTarget];
      console.log('Lighthouse…');
      audits = await auditPages(targets, o.flags.smoke ? 1 : 3);
      console.log('Loads with the CPU slowed four times…');
      slowed = await slowedLoads(targets, o.flags.smoke ? 1 : 3);
    } finally {
      await floorPage.stop();
    }
  } finally {
    await app.stop();
  }
  const resident = memory.stop();

  const reopened = createDatabase(targetFromEnv(env()));
  installDatabase(reopened);
  const buyerIds = (await reopened.rawQuery(`select id from users where pseudonym_key = any($1)`, [buyerNames])).map((r) => String(r.id));
  const verified = await verifyWrites(reopened.db, before, write.tally, buyerIds);
  const version = String((await reopened.rawQuery('select version() as v'))[0]!.v).split(' on ')[0]!;
  await closeDatabase();

  const rows: Row[] = [
    { name: 'floor: node:http + one indexed query, look-up', ...floorResult, vsFloor: 1 },
    { name: 'reference: GET /api/health (Next.js route handler + select 1)', ...health, vsFloor: health.requestsPerSecond / floorResult.requestsPerSecond },
    { name: 'GET /api/buyer/:pseudonym/reputation (seller session)', ...lookup, vsFloor: lookup.requestsPerSecond / floorResult.requestsPerSecond },
    { name: 'GET /api/seller/:pseudonym/profile', ...profile, vsFloor: profile.requestsPerSecond / floorResult.requestsPerSecond },
    ...(seedDesign
      ? [{ name: 'seed design: Flask + psycopg2 + numpy, gunicorn 2 processes × 4 threads, every rating read', ...seedDesign, vsFloor: seedDesign.requestsPerSecond / floorResult.requestsPerSecond }]
      : []),
    { name: `write path: generate → redeem → rate (${o.writes} encounters, 3 requests each)`, ...write.load },
    { name: `snapshot job: ${dataset.sellers} sellers, ${dataset.buyers} buyers, ${dataset.ratings} ratings`, seconds: snapshotSeconds, errors: 0 },
    { name: 'daily job: counting the dashboard\'s weekly figures', seconds: metricsSeconds, errors: 0 },
  ];
  const table = markdown(rows, pages, audits, slowed);
  for (const p of plans) console.log(`\n-- ${p.name}\n${p.query}\n${p.plan}`);
  console.log(`\n${table}\n`);
  console.log('Write path bookkeeping:', JSON.stringify(verified));
  const ratios = {
    lookupVsSeedDesign: seedDesign ? round2(lookup.requestsPerSecond / seedDesign.requestsPerSecond) : null,
    lookupP99VsFloor: round2(lookup.p99 / Math.max(1, floorResult.p99)),
    ...resident,
    dashboardMs,
  };
  console.log('Look-up against the seed design (goal ≥ 1.5), p99 against the floor (goal ≤ 3), peak resident MB per process (goal ≤ 256), dashboard render ms (goal < 1000):', JSON.stringify(ratios));
  const results = {
    date: new Date().toISOString().slice(0, 10),
    machine: { ...machine(`${where.database}: ${version}`), loadAverageAtStart: loadAtStart },
    options: { duration: o.duration, connections: o.connections, writes: o.writes },
    dataset,
    results: rows,
    writeVerification: verified,
    ratios,
    pages,
    lighthouse: audits,
    slowedLoads: slowed,
    plans: plans.map(({ name, plan, seqScanOnRatings }) => ({ name, seqScanOnRatings, plan })),
  };
  // BENCH_RESULTS: another file for a run at another scale (the README's 10× run: bench/results-10x.json).
  if (!o.flags.smoke) writeResults(path.resolve(process.env.BENCH_RESULTS ?? 'bench/results.json'), where.database, results);
  const failures = [
    ...rows.filter((r) => (r.errors ?? 0) > 0).map((r) => `${r.name}: ${r.errors} errors`),
    ...(verified.ok ? [] : ['the write path lost or duplicated something (see bookkeeping)']),
    ...plans.filter((p) => p.seqScanOnRatings).map((p) => `${p.name}: sequential scan of ratings`),
  ];
  if (failures.length > 0) {
    console.error(`\nFAILED:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function hasSeedDesignStack() {
  const check = spawnSync('/usr/bin/python3', ['-c', 'import flask, numpy, psycopg2, gunicorn'], { stdio: 'ignore' });
  if (check.status === 0) return true;
  console.log('Seed-design comparison skipped: apt-get install python3-flask python3-numpy python3-psycopg2 gunicorn');
  return false;
}

async function measureSeedDesign(
  measure: (run: (url: string, seconds: number) => Promise<LoadResult>, url: string) => Promise<LoadResult>,
  buyers: number,
  cookies: string[],
  o: { port: number; connections: number },
) {
  console.log('Seed-design server…');
  const port = o.port + 2;
  const server = await startProcess(
    '/usr/bin/python3',
    ['-m', 'gunicorn', '-w', '2', '--threads', '4', '-b', `127.0.0.1:${port}`, '--chdir', path.resolve('bench'), 'seed_design:app'],
    { DATABASE_URL: process.env.DATABASE_URL },
    port,
    '/health',
  );
  return measure((url, s) => lookupLoad(url, buyers, cookies, s, o.connections), server.url).finally(() => server.stop());
}

function ensureBuild() {
  if (fs.existsSync('.next/standalone/server.js')) return;
  console.log('No production build yet: npm run build…');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('The build failed.');
}

function targetDir() {
  const target = targetFromEnv(env());
  return 'pgliteDir' in target ? target.pgliteDir : '';
}

/** The standalone server as deployed, over plain http on loopback (so cookies without Secure). */
function startApp(dbEnv: Record<string, string | undefined>, keys: ReturnType<typeof secrets>, port: number, nodeFlags: string[]): Promise<Running> {
  return startProcess(
    'node',
    [...nodeFlags, 'scripts/start.mjs'],
    {
      ...dbEnv,
      AUTH_SECRET: keys.authSecret,
      HASH_SECRET: keys.hashSecret,
      MESSAGE_KEYS: keys.messageKeys,
      VAPID_PUBLIC_KEY: vapidKeys().publicKey,
      VAPID_PRIVATE_KEY: vapidKeys().privateKey,
      VAPID_SUBJECT: vapidKeys().subject,
      INSECURE_COOKIES: '1',
    },
    port,
    '/api/health',
  );
}

/** The smallest count of buyers above `sellers` sharing no factor with it: pairs (i mod s, i mod b) then never repeat. */
function coprimeAbove(sellers: number, available: number) {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (let b = sellers + 1; b <= available; b++) if (gcd(sellers, b) === 1) return b;
  throw new Error('Not enough buyers for the write path.');
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
