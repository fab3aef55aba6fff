import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { ask, freePort, postgresIsUp, scratchDatabase, startApp, within } from './app-on-postgres';

// On PostgreSQL the production server runs one process per core (scripts/cluster.mjs). One of
// them killed outright (kill -9): the others keep answering, and a new one takes its place.
test.setTimeout(180_000);

/** The server processes under the primary, from /proc (ppid is the field after the command). */
function workersOf(primary: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === primary) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

test('two server processes on PostgreSQL: one killed with SIGKILL, the service keeps answering and the process is replaced', async () => {
  test.skip(!(await postgresIsUp()), 'needs PostgreSQL on 127.0.0.1:5432');
  const database = await scratchDatabase();
  const app = startApp(`postgres://postgres@127.0.0.1:5432/${database.name}`, await freePort(), { WEB_CONCURRENCY: '2' });
  try {
    expect(await within(90_000, async () => (await fetch(`${app.url}/api/health`)).ok && workersOf(app.pid).length === 2), app.log()).not.toBeNull();
    const [victim, survivor] = workersOf(app.pid);
    process.kill(victim!, 'SIGKILL');
    // The primary learns of it at once (a connection it handed over in that instant can be lost);
    // from then on every request is answered by the survivor or the replacement. The replacement
    // takes connections as soon as it listens and answers them once its start-up jobs are done:
    // on a loaded machine a request may wait that long (CI saw over 5 s), but it is answered.
    const noticed = /a server process stopped \(SIGKILL\); starting another/;
    expect(await within(5_000, async () => noticed.test(app.log())), app.log()).not.toBeNull();
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await ask(`${app.url}/api/health`, 'health', {}, 30_000));
    expect(answers.map((a) => a.status), app.log()).toEqual(answers.map(() => 200));

    expect(await within(60_000, async () => workersOf(app.pid).length === 2 && !workersOf(app.pid).includes(victim!)), app.log()).not.toBeNull();
    expect(workersOf(app.pid)).toContain(survivor);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  } finally {
    await app.stop();
    await database.drop();
  }
  // SIGTERM to the primary stops the workers too.
  expect(await app.exited).toBe(0);
});
