import net from 'node:net';
import { expect, test } from '@playwright/test';
import { messages, recoveryCodesShown, signUp, uniquePseudonym } from './accounts';
import { ask, freePort, PG, postgresIsUp, scratchDatabase, startApp, within, type Answer, type AppServer } from './app-on-postgres';
import { FaultProxy, type Mode } from '../test/support/fault-proxy';

// The built server on PostgreSQL, with a TCP proxy in between that loses the database under load
// (DESIGN.md, "Robustness": a lost database gets 503 within 2 s and recovery without restart).
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const LIMIT_MS = 2000;
// Once the database is back the promise is recovery without a restart: each process opens its
// connections anew on a machine that also runs the other tests, so a first answer may take longer
// than the 2 s promised for a lost database. A request that hangs still fails.
const RECOVERED_LIMIT_MS = 10_000;
const WORKERS = 4;

// Every request touches the database: health, anonymous look-ups, and a signed-in buyer's session.
const MIX = [
  ['health', '/api/health'],
  ['profile api', '/api/seller/nobody-here/profile'],
  ['codes api (session)', '/api/codes/history'],
  // Answered before Next.js (lib/http/fast-lookup.ts): the buyer's session is read, then refused (403).
  ['look-up api (session, lean handler)', '/api/buyer/nobody-here/reputation'],
  ['own score page (session)', '/de/buyer'],
  ['profile page', '/de/s/nobody-here'],
] as const;

let proxy: FaultProxy;
let app: AppServer;
let drop: (() => Promise<void>) | undefined;
let cookie = '';
const healthy = new Map<string, number>();

test.beforeAll(async ({ browser }) => {
  // Start-up, migrations and a sign-up (password hashing) on a busy two-core machine.
  test.setTimeout(120_000);
  test.skip(!(await postgresIsUp()), 'needs PostgreSQL on 127.0.0.1:5432 (CI starts it; locally: pg_ctlcluster … start)');
  const database = await scratchDatabase();
  drop = database.drop;
  proxy = new FaultProxy(PG);
  await proxy.start();
  app = startApp(`postgres://postgres@127.0.0.1:${proxy.port}/${database.name}`, await freePort());
  expect(await within(60_000, async () => (await fetch(`${app.url}/api/health`)).ok), app.log()).not.toBeNull();

  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await signUp(page, 'de', uniquePseudonym('buyer'));
  await recoveryCodesShown(page, 'de');
  cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await context.close();

  // What each request answers while the database is there: the only answer allowed besides 503.
  for (const [name, path] of MIX) {
    const answer = await ask(app.url + path, name, { cookie }, 10_000);
    expect(answer.status, name).not.toBe(503);
    healthy.set(name, answer.status as number);
  }
  expect(healthy.get('own score page (session)')).toBe(200);
});

test.afterAll(async () => {
  await app?.stop();
  await proxy?.stop();
  await drop?.();
});

/** `workers` clients sending the mix back to back while `during` runs. */
async function load(during: () => Promise<void>, limitMs = LIMIT_MS): Promise<Answer[]> {
  const answers: Answer[] = [];
  let running = true;
  const client = async (offset: number) => {
    for (let i = offset; running; i++) {
      const [name, path] = MIX[i % MIX.length]!;
      answers.push(await ask(app.url + path, name, { cookie }, limitMs));
    }
  };
  const clients = Array.from({ length: WORKERS }, (_, i) => client(i));
  await during();
  running = false;
  await Promise.all(clients);
  return answers;
}

function expectFastAndHonest(answers: Answer[]) {
  for (const a of answers) {
    const what = describe(a);
    expect(a.status, what).not.toBe('timeout');
    expect(a.ms, what).toBeLessThan(LIMIT_MS);
    expect([healthy.get(a.name), 503], what).toContain(a.status);
    if (a.status !== 503) continue;
    if (a.name.includes('page')) {
      expect(a.contentType, what).toContain('text/html');
      expect(a.body, what).toContain(messages.de.Unavailable.title);
    } else if (a.name !== 'health') {
      expect(JSON.parse(a.body), what).toEqual({ error: { code: 'unavailable', message: messages.de.Errors.unavailable } });
      expect(a.cacheControl, what).toBe('no-store');
    }
  }
}

function describe(a: Answer) {
  return `${a.name}: ${a.status} after ${a.ms} ms${a.status === 'error' ? ` (${a.body})` : ''}`;
}

