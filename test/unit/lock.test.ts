import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, LockError } from '@/db/lock';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-lock-'));
afterEach(() => fs.rmSync(path.join(dir, 'db.lock'), { force: true }));

describe('acquireLock', () => {
  it('holds the lock file with our pid and frees it on release', () => {
    const file = path.join(dir, 'db.lock');
    const release = acquireLock(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a lock held by another live process', async () => {
    const file = path.join(dir, 'db.lock');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      fs.writeFileSync(file, String(other.pid));
      expect(() => acquireLock(file)).toThrow(LockError);
      expect(() => acquireLock(file)).toThrow(/in use by another process/);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that has exited', async () => {
    const file = path.join(dir, 'db.lock');
    const other = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => other.on('exit', resolve));
    fs.writeFileSync(file, String(other.pid));
    const release = acquireLock(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
  });
});
