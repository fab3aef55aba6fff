import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, LockError } from '@/db/lock';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-lock-'));
const lock = path.join(dir, 'db.lock');
afterEach(() => fs.rmSync(lock, { recursive: true, force: true }));

/** The generations in the lock directory, oldest first, with their contents. */
const generations = () =>
  fs
    .readdirSync(lock)
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b)
    .map((gen) => ({ gen, pid: Number(fs.readFileSync(path.join(lock, String(gen)), 'utf8')) }));

async function exited(): Promise<number> {
  const other = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => other.on('exit', resolve));
  return other.pid!;
}

function sleeper(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
}

describe('acquireLock', () => {
  it('holds the newest generation with our pid; a second take in this process is refused until released', () => {
    const release = acquireLock(lock);
    expect(generations()).toEqual([{ gen: 1, pid: process.pid }]);
    expect(() => acquireLock(lock)).toThrow(LockError);
    release();
    release(); // twice is harmless
    const again = acquireLock(lock);
    expect(generations()).toEqual([{ gen: 2, pid: process.pid }]);
    again();
  });

  it('refuses a lock held by another live process', () => {
    const other = sleeper();
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, '3'), String(other.pid));
      expect(() => acquireLock(lock)).toThrow(/in use by another process \(pid \d+/);
      expect(generations()).toEqual([{ gen: 3, pid: other.pid }]);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that has exited, with the next generation', async () => {
    const dead = await exited();
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, '3'), String(dead));
    const release = acquireLock(lock);
    expect(generations()).toEqual([{ gen: 4, pid: process.pid }]);
    release();
  });

  it('takes a lock released by a live process (marked, not removed)', () => {
    const other = sleeper();
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, '5'), String(other.pid));
      fs.writeFileSync(path.join(lock, '5.released'), '');
      const release = acquireLock(lock);
      expect(generations()).toEqual([{ gen: 6, pid: process.pid }]);
      release();
      expect(fs.existsSync(path.join(lock, '6.released'))).toBe(true);
    } finally {
      other.kill();
    }
  });

  it('a lock file of the previous version: refused while its process lives, taken over once it is gone', async () => {
    const other = sleeper();
    try {
      fs.writeFileSync(lock, String(other.pid));
      expect(() => acquireLock(lock)).toThrow(LockError);
      expect(fs.readFileSync(lock, 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill();
    }
    fs.writeFileSync(lock, String(await exited()));
    const release = acquireLock(lock);
    expect(generations()).toEqual([{ gen: 1, pid: process.pid }]);
    release();
  });
});
