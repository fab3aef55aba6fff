import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, createDatabase, type Database } from '@/db/client';
import { countSubscriptions, deleteAllSubscriptions, MAX_DEVICES, notify, unseenCount } from '@/db/queries/notifications';
import { deliverPendingPushes } from '@/lib/notifications/delivery';
import { subscribeDevice, type PushSubscriptionJson } from '@/lib/notifications/subscriptions';
import { withTestDatabase } from '../support/database';
import { makeUser } from './screening-support';

// web-push-testing: a real Web Push service (RFC 8030 endpoint, RFC 8291 decryption, VAPID
// check) on loopback. It keeps the decrypted messages each subscription received.
const require_ = createRequire(import.meta.url);
const { PushApiModel } = require_('web-push-testing/src/PushApiModel.js') as { PushApiModel: new () => unknown };
const PushServer = require_('web-push-testing/src/server.js') as new (model: unknown, port: number) => {
  startServer(): void;
  _server: Server;
};

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const PORT = 20_000 + Math.floor(Math.random() * 20_000);
const base = `http://localhost:${PORT}`;
let server: InstanceType<typeof PushServer>;

async function call<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** A device subscribed at the push service with our VAPID public key (as PushManager.subscribe does). */
async function device(): Promise<{ sub: PushSubscriptionJson; clientHash: string }> {
  const res = await call<{ data: PushSubscriptionJson & { clientHash: string } }>('/subscribe', {
    userVisibleOnly: 'true',
    applicationServerKey: process.env.VAPID_PUBLIC_KEY,
  });
  expect(res.status).toBe(200);
  const { clientHash, ...sub } = res.body.data;
  return { sub: { endpoint: sub.endpoint, keys: sub.keys }, clientHash };
}

async function received(clientHash: string): Promise<string[]> {
  const res = await call<{ data: { messages: string[] } }>('/get-notifications', { clientHash });
  expect(res.status).toBe(200);
  return res.body.data.messages;
}

beforeAll(async () => {
  server = new PushServer(new PushApiModel(), PORT);
  server.startServer();
  await new Promise<void>((resolve) => (server._server.listening ? resolve() : server._server.once('listening', () => resolve())));
});

afterAll(async () => {
  await new Promise((resolve) => server._server.close(resolve));
});

describe(`Web Push end to end (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('stores the subscription sealed: a dump of the table holds no endpoint, key or device id', async () => {
    const ann = await makeUser('seller', 'Push.Ann');
    const { sub, clientHash } = await device();
    await subscribeDevice(ann.id, sub);
    const rows = await queryRows<Record<string, unknown>>(db(), sql`select * from push_subscriptions`);
    expect(rows).toHaveLength(1);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(clientHash);
    expect(dump).not.toContain(`localhost:${PORT}`);
    expect(dump).not.toContain(sub.keys.p256dh);
    expect(dump).not.toContain(sub.keys.auth);
    expect(rows[0]!.user_id).toBe(ann.id);
  });

  it('notify() in a transaction: the in-app row and, after commit, one push of exactly the padded 64-byte content', async () => {
    const bea = await makeUser('seller', 'Push.Bea');
    const other = await makeUser('seller', 'Push.Other');
    const { sub, clientHash } = await device();
    await subscribeDevice(bea.id, sub);
    const elsewhere = await device();
    await subscribeDevice(other.id, elsewhere.sub);

    await db().transaction(async (tx) => {
      await notify([bea.id], 'message', tx);
      // Not committed yet: nothing to send.
    });
    expect(await unseenCount(bea.id)).toBe(1);
    const result = await deliverPendingPushes();
    expect(result).toEqual({ sent: 1, dropped: 0, failed: 0 });
    const messages = await received(clientHash);
    expect(messages).toEqual([`{"t":"message","p":"${'_'.repeat(42)}"}`]);
    expect(Buffer.byteLength(messages[0]!)).toBe(64);
    expect(messages[0]).not.toContain('Bea');
    // Someone else's device got nothing; a second run sends nothing again.
    expect(await received(elsewhere.clientHash)).toEqual([]);
    await deliverPendingPushes();
    expect(await received(clientHash)).toHaveLength(1);
  });

  it('a rolled-back notify() leaves no notification and sends no push', async () => {
    const cid = await makeUser('seller', 'Push.Cid');
    const { sub, clientHash } = await device();
    await subscribeDevice(cid.id, sub);
    await expect(
      db().transaction(async (tx) => {
        await notify([cid.id], 'alarm', tx);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    await deliverPendingPushes();
    expect(await unseenCount(cid.id)).toBe(0);
    expect(await received(clientHash)).toEqual([]);
  });

  it('a subscription the push service answers 410 for is deleted, and the caller never sees the failure', async () => {
    const dee = await makeUser('seller', 'Push.Dee');
    const { sub, clientHash } = await device();
    await subscribeDevice(dee.id, sub);
    const expired = await fetch(`${base}/expire-subscription/${clientHash}`, { method: 'POST' });
    expect(expired.status).toBe(200);
    await notify([dee.id], 'checkin_overdue');
    const result = await deliverPendingPushes();
    expect(result.dropped).toBe(1);
    expect(await countSubscriptions(dee.id)).toBe(0);
    expect(await unseenCount(dee.id)).toBe(1);
  });

  it(`at most ${MAX_DEVICES} devices per person: a new one replaces the oldest`, async () => {
    const fay = await makeUser('seller', 'Push.Fay');
    const { sub } = await device();
    for (let i = 0; i < MAX_DEVICES + 3; i++) await subscribeDevice(fay.id, { ...sub, endpoint: `https://push.example/fay/${i}` });
    expect(await countSubscriptions(fay.id)).toBe(MAX_DEVICES);
    // "Sign out everywhere else": every device but this one; a recovery or deletion: every one.
    const kept = await subscribeDevice(fay.id, { ...sub, endpoint: 'https://push.example/fay/this-phone' });
    expect(await deleteAllSubscriptions(fay.id, undefined, kept)).toBe(MAX_DEVICES - 1);
    expect(await countSubscriptions(fay.id)).toBe(1);
    expect(await deleteAllSubscriptions(fay.id)).toBe(1);
  });

  it('an unreachable push service counts a failure and keeps the subscription', async () => {
    const eve = await makeUser('seller', 'Push.Eve');
    const { sub } = await device();
    await subscribeDevice(eve.id, { ...sub, endpoint: 'http://127.0.0.1:9/notify/nothing-listens-here' });
    await notify([eve.id], 'warning');
    const result = await deliverPendingPushes();
    expect(result.failed).toBe(1);
    expect(await countSubscriptions(eve.id)).toBe(1);
  });

  it('two senders at once (on PostgreSQL two connection pools, as two server processes): every device gets each push once', async () => {
    const second: Database | undefined = testDb.url() ? createDatabase({ url: testDb.url()! }) : undefined;
    try {
      const people = await Promise.all(Array.from({ length: 12 }, (_, i) => makeUser('seller', `Push.Many${i}`)));
      const devices = [];
      for (const p of people) {
        const d = await device();
        await subscribeDevice(p.id, d.sub);
        devices.push(d);
      }
      await notify(
        people.map((p) => p.id),
        'warning',
      );
      const [a, b] = await Promise.all([deliverPendingPushes(db()), deliverPendingPushes(second?.db ?? db())]);
      expect(a.sent + b.sent).toBe(12);
      for (const d of devices) expect(await received(d.clientHash)).toEqual([`{"t":"warning","p":"${'_'.repeat(42)}"}`]);
    } finally {
      await second?.close();
    }
  });
});
