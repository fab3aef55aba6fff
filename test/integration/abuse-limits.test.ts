import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { withTestDatabase } from '../support/database';

// The limits of the threat model (docs/threat-model.md) that are not about codes: sign-up
// budget, sign-in by device, the hashing queue and the daily message limit, under concurrency
// (truly parallel on PostgreSQL; PGlite serialises transactions, the outcomes must agree).

const argon = vi.hoisted(() => ({ hashes: 0 }));
vi.mock('@node-rs/argon2', async (original) => {
  const real = await original<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    hash: async (...args: Parameters<typeof real.hash>) => {
      argon.hashes++;
      return real.hash(...args);
    },
  };
});

const { messages, rateWindows, signInThrottle, users: usersTable } = await import('@/db/schema');
const { verifyCredentials } = await import('@/lib/accounts/credentials');
const { issueDeviceToken } = await import('@/lib/accounts/device');
const { createInvite } = await import('@/lib/accounts/invites');
const { signUp } = await import('@/lib/accounts/sign-up');
const { env } = await import('@/lib/env');
const { MESSAGES_PER_DAY, sendMessage } = await import('@/lib/messages/send');
const { HASHING_AT_ONCE, HASHING_QUEUE, hashingLoad, hashSecret } = await import('@/lib/passwords');
const { makeUser, makeUsers } = await import('./screening-support');

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const PASSWORD = 'Lantern-Orbit-Velvet-42';
const WRONG = 'Not-The-Right-One-99';

describe(`abuse limits (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('sign-up: a global hourly budget, refusals before any hashing, invited sellers exempt', { timeout: 120_000 }, async () => {
    const limit = env().SIGNUPS_PER_HOUR;
    // Hours in the past: the budget this spends must not be the current hour's, which the next test uses.
    const now = new Date(Date.now() - 3 * 60 * 60 * 1000);
    await signUp({ pseudonym: 'Budget.First', password: PASSWORD, role: 'buyer', consent: true }, now);
    // A taken pseudonym: refused without hashing, but it spends the budget like any attempt.
    argon.hashes = 0;
    expect(await signUp({ pseudonym: 'budget.first', password: PASSWORD, role: 'buyer', consent: true }, now)).toEqual({ ok: false, fieldErrors: { pseudonym: 'pseudonymTaken' } });
    expect(argon.hashes).toBe(0);
    await db().update(rateWindows).set({ count: limit });
    // The budget spent: refused before the pseudonym is even looked at (taken or not), no hashing.
    for (const pseudonym of ['Budget.First', 'Budget.Fresh']) {
      expect(await signUp({ pseudonym, password: PASSWORD, role: 'buyer', consent: true }, now)).toEqual({ ok: false, formError: 'signUpThrottled' });
    }
    expect(argon.hashes).toBe(0);
    // A seller without an open invite learns nothing either; with one, she is not held back.
    expect(await signUp({ pseudonym: 'Budget.First', password: PASSWORD, role: 'seller', invite: 'abcd-efgh-jkmn-pqrs' }, now)).toEqual({ ok: false, fieldErrors: { invite: 'inviteInvalid' } });
    const invite = await createInvite();
    expect(await signUp({ pseudonym: 'Budget.Seller', password: PASSWORD, role: 'seller', invite: invite.code }, now)).toMatchObject({ ok: true });
    // The next hour has a budget again.
    expect(await signUp({ pseudonym: 'Budget.Fresh', password: PASSWORD, role: 'buyer', consent: true }, new Date(now.getTime() + 60 * 60 * 1000))).toMatchObject({ ok: true });
  });

  it('strangers who fail against a pseudonym lock it, but not its owner on her own device', { timeout: 120_000 }, async () => {
    const { userId } = (await signUp({ pseudonym: 'Locked.Seller', password: PASSWORD, role: 'buyer', consent: true })) as { userId: string };
    for (let i = 0; i < 8; i++) await verifyCredentials('Locked.Seller', WRONG);
    expect(await verifyCredentials('Locked.Seller', PASSWORD)).toMatchObject({ ok: false, formError: 'throttled' });
    // Her phone signed in before: its token is checked under its own key.
    const token = issueDeviceToken('locked.seller');
    expect(await verifyCredentials('Locked.Seller', PASSWORD, token)).toMatchObject({ ok: true, account: { id: userId } });
    // A token issued for another pseudonym, or a forged one, is no way around the lock.
    for (const other of [issueDeviceToken('someone.else'), `${token.split('.')[0]}.forged`, 'garbage', `${token}.x`]) {
      expect(await verifyCredentials('Locked.Seller', PASSWORD, other)).toMatchObject({ ok: false, formError: 'throttled' });
    }
    // The device's own failures are limited too, separately.
    for (let i = 0; i < 8; i++) await verifyCredentials('Locked.Seller', WRONG, token);
    expect(await verifyCredentials('Locked.Seller', PASSWORD, token)).toMatchObject({ ok: false, formError: 'throttled' });
    expect(await db().$count(signInThrottle)).toBe(2);
  });

  it('50 parallel sign-ins queue for the hashing slots and all get their answer', { timeout: 120_000 }, async () => {
    // Fifty accounts sharing one real hash (fifty sign-ups would hash 450 secrets).
    const passwordHash = await hashSecret(PASSWORD);
    await db().insert(usersTable).values(Array.from({ length: 50 }, (_, i) => ({ pseudonym: `Parallel.${i}`, pseudonymKey: `parallel.${i}`, role: 'buyer' as const, passwordHash })));
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, hashingLoad().running)), 1);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => verifyCredentials(`Parallel.${i}`, i % 2 ? PASSWORD : WRONG)));
    clearInterval(watch);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(HASHING_AT_ONCE);
    expect(results.filter((r) => r.ok)).toHaveLength(25);
    expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 25 }, () => ({ ok: false, formError: 'credentialsInvalid' })));
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it('beyond the queue, hashing is refused at once as busy, and the queue recovers', { timeout: 120_000 }, async () => {
    const settled = await Promise.allSettled(Array.from({ length: HASHING_AT_ONCE + HASHING_QUEUE + 20 }, () => hashSecret('x')));
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(refused).toHaveLength(20);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ name: 'Error', message: 'password hashing queue is full' });
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
    expect(await hashSecret('after')).toMatch(/^\$argon2id\$/);
  });

  it(`80 concurrent messages: exactly ${MESSAGES_PER_DAY} accepted`, { timeout: 120_000 }, async () => {
    const [sender, recipient] = await makeUsers('seller', 'Burst.', 2);
    const results = await Promise.all(
      Array.from({ length: 80 }, (_, i) => sendMessage(sender!.id, { kind: 'direct', to: recipient!.pseudonym, body: `message ${i}` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(MESSAGES_PER_DAY);
    expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 80 - MESSAGES_PER_DAY }, () => ({ ok: false, formError: 'messageLimit' })));
    expect(await db().$count(messages, eq(messages.senderId, sender!.id))).toBe(MESSAGES_PER_DAY);
    // Another seller is not affected.
    const other = await makeUser('seller', 'Burst.Other');
    expect(await sendMessage(other.id, { kind: 'warning', body: 'still possible' })).toMatchObject({ ok: true });
  });
});
