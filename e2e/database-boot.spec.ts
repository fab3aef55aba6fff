import { expect, test } from '@playwright/test';
import { freePort, startApp } from './app-on-postgres';
import { FaultProxy } from '../test/support/fault-proxy';

// PostgreSQL down at boot: the server must stop at once with one clear line, not a stack.

async function expectOneLineAndExit(databaseUrl: string, cause: RegExp) {
  const app = startApp(databaseUrl, await freePort());
  try {
    const code = await Promise.race([app.exited, new Promise((r) => setTimeout(r, 30_000, 'still running'))]);
    expect(code, app.log()).toBe(1);
    const lines = app.stderr().trim().split('\n');
    expect(lines, app.stderr()).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/coop \(\w+\): start it or correct DATABASE_URL/);
    expect(lines[0]).toMatch(cause);
  } finally {
    await app.stop();
  }
}

test('PostgreSQL refusing connections at boot: one line on stderr, exit code 1', async () => {
  await expectOneLineAndExit(`postgres://postgres@127.0.0.1:${await freePort()}/coop`, /\(ECONNREFUSED\)/);
});

test('PostgreSQL silent at boot: one line on stderr, exit code 1', async () => {
  const proxy = new FaultProxy({ host: '127.0.0.1', port: 1 });
  await proxy.start();
  await proxy.set('blackhole');
  try {
    await expectOneLineAndExit(`postgres://postgres@127.0.0.1:${proxy.port}/coop`, /\(CONNECT_TIMEOUT\)/);
  } finally {
    await proxy.stop();
  }
});
