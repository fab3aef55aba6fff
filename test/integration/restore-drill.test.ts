import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// deploy/restore-drill.sh against the test server: whatever happens, no dump may stay behind in
// the temporary directory (it holds every pseudonym and ciphertext). PostgreSQL only.
const url = process.env.DATABASE_URL;
const script = path.resolve('deploy/restore-drill.sh');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drill-test-'));
  dirs.push(dir);
  return dir;
}

const admin = (u: string) => `${u.replace(/\/[^/]*$/, '')}/postgres`;

describe.skipIf(!url || !spawnSync('pg_dump', ['--version']).stdout)('restore drill leaves no dump behind', () => {
  it('after a successful drill the temporary directory is empty', () => {
    const dir = tmp();
    const run = spawnSync('bash', [script], { env: { ...process.env, TMPDIR: dir, SOURCE_URL: url!, ADMIN_URL: admin(url!) }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/restored identically/);
    expect(run.status).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('after a failed restore the temporary directory is empty too', () => {
    const dir = tmp();
    // The dump succeeds, creating the scratch database fails (no such admin database).
    const run = spawnSync('bash', [script], { env: { ...process.env, TMPDIR: dir, SOURCE_URL: url!, ADMIN_URL: `${admin(url!)}_missing` }, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('killed while it runs, it still removes the dump', async () => {
    const dir = tmp();
    const child = spawn('bash', [script], { env: { ...process.env, TMPDIR: dir, SOURCE_URL: url!, ADMIN_URL: admin(url!) } });
    // Wait until the dump exists, then stop the drill as a shutdown would.
    const deadline = Date.now() + 30_000;
    while (!fs.readdirSync(dir).some((d) => fs.readdirSync(path.join(dir, d)).length > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(fs.readdirSync(dir)).toHaveLength(1);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await exited;
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
