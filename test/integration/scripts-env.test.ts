import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { sessions } from '@/db/schema';
import { withTestDatabase } from '../support/database';
import { makeUser } from './screening-support';

// The scripts as cron runs them: `npm run`, with nothing in the environment but PATH and HOME. They must read the app directory's .env like the server, and refuse in one line
// when a secret is missing. The app directory is a copy of scripts/ beside links to the rest, so
// its .env is the test's own and the checkout's stays untouched.

const ROOT = path.resolve(import.meta.dirname, '../..');
const postgres = Boolean(process.env.DATABASE_URL);
const testDb = postgres ? withTestDatabase() : undefined;
const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-app-'));
const SECRETS = [
  `AUTH_SECRET=${'a'.repeat(40)}`,
  `HASH_SECRET=${'h'.repeat(40)}`,
  `MESSAGE_KEYS=1:${Buffer.alloc(32, 3).toString('base64')}`,
];

beforeAll(() => {
  for (const name of fs.readdirSync(ROOT)) {
    if (name === 'scripts' || name.startsWith('.')) continue;
    fs.symlinkSync(path.join(ROOT, name), path.join(appDir, name));
  }
  fs.cpSync(path.join(ROOT, 'scripts'), path.join(appDir, 'scripts'), { recursive: true });
});
afterAll(() => fs.rmSync(appDir, { recursive: true, force: true }));

function writeEnv(lines: string[]) {
  if (postgres) lines = [...lines, `DATABASE_URL=${testDb!.url()}`];
  fs.writeFileSync(path.join(appDir, '.env'), `${lines.join('\n')}\n`);
}

/** `npm run <script>` as cron would start it: from a subdirectory, with PATH and HOME only. */
function run(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  // Deliberately without NODE_ENV (which the type requires): cron sets none.
  const env = { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: os.tmpdir() } as unknown as NodeJS.ProcessEnv;
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', script], { cwd: path.join(appDir, 'scripts'), env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The database the scripts should use: the test's PostgreSQL one, or the embedded one under the app directory (DATA_DIR=data). */
async function openAppDatabase(): Promise<Database> {
  if (postgres) return testDb!.current();
  return createDatabase({ pgliteDir: path.join(appDir, 'data', 'pglite') });
}

describe(`scripts read the server's environment (${postgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('refuse in one line, before touching any database, when a secret is missing', { timeout: 120_000 }, async () => {
    writeEnv(['NODE_ENV=production', 'DATA_DIR=data', SECRETS[0]!]);
    const result = await run('rotate-keys');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'npm run rotate-keys: missing HASH_SECRET, MESSAGE_KEYS in the environment: set them in .env in the app directory (README, "Environment")',
    ]);
    // Outside production they may also come from DATA_DIR/secrets.json; a script never makes them up.
    writeEnv(['DATA_DIR=data']);
    const dev = await run('purge');
    expect(dev.code).toBe(1);
    expect(dev.stderr.trim()).toBe(
      `npm run purge: missing AUTH_SECRET, HASH_SECRET, MESSAGE_KEYS in the environment or ${appDir}/data/secrets.json: set them in .env in the app directory (README, "Environment")`,
    );
    expect(fs.existsSync(path.join(appDir, 'data'))).toBe(false);
  });

  it('npm run purge from cron with the documented .env purges the server\'s database', { timeout: 120_000 }, async () => {
    writeEnv(['NODE_ENV=production', 'DATA_DIR=data', ...SECRETS]);
    let database = await openAppDatabase();
    await database.migrate();
    const { useDatabase } = await import('@/db/index');
    useDatabase(database);
    const user = await makeUser('buyer', 'Cron.Buyer');
    const past = new Date(Date.now() - 60_000);
    await database.db.insert(sessions).values({ tokenHash: 'cron-expired', userId: user.id, expiresAt: past, idleExpiresAt: past });
    if (!postgres) await database.close(); // the embedded database admits one process at a time

    const purged = await run('purge');
    expect(purged.stderr).toBe('');
    expect(purged.code).toBe(0);
    expect(purged.stdout).toMatch(/^Purged: 0 expired messages/);
    database = await openAppDatabase();
    expect(await database.db.$count(sessions)).toBe(0);
    if (!postgres) await database.close();
    // Production secrets come from .env only: nothing was generated.
    expect(fs.existsSync(path.join(appDir, 'data', 'secrets.json'))).toBe(false);
  });
});
