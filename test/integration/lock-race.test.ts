import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// kill -9 test (c): processes starting at once on one embedded-database directory whose lock was
// left by a dead process. Real child processes race on the real file system; exactly one may win.

const RACERS = 4;
const ROUNDS = 100;
const racer = path.join(import.meta.dirname, 'fixtures', 'lock-racer.ts');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-lock-race-'));

type Reply = { ready?: true; won?: boolean; refused?: boolean; error?: string; released?: true };

interface Racer {
  child: ChildProcess;
  next: () => Promise<Reply>;
}

function startRacer(): Racer {
  const child = fork(racer, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const queue: Reply[] = [];
  const waiting: ((r: Reply) => void)[] = [];
  child.on('message', (m: Reply) => (waiting.length > 0 ? waiting.shift()!(m) : queue.push(m)));
  const next = () => (queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise<Reply>((resolve) => waiting.push(resolve)));
  return { child, next };
}

/** The pid of a process that has exited: what a crashed server leaves in its lock. */
async function deadPid(): Promise<number> {
  const gone = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => gone.on('exit', resolve));
  return gone.pid!;
}

const racers: Racer[] = [];
afterAll(() => {
  for (const r of racers) r.child.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

describe('embedded database lock: take-over of a stale lock', () => {
  beforeAll(async () => {
    for (let i = 0; i < RACERS; i++) racers.push(startRacer());
    for (const r of racers) expect(await r.next()).toEqual({ ready: true });
  }, 60_000);

  it(`${RACERS} processes racing for a stale lock: exactly one wins, ${ROUNDS} of ${ROUNDS} tries`, { timeout: 120_000 }, async () => {
    const stalePid = await deadPid();
    const winners: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const lock = path.join(root, `db-${round}.lock`);
      // Half the rounds: a stale lock of this version (a generation); half: of the previous one (a file).
      if (round % 2 === 0) {
        fs.mkdirSync(lock);
        fs.writeFileSync(path.join(lock, '7'), String(stalePid));
      } else {
        fs.writeFileSync(lock, String(stalePid));
      }
      const at = Date.now() + 40;
      for (const r of racers) r.child.send({ take: lock, at });
      const replies = await Promise.all(racers.map((r) => r.next()));

      const won = replies.flatMap((reply, i) => (reply.won ? [i] : []));
      const seen = `round ${round}: ${JSON.stringify(replies)}`;
      expect(won, seen).toHaveLength(1);
      // Every other racer was refused as "in use", not failed in some other way.
      expect(replies.filter((reply) => !reply.won && reply.refused), seen).toHaveLength(RACERS - 1);
      // On disk, the newest generation names the winner.
      const newest = Math.max(...fs.readdirSync(lock).filter((n) => /^\d+$/.test(n)).map(Number));
      expect(Number(fs.readFileSync(path.join(lock, String(newest)), 'utf8'))).toBe(racers[won[0]!]!.child.pid);
      winners.push(won[0]!);

      for (const r of racers) r.child.send({ release: true });
      for (const r of racers) expect(await r.next()).toEqual({ released: true });
    }
    expect(winners).toHaveLength(ROUNDS);
    // The race was real: more than one process won some rounds.
    expect(new Set(winners).size).toBeGreaterThan(1);
  });
});
