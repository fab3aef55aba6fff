import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { messages, signIn } from './accounts';
import { freePort, postgresIsUp, scratchDatabase, startApp, vapidEnv } from './app-on-postgres';
import { checkIdentifier, expectNoHorizontalOverflow } from './people';
import { PHONE } from './phone-checks';

// Expiry by severity, end to end: an "annoying" report lives 90 days. Ninety days cannot pass in a
// test, so its dates are moved back 90 days in the database (the only thing this test does
// behind the service's back); then the nightly job (`npm run purge`, what the server's timer
// runs) deletes it, keeps its count, and the look-up no longer finds it.
test.setTimeout(180_000);

/** Runs a script of the app against the scratch database with the server's secrets; its output. */
function runScript(script: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}:\n${out}`))));
  });
}

test('de, 360 px: an annoying report is found until its 90 days are over; then the nightly job deletes it and keeps its count', async ({ browser }) => {
  test.skip(!(await postgresIsUp()), 'needs PostgreSQL on 127.0.0.1:5432');
  const de = messages.de;
  const database = await scratchDatabase();
  const url = `postgres://postgres@127.0.0.1:5432/${database.name}`;
  const secrets = {
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    HASH_SECRET: randomBytes(32).toString('base64'),
    MESSAGE_KEYS: `1:${randomBytes(32).toString('base64')}`,
    ...vapidEnv(),
  };
  const scriptEnv = { ...secrets, DATA_DIR: test.info().outputPath('scripts') };
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  // The demo accounts (db/seed.ts), made as `npm run db:seed` makes them.
  await runScript('scripts/seed.ts', scriptEnv);
  const app = startApp(url, await freePort(), { ...secrets, WEB_CONCURRENCY: '1' });
  try {
    await expect.poll(async () => (await fetch(`${app.url}/api/health`).catch(() => null))?.ok ?? false, { timeout: 90_000, message: app.log() }).toBe(true);
    const page = await (await browser.newContext({ ...PHONE, baseURL: app.url })).newPage();
    await signIn(page, 'de', 'demo-anna', 'Demo-Passwort-2026');
    await expect(page).toHaveURL(/\/de\/seller$/);

    const plate = `HH-Q${randomBytes(2).readUInt16BE() % 900 + 100}`;
    const description = `Kam dreimal nicht ${randomBytes(3).toString('hex')}`;
    await page.goto('/de/seller/reports/new');
    await page.getByLabel(de.Reports.categoryLabel).selectOption({ label: de.Reports.category.no_show });
    await page.getByRole('radio', { name: new RegExp(`^${de.Reports.severity.annoying}`) }).check();
    await page.getByLabel(de.Reports.kind.plate, { exact: true }).fill(plate);
    await page.getByLabel(de.Reports.description).fill(description);
    await page.getByRole('button', { name: de.Reports.submit }).click();
    await expect(page.getByRole('status').filter({ hasText: de.Reports.sent })).toBeVisible();

    // Found, by the plate typed differently, and on the board.
    await expect(await checkIdentifier(page, 'de', 'plate', plate.replace('-', ' ').toLowerCase())).toContainText(description);
    await page.goto('/de/seller/reports');
    await expect(page.getByRole('list', { name: de.Reports.title })).toContainText(description);

    // 89 days on: still there (the nightly job runs, nothing is due).
    const [report] = await sql<{ id: string; created_on: string; expires_on: string; days: number }[]>`
      select id, created_on::text, expires_on::text, (expires_on - created_on) as days from reports`;
    expect(report!.days).toBe(90);
    await sql`update reports set created_on = created_on - 89, occurred_on = occurred_on - 89, expires_on = expires_on - 89`;
    await runScript('scripts/purge.ts', scriptEnv);
    await expect(await checkIdentifier(page, 'de', 'plate', plate)).toContainText(description);

    // Day 90: the expiry day. The job deletes it, with its identifiers, and counts it for the metrics.
    await sql`update reports set created_on = created_on - 1, occurred_on = occurred_on - 1, expires_on = expires_on - 1`;
    expect((await sql`select expires_on = current_date as due from reports`)[0]!.due).toBe(true);
    await runScript('scripts/purge.ts', scriptEnv);
    const answer = await checkIdentifier(page, 'de', 'plate', plate);
    await expect(answer).toContainText(de.Reports.noMatches.split('{value}')[0]!);
    await expect(answer).not.toContainText(description);
    await page.goto('/de/seller/reports');
    await expect(page.getByRole('main')).not.toContainText(description);
    await expectNoHorizontalOverflow(page);
    expect(await sql`select 1 from reports`).toHaveLength(0);
    expect(await sql`select 1 from report_identifiers`).toHaveLength(0);
    const counted = await sql<{ week: string; category: string; severity: string; reports: number }[]>`
      select week::text, category::text, severity::text, reports from report_expired_counts`;
    const week = (await sql<{ w: string }[]>`select date_trunc('week', ${report!.created_on}::date - 90)::date::text as w`)[0]!.w;
    expect(counted).toEqual([{ week, category: 'no_show', severity: 'annoying', reports: 1 }]);
    expect(app.log()).not.toContain(plate.slice(3)); // the server never logged the plate
  } finally {
    await sql.end();
    await app.stop();
    await database.drop();
  }
});
