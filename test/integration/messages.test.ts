import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteOwnMessage } from '@/db/queries/messages';
import { messages } from '@/db/schema';
import { conversation, inbox, unreadCount } from '@/lib/messages/read';
import { MESSAGE_MAX, MESSAGES_PER_DAY, sendMessage } from '@/lib/messages/send';
import { withTestDatabase } from '../support/database';
import { DAY, direct, insertFillerMessages, messageCount, messageRow, warning } from './message-support';
import { makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

const bodies = (c: { messages: { body: string | null }[] } | null | undefined) => c?.messages.map((m) => m.body);

describe(`messages: who sees what (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let ann: TestUser, bea: TestUser, cid: TestUser, dee: TestUser, buyer: TestUser, coordinator: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ann = await makeUser('seller', 'Ann.Seller');
    bea = await makeUser('seller', 'Bea.Seller');
    cid = await makeUser('seller', 'Cid.Seller');
    dee = await makeUser('seller', 'Dee.Seller');
    buyer = await makeUser('buyer', 'Some.Buyer');
    coordinator = await makeUser('coordinator', 'The.Coordinator');
    ids.annToBea = await direct(ann.id, 'Bea.Seller', 'ann to bea');
    ids.beaToCid = await direct(bea.id, 'cid.seller', 'bea to cid');
    ids.beaToAnn = await direct(bea.id, 'ANN.SELLER', 'bea to ann');
    ids.cidToAnn = await direct(cid.id, ' Ann.Seller ', 'cid to ann');
    ids.warning = await warning(bea.id, 'a warning from bea', 'Some.Buyer');
  });

  it("a seller's inbox holds only what she sent or received, latest conversation first", async () => {
    const box = await inbox(ann.id);
    expect(box.map((c) => c.with)).toEqual(['Cid.Seller', 'Bea.Seller']);
    expect(bodies(box[0])).toEqual(['cid to ann']);
    expect(bodies(box[1])).toEqual(['ann to bea', 'bea to ann']);
    for (const m of box.flatMap((c) => c.messages)) {
      expect(m.kind).toBe('direct');
      expect([m.from, m.to]).toContain('Ann.Seller');
      expect(m.mine).toBe(m.from === 'Ann.Seller');
    }
    const all = box.flatMap((c) => c.messages.map((m) => m.id));
    expect(all.sort()).toEqual([ids.annToBea, ids.beaToAnn, ids.cidToAnn].sort());

    const beas = await inbox(bea.id);
    expect(beas.map((c) => c.with)).toEqual(['Ann.Seller', 'Cid.Seller']);
    expect(beas.flatMap((c) => c.messages.map((m) => m.id))).not.toContain(ids.cidToAnn);

    expect(await inbox(dee.id)).toEqual([]);
    expect(await inbox(buyer.id)).toEqual([]);
  });

  it('conversation() shows one pair only, finds the other in any letter case', async () => {
    const c = await conversation(ann.id, 'bea.SELLER');
    expect(c?.with).toBe('Bea.Seller');
    expect(bodies(c)).toEqual(['ann to bea', 'bea to ann']);
    expect(c!.messages.map((m) => m.mine)).toEqual([true, false]);

    // Someone outside the pair sees none of it.
    expect(bodies(await conversation(dee.id, 'Bea.Seller'))).toEqual([]);
    expect(bodies(await conversation(dee.id, 'Ann.Seller'))).toEqual([]);
  });

  it('conversation() with a non-seller, an unknown or invalid name, or herself is null', async () => {
    for (const other of [buyer.pseudonym, coordinator.pseudonym, 'Nobody.Here', 'ab', 'bad name!', '', 'x'.repeat(100)]) {
      expect(await conversation(ann.id, other), other).toBeNull();
    }
    expect(await conversation(ann.id, 'Ann.Seller')).toBeNull();
    expect(await conversation(ann.id, 'ann.seller')).toBeNull();
  });

  it('sending to a buyer, a coordinator, herself or nobody is refused with recipientUnknown, and stores nothing', async () => {
    const before = await messageCount(db());
    for (const to of [buyer.pseudonym, coordinator.pseudonym, 'Ann.Seller', 'ann.seller', ' ANN.SELLER ', 'Nobody.Here', '', 'bad name!', 'x'.repeat(80)]) {
      const result = await sendMessage(ann.id, { kind: 'direct', to, body: 'hello' });
      expect(result, to).toEqual({ ok: false, fieldErrors: { to: 'recipientUnknown' } });
    }
    expect(await sendMessage(ann.id, { kind: 'direct', body: 'no recipient' } as never)).toEqual({
      ok: false,
      fieldErrors: { to: 'recipientUnknown' },
    });
    expect(await messageCount(db())).toBe(before);
  });

  it("deleteOwnMessage deletes only the sender's own message", async () => {
    const id = await direct(cid.id, 'Dee.Seller', 'to be deleted');
    const wid = await warning(cid.id, 'warning to be deleted');
    // Another seller, the recipient, a buyer: false, and the row is still there.
    for (const other of [ann, dee, buyer, coordinator]) {
      expect(await deleteOwnMessage(other.id, id), other.pseudonym).toBe(false);
      expect(await deleteOwnMessage(other.id, wid), other.pseudonym).toBe(false);
    }
    expect(await messageRow(db(), id)).not.toBeNull();
    expect(await messageRow(db(), wid)).not.toBeNull();
    expect(bodies(await conversation(dee.id, 'Cid.Seller'))).toEqual(['to be deleted']);

    expect(await deleteOwnMessage(cid.id, id)).toBe(true);
    expect(await deleteOwnMessage(cid.id, wid)).toBe(true);
    expect(await messageRow(db(), id)).toBeNull();
    expect(await messageRow(db(), wid)).toBeNull();
    expect(await deleteOwnMessage(cid.id, id)).toBe(false);
    expect(bodies(await conversation(dee.id, 'Cid.Seller'))).toEqual([]);
    // The others' messages are untouched.
    for (const other of Object.values(ids)) expect(await messageRow(db(), other)).not.toBeNull();
  });
});

describe('messages: limits', () => {
  let eve: TestUser, fay: TestUser;
  beforeAll(async () => {
    eve = await makeUser('seller', 'Eve.Limits');
    fay = await makeUser('seller', 'Fay.Limits');
  });

  it('refuses an empty or over-long body, for direct messages and warnings alike', async () => {
    const before = await messageCount(db());
    const long = 'x'.repeat(MESSAGE_MAX + 1);
    expect(MESSAGE_MAX).toBe(2000);
    for (const kind of ['direct', 'warning'] as const) {
      const base = kind === 'direct' ? { kind, to: 'Fay.Limits' } : { kind };
      expect(await sendMessage(eve.id, { ...base, body: long })).toEqual({ ok: false, fieldErrors: { body: 'messageTooLong' } });
      for (const body of ['', '   ', '\n\t ']) {
        expect(await sendMessage(eve.id, { ...base, body }), JSON.stringify(body)).toEqual({
          ok: false,
          fieldErrors: { body: 'messageEmpty' },
        });
      }
      expect(await sendMessage(eve.id, { ...base } as never)).toEqual({ ok: false, fieldErrors: { body: 'messageEmpty' } });
    }
    expect(await messageCount(db())).toBe(before);

    // Exactly 2,000 characters is fine (and surrounding spaces do not count).
    const max = `  ${'y'.repeat(MESSAGE_MAX)}  `;
    await direct(eve.id, 'Fay.Limits', max);
    await warning(eve.id, max);
    const c = await conversation(fay.id, 'Eve.Limits');
    expect(c?.messages[0]?.body).toBe('y'.repeat(MESSAGE_MAX));
  });

  it(`allows ${MESSAGES_PER_DAY} messages a day, then refuses with messageLimit`, async () => {
    const gus = await makeUser('seller', 'Gus.Limits');
    expect(MESSAGES_PER_DAY).toBe(60);
    await insertFillerMessages(db(), gus.id, MESSAGES_PER_DAY - 2, fay.id);
    await direct(gus.id, 'Fay.Limits', 'number 59');
    await warning(gus.id, 'number 60');
    const before = await messageCount(db());
    expect(await sendMessage(gus.id, { kind: 'direct', to: 'Fay.Limits', body: 'number 61' })).toEqual({
      ok: false,
      formError: 'messageLimit',
    });
    expect(await sendMessage(gus.id, { kind: 'warning', body: 'number 61' })).toEqual({ ok: false, formError: 'messageLimit' });
    expect(await messageCount(db())).toBe(before);

    // Others are not affected; and yesterday's messages do not count towards today's.
    await direct(fay.id, 'Gus.Limits', 'fay is not limited');
    await db().update(messages).set({ createdOn: sql`current_date - 1` }).where(sql`${messages.senderId} = ${gus.id}`);
    await direct(gus.id, 'Fay.Limits', 'a new day');
  });
});

describe('messages: unread', () => {
  let hal: TestUser, ida: TestUser, jon: TestUser;
  beforeAll(async () => {
    hal = await makeUser('seller', 'Hal.Unread');
    ida = await makeUser('seller', 'Ida.Unread');
    jon = await makeUser('seller', 'Jon.Unread');
  });

  it('unreadCount counts live unread direct messages to her; conversation() marks them read', async () => {
    expect(await unreadCount(ida.id)).toBe(0);
    await direct(hal.id, 'Ida.Unread', 'one from hal');
    await direct(hal.id, 'Ida.Unread', 'two from hal');
    await direct(jon.id, 'Ida.Unread', 'one from jon');
    await direct(ida.id, 'Hal.Unread', 'ida writes back'); // her own: not unread for her
    await warning(hal.id, 'a warning is never unread', 'Ida.Unread');
    // Already expired when sent (a week ago, for a day): not counted.
    await direct(jon.id, 'Ida.Unread', 'expired', 1, new Date(Date.now() - 7 * DAY));

    expect(await unreadCount(ida.id)).toBe(3);
    expect(await unreadCount(hal.id)).toBe(1);
    const box = await inbox(ida.id);
    expect(Object.fromEntries(box.map((c) => [c.with, c.unread]))).toEqual({ 'Hal.Unread': 2, 'Jon.Unread': 1 });
    expect(box.find((c) => c.with === 'Hal.Unread')!.messages.map((m) => m.unread)).toEqual([true, true, false]);

    // Reading the conversation with Hal marks Hal's two as read, not Jon's, and not Hal's own inbox.
    const c = await conversation(ida.id, 'Hal.Unread');
    expect(c?.unread).toBe(0);
    expect(bodies(c)).toEqual(['one from hal', 'two from hal', 'ida writes back']);
    expect(await unreadCount(ida.id)).toBe(1);
    expect(await unreadCount(hal.id)).toBe(1);
    const after = await inbox(ida.id);
    expect(Object.fromEntries(after.map((c) => [c.with, c.unread]))).toEqual({ 'Hal.Unread': 0, 'Jon.Unread': 1 });
    expect(after.flatMap((c) => c.messages).filter((m) => m.unread).map((m) => m.body)).toEqual(['one from jon']);

    await conversation(ida.id, 'jon.unread');
    expect(await unreadCount(ida.id)).toBe(0);
    // A new message is unread again.
    await direct(jon.id, 'Ida.Unread', 'three');
    expect(await unreadCount(ida.id)).toBe(1);
  });
});
