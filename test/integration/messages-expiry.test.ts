import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { purgeExpired } from '@/lib/maintenance';
import { purgeMessages } from '@/lib/messages/maintenance';
import { board, conversation, inbox, liveWarningsAbout, unreadCount } from '@/lib/messages/read';
import { expiryFor, sendMessage } from '@/lib/messages/send';
import { withTestDatabase } from '../support/database';
import { DAY, dayStart, messageCount, messageRow, mustRow, send, setExpiry } from './message-support';
import { makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

/** Everything a seller can see or count, as of `now`. */
async function visible(viewer: TestUser, other: string, buyer: string, now?: Date) {
  const box = await inbox(viewer.id, now);
  return {
    inbox: box.flatMap((c) => c.messages.map((m) => m.id)).sort(),
    conversation: ((await conversation(viewer.id, other, now))?.messages ?? []).map((m) => m.id).sort(),
    board: (await board(viewer.id, undefined, now)).map((m) => m.id).sort(),
    filtered: (await board(viewer.id, buyer, now)).map((m) => m.id).sort(),
    warnings: await liveWarningsAbout(buyer, now),
  };
}

describe(`messages expire (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let ann: TestUser;
  beforeAll(async () => {
    ann = await makeUser('seller', 'Ann.Expiry');
    await makeUser('seller', 'Bea.Expiry'); // a recipient
  });

  it('stores the expiry as a day: 1, 7 (default) or 30 days; refuses other day counts', async () => {
    const now = new Date();
    for (const days of [1, 7, 30]) {
      const id = await send(ann.id, { kind: 'direct', to: 'Bea.Expiry', body: `for ${days} days`, days }, now);
      const row = await mustRow(db(), id);
      expect(row.expiresOn).toBe(expiryFor(now, days));
      expect(dayStart(row.expiresOn).getTime()).toBeGreaterThanOrEqual(now.getTime() + days * DAY);
    }
    const id = await send(ann.id, { kind: 'warning', body: 'default expiry' }, now);
    expect((await mustRow(db(), id)).expiresOn).toBe(expiryFor(now, 7));
    // The row records days, never a time: no column of messages holds a time of day.
    const types = await queryRows<{ column_name: string; data_type: string }>(
      db(),
      sql`select column_name, data_type from information_schema.columns where table_name = 'messages' and column_name in ('created_on', 'expires_on', 'expires_at')`,
    );
    expect(types.map((c) => `${c.column_name}:${c.data_type}`).sort()).toEqual(['created_on:date', 'expires_on:date']);
    const [timeColumns] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from information_schema.columns where table_name = 'messages' and data_type like 'time%'`,
    );
    expect(Number(timeColumns!.n)).toBe(0);

    const before = await messageCount(db());
    for (const days of [0, 2, 14, 31, '3', 'forever']) {
      expect(await sendMessage(ann.id, { kind: 'direct', to: 'Bea.Expiry', body: 'x', days: days as number }), String(days)).toEqual({
        ok: false,
        fieldErrors: { days: 'expiryInvalid' },
      });
      expect(await sendMessage(ann.id, { kind: 'warning', body: 'x', days: days as number }), String(days)).toEqual({
        ok: false,
        fieldErrors: { days: 'expiryInvalid' },
      });
    }
    expect(await messageCount(db())).toBe(before);
  });

  it('a message past its expiry is invisible at once everywhere and counted nowhere', async () => {
    const cid = await makeUser('seller', 'Cid.Expiry');
    const dee = await makeUser('seller', 'Dee.Expiry');
    const now = new Date();
    const shortDirect = await send(cid.id, { kind: 'direct', to: 'Dee.Expiry', body: 'short', days: 1 }, now);
    const shortWarning = await send(cid.id, { kind: 'warning', body: 'short warning', buyer: 'Bad.Guy', days: 1 }, now);
    const longDirect = await send(cid.id, { kind: 'direct', to: 'Dee.Expiry', body: 'long', days: 30 }, now);
    const longWarning = await send(cid.id, { kind: 'warning', body: 'long warning', buyer: 'bad.guy', days: 30 }, now);
    const expiry = dayStart(expiryFor(now, 1));

    const all = { direct: [shortDirect, longDirect].sort(), warnings: [shortWarning, longWarning].sort() };
    const before = new Date(expiry.getTime() - 1);
    const later = [expiry, new Date(expiry.getTime() + 1), new Date(expiry.getTime() + 3 * DAY)];

    // Unread counts first: reading the conversation (below) marks messages read.
    expect(await unreadCount(dee.id, before)).toBe(2);
    expect((await inbox(dee.id, before)).reduce((n, c) => n + c.unread, 0)).toBe(2);
    for (const at of later) {
      expect(await unreadCount(dee.id, at), at.toISOString()).toBe(1);
      expect((await inbox(dee.id, at)).reduce((n, c) => n + c.unread, 0)).toBe(1);
    }

    const justBefore = await visible(dee, 'Cid.Expiry', 'Bad.Guy', before);
    expect(justBefore).toMatchObject({ inbox: all.direct, conversation: all.direct, filtered: all.warnings, warnings: 2 });
    expect(justBefore.board).toEqual(expect.arrayContaining(all.warnings));

    // From the start of its expiry day (and later) the short ones are gone from every view and count.
    for (const at of later) {
      const seen = await visible(dee, 'Cid.Expiry', 'Bad.Guy', at);
      expect(seen, at.toISOString()).toMatchObject({ inbox: [longDirect], conversation: [longDirect], filtered: [longWarning], warnings: 1 });
      expect(seen.board).toContain(longWarning);
      expect(seen.board).not.toContain(shortWarning);
      const sender = await visible(cid, 'Dee.Expiry', 'Bad.Guy', at);
      expect(sender).toMatchObject({ inbox: [longDirect], conversation: [longDirect] });
    }
    // Well before the purge has run, the rows are still there: the reads alone hide them.
    expect(await messageRow(db(), shortDirect)).not.toBeNull();
    expect(await messageRow(db(), shortWarning)).not.toBeNull();

    // Moving the expiry into the past hides a message for a read at the real "now" too.
    await setExpiry(db(), longDirect, new Date(Date.now() - 1000));
    await setExpiry(db(), longWarning, new Date(Date.now() - 1000));
    const none = await visible(dee, 'Cid.Expiry', 'Bad.Guy');
    expect(none).toMatchObject({ inbox: [shortDirect], conversation: [shortDirect], filtered: [shortWarning], warnings: 1 });
    expect(none.board).not.toContain(longWarning);
    const fresh = await send(cid.id, { kind: 'direct', to: 'Dee.Expiry', body: 'fresh' });
    expect(await unreadCount(dee.id)).toBe(1);
    await setExpiry(db(), fresh, new Date(Date.now() - 1000));
    expect(await unreadCount(dee.id)).toBe(0);
    expect((await inbox(dee.id)).flatMap((c) => c.messages.map((m) => m.id))).toEqual([shortDirect]);
  });

  it('purgeExpired() physically deletes expired messages and keeps live ones', async () => {
    const eve = await makeUser('seller', 'Eve.Expiry');
    const live = [
      await send(eve.id, { kind: 'direct', to: 'Ann.Expiry', body: 'stays', days: 1 }),
      await send(eve.id, { kind: 'warning', body: 'stays too', buyer: 'Some.One', days: 30 }),
    ];
    const doomed = [
      await send(eve.id, { kind: 'direct', to: 'Ann.Expiry', body: 'goes' }),
      await send(eve.id, { kind: 'warning', body: 'goes too', buyer: 'Some.One' }),
    ];
    for (const id of doomed) await setExpiry(db(), id, new Date(Date.now() - 60_000));
    const expiredBefore = await countExpired();
    expect(expiredBefore).toBeGreaterThanOrEqual(doomed.length);
    const total = await messageCount(db());

    expect(await purgeExpired()).toEqual({ messages: expiredBefore });
    expect(await messageCount(db())).toBe(total - expiredBefore);
    expect(await countExpired()).toBe(0);
    for (const id of doomed) expect(await messageRow(db(), id)).toBeNull();
    for (const id of live) expect(await messageRow(db(), id)).not.toBeNull();

    // Nothing left to purge: a second run deletes nothing.
    expect(await purgeExpired()).toEqual({ messages: 0 });
    expect(await messageCount(db())).toBe(total - expiredBefore);
  });

  it('purgeMessages(now) deletes what has expired by then, from the first instant of the expiry day', async () => {
    const fay = await makeUser('seller', 'Fay.Expiry');
    const now = new Date();
    const oneDay = await send(fay.id, { kind: 'direct', to: 'Bea.Expiry', body: 'one day', days: 1 }, now);
    const week = await send(fay.id, { kind: 'direct', to: 'Bea.Expiry', body: 'a week', days: 7 }, now);
    const month = await send(fay.id, { kind: 'warning', body: 'a month', days: 30 }, now);
    const at = dayStart(expiryFor(now, 1));

    await purgeMessages(new Date(at.getTime() - 1));
    expect(await messageRow(db(), oneDay)).not.toBeNull();

    const total = await messageCount(db());
    const due = await countExpired(at);
    expect(await purgeMessages(at)).toBe(due);
    expect(await messageCount(db())).toBe(total - due);
    expect(await messageRow(db(), oneDay)).toBeNull();
    expect(await messageRow(db(), week)).not.toBeNull();
    expect(await messageRow(db(), month)).not.toBeNull();

    await purgeMessages(new Date(now.getTime() + 8 * DAY));
    expect(await messageRow(db(), week)).toBeNull();
    expect(await messageRow(db(), month)).not.toBeNull();
  });
});

async function countExpired(now = new Date()): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db(),
    sql`select count(*)::int as n from messages where expires_on <= ${now.toISOString().slice(0, 10)}::date`,
  );
  return Number(row!.n);
}