/** Per request: how many answers of each status, and the slowest. */
function summary(answers: Answer[]) {
  const by = new Map<string, { statuses: Record<string, number>; slowest: number }>();
  for (const a of answers) {
    const entry = by.get(a.name) ?? { statuses: {}, slowest: 0 };
    entry.statuses[a.status] = (entry.statuses[a.status] ?? 0) + 1;
    entry.slowest = Math.max(entry.slowest, a.ms);
    by.set(a.name, entry);
  }
  return Object.fromEntries(by);
}

async function cutOff(mode: Mode) {
  const answers = await load(async () => {
    await new Promise((r) => setTimeout(r, 1500));
    await proxy.set(mode);
    await new Promise((r) => setTimeout(r, 5000));
  });
  expectFastAndHonest(answers);
  // The cut really happened: every kind of request showed it. A page streams its shell before its own
  // queries run (app/[locale]/loading.tsx), so a page may answer 200 with the error for the boundary
  // (error.tsx, the localised "temporarily unavailable") in the stream instead of 503.
  const showsFault = (a: Answer) => a.status === 503 || (a.name.includes('page') && a.body.includes('data-dgst="'));
  for (const [name] of MIX) expect(answers.some((a) => a.name === name && showsFault(a)), name).toBe(true);
  if (process.env.E2E_FAULTS_REPORT) console.log(mode, summary(answers));

  await proxy.set('forward');
  // On PostgreSQL the server runs a process per core, each noticing the way back on its own: ask
  // several at once (parallel requests open several connections, which reach every process).
  const healthAll = () => Promise.all(Array.from({ length: 6 }, () => ask(`${app.url}/api/health`, 'health', {}, LIMIT_MS)));
  const recovered = await within(10_000, async () => (await healthAll()).every((a) => a.status === 200));
  expect(recovered, `health after ${mode}`).not.toBeNull();
  const after = await load(() => new Promise((r) => setTimeout(r, 1500)), RECOVERED_LIMIT_MS);
  expect(after.length).toBeGreaterThan(WORKERS);
  // On failure, what every answer was and what the server said, to tell a hang from a slow machine.
  const report = `${JSON.stringify(summary(after))}\n${app.log().slice(-4000)}`;
  for (const a of after) expect(a.status, `${describe(a)} after recovery\n${report}`).toBe(healthy.get(a.name));
}

test('PostgreSQL refusing connections mid-load: every answer within 2 s is 503 or success, then recovery', async () => {
  await cutOff('refuse');
});

test('PostgreSQL silent (blackholed) mid-load: every answer within 2 s is 503 or success, then recovery', async () => {
  await cutOff('blackhole');
});

/** Sends a POST's head and a little of its body, then hangs up. */
function hangUpMidUpload(url: string, path: string, headers: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n${headers}\r\npseudonym=ab`);
      setTimeout(() => socket.destroy(), 300);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => {});
  });
}

test('clients that hang up mid-upload cost one line each in the log, and nothing else', async () => {
  const before = app.log().split('went away before its body arrived').length;
  const uploads = [
    ['/de/sign-in', ''],
    ['/de/sign-in', 'Next-Action: 00\r\n'],
    ['/api/codes', `Cookie: ${cookie}\r\n`],
    ['/api/health', ''],
  ] as const;
  for (const [path, headers] of uploads) await hangUpMidUpload(app.url, path, headers);
  expect(await within(5_000, async () => app.log().split('went away before its body arrived').length - before >= uploads.length), app.log()).not.toBeNull();
  expect(app.log()).not.toContain('Error: aborted');
  expect((await ask(`${app.url}/api/health`, 'health', {}, 5_000)).status).toBe(200);
});

test('the server log has no uncaught exception and no query parameters', async () => {
  if (process.env.E2E_FAULTS_REPORT) console.log(app.log());
  expect(await Promise.race([app.exited, new Promise((r) => setTimeout(r, 100, 'running'))])).toBe('running');
  const log = app.log();
  expect(log).toContain('[database] unreachable');
  expect(log).toContain('[database] reachable again');
  expect(log).not.toMatch(/uncaughtException|unhandledRejection|Uncaught/i);
  // drizzle's messages carry a failed query's parameters (pseudonym hashes): db/redact.ts drops them.
  expect(log).not.toContain('params:');
});
