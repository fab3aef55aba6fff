import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { scheduleFirstSnapshot } from '@/db/queries/snapshots';
import { snapshotSchedule, users, verificationCodes } from '@/db/schema';
import { discloseScore } from '@/lib/disclosure/coarse';
import { ownScore, takeSnapshotIfDue } from '@/lib/screening/snapshots';
import { buyerScore } from '@/lib/trust';
import { withTestDatabase } from '../support/database';
import { DUMMY_HASH, encounter, makeUser, makeUsers } from './screening-support';

// kill -9 tests (a) and (b): a child process writes to the same PostgreSQL database and is killed
// with SIGKILL, either at a random moment or paused exactly inside the multi-step write. PGlite
// lives inside one process, so these need PostgreSQL (DATABASE_URL); the lock race is elsewhere.

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const child = path.join(import.meta.dirname, 'fixtures', 'crash-child.ts');
const DAY_MS = 24 * 60 * 60 * 1000;

type Message = { paused?: string; recorded?: string; done?: true; ran?: boolean };

function start(task: object) {
  const proc: ChildProcess = fork(child, [JSON.stringify(task)], {
    execArgv: ['--conditions=react-server', '--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: testDb.url() },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const seen: Message[] = [];
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  proc.on('message', (m: Message) => seen.push(m));
  const until = async (test: (m: Message) => boolean, ms = 60_000) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(20)) {
      const hit = seen.find(test);
      if (hit) return hit;
      if (proc.exitCode !== null) throw new Error(`child exited (${proc.exitCode}) before the expected message`);
    }
    throw new Error('timed out waiting for the child');
  };
  const kill = async () => {
    proc.kill('SIGKILL');
    await exited;
  };
  return { seen, until, kill };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function bulkBuyers(prefix: string, count: number) {
  const rows = Array.from({ length: count }, (_, i) => ({ pseudonym: `${prefix}${i}`, pseudonymKey: `${prefix}${i}`.toLowerCase(), role: 'buyer' as const, passwordHash: DUMMY_HASH }));
  return (await db().insert(users).values(rows).returning({ pseudonym: users.pseudonym })).map((r) => r.pseudonym);
}

/** The seller's encounters, and how many of them lack her rating (every one was recorded with one). */
async function tally(sellerId: string) {
  const [row] = await queryRows<{ codes: number; unrated: number }>(
    db(),
    sql`select count(*)::int as codes, (count(*) filter (where r.id is null))::int as unrated
        from verification_codes c
        left join ratings r on r.code_id = c.id and r.direction = 'seller_rates_buyer'
        where c.seller_id = ${sellerId}`,
  );
  return row!;
}

describe.skipIf(!process.env.DATABASE_URL)('kill -9 in a multi-step write (PostgreSQL)', () => {
  it('between recording an encounter and its rating: both or neither, at every kill', { timeout: 120_000 }, async () => {
    const seller = await makeUser('seller', 'Crash.Seller');
    // One buyer per encounter: a second rating of one buyer on one day would be refused by rule.
    const buyers = await bulkBuyers('Crash.Buyer', 500);
    const absent: string[] = [];
    let before = 0;
    for (let round = 0; round < 5; round++) {
      // Rounds 0 and 3 stop exactly between the two steps; the others at a random moment.
      const pauseAt = round % 3 === 0 ? 3 + round : null;
      const run = start({ mode: 'encounters', sellerId: seller.id, buyers: buyers.slice(round * 100, round * 100 + 100), pauseAt });
      if (pauseAt !== null) {
        absent.push((await run.until((m) => m.paused !== undefined)).paused!);
      } else {
        await run.until((m) => m.recorded !== undefined);
        await sleep(50 + Math.random() * 400);
      }
      await run.kill();
      expect(run.seen.some((m) => m.done), 'the kill came before the child finished').toBe(false);

      const now = await tally(seller.id);
      expect(now.unrated, `round ${round}: encounters without their rating`).toBe(0);
      expect(now.codes, `round ${round}: the child made progress before the kill`).toBeGreaterThan(before);
      if (pauseAt !== null) expect(now.codes - before).toBe(pauseAt - 1);
      before = now.codes;
    }
    // The encounters caught between the steps never appeared, not even later.
    for (const id of absent) expect(await db().$count(verificationCodes, eq(verificationCodes.id, id))).toBe(0);
  });

  it('during the weekly snapshot: the claim dies with the run, and the next run takes it', { timeout: 120_000 }, async () => {
    const buyer = await makeUser('buyer', 'Snap.Crash.Buyer');
    const sellers = await makeUsers('seller', 'Snap.Crash.Seller', 3);
    for (const s of sellers) await encounter(s.id, { buyer: buyer.pseudonym, safe: false });
    const now = new Date();
    await scheduleFirstSnapshot(now);
    const dueAt = async () => (await db().select().from(snapshotSchedule))[0]!.nextDueAt;
    expect(await ownScore(buyer.id)).toBeNull();

    const run = start({ mode: 'snapshot', now: now.toISOString() });
    await run.until((m) => m.paused === 'snapshot');
    // While it runs, another timer neither waits for it nor runs it twice.
    expect(await takeSnapshotIfDue(now)).toBe(false);
    await run.kill();

    // Nothing of the half-written run is visible, and the week is still due.
    expect(await ownScore(buyer.id)).toBeNull();
    expect((await dueAt()).getTime()).toBe(now.getTime());
    // The next timer takes it (the server ends the dead client's transaction within moments).
    let taken = false;
    for (let i = 0; i < 50 && !taken; i++) {
      taken = await takeSnapshotIfDue(now);
      if (!taken) await sleep(100);
    }
    expect(taken).toBe(true);
    const flags = sellers.map(() => ({ safe: false, reliable: null }));
    expect((await ownScore(buyer.id))?.score).toEqual(discloseScore(buyerScore(flags)));
    expect((await dueAt()).getTime()).toBeGreaterThanOrEqual(now.getTime() + 7 * DAY_MS);
    expect(await takeSnapshotIfDue(now)).toBe(false);
  });
});
