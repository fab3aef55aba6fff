import { createECDH, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Web Push: production requires a VAPID pair; a fresh one for every run.
const vapid = createECDH('prime256v1');
vapid.generateKeys();
const baseURL = `http://127.0.0.1:${PORT}`;

// Browser downloads are impossible on our machines: use Debian's chromium when present
// (CHROMIUM_PATH overrides), else Playwright's own browser after `npx playwright install`.
const executablePath =
  process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Most tests sign people up (argon2id, at most one hash per core at a time) on a two-core
  // machine that also runs the server and two browsers: 30 s was too tight under load.
  timeout: 90_000,
  // Two cores run the server, two browsers and the build's leftovers: give assertions room.
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // No pseudonym or code of the run may appear in the server's log.
  globalTeardown: './e2e/global-teardown.ts',
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // The built app (`npm run test:e2e` builds first) on its own embedded database.
  webServer: {
    // The server's output also goes to a file, which global-teardown.ts searches for secrets.
    command: `rm -rf .data/e2e && mkdir -p .data/e2e/logs && tsx --conditions=react-server e2e/prepare-db.ts && node scripts/start.mjs 2>&1 | tee .data/e2e/logs/server.log`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The standalone server, as deployed (docs/deploy.md), with the variables production requires.
    env: {
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
      DATA_DIR: '.data/e2e',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: '',
      // Production refuses to start without secrets: fresh ones for every run.
      AUTH_SECRET: randomBytes(32).toString('base64'),
      HASH_SECRET: randomBytes(32).toString('base64'),
      MESSAGE_KEYS: `1:${randomBytes(32).toString('base64')}`,
      VAPID_PUBLIC_KEY: vapid.getPublicKey().toString('base64url'),
      VAPID_PRIVATE_KEY: vapid.getPrivateKey().toString('base64url'),
      VAPID_SUBJECT: 'mailto:push@example.org',
      // The suite signs up a few hundred throwaway accounts within minutes.
      SIGNUPS_PER_HOUR: '10000',
    },
    stdout: 'pipe',
  },
});
