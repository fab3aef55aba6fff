import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import { seal } from '@/lib/crypto';
import { decryptMessage, messageKeys } from '@/lib/messages/crypto';
import { rotateMessageKeys } from '@/lib/messages/maintenance';
import { board, inbox } from '@/lib/messages/read';
import { withTestDatabase } from '../support/database';
import { direct, mustRow, warning } from './message-support';
import { makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

/** What the recipient (or the board's reader) gets for one message id, as the app shows it. */
async function shownBody(viewer: TestUser, id: string): Promise<string | null | undefined> {
  const all = [...(await inbox(viewer.id)).flatMap((c) => c.messages), ...(await board(viewer.id))];
  return all.find((m) => m.id === id)?.body;
}

describe(`message ciphertext bound to sender, recipient and kind (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let ann: TestUser, bea: TestUser, cat: TestUser;
  beforeAll(async () => {
    ann = await makeUser('seller', 'Ann.Bind');
    bea = await makeUser('seller', 'Bea.Bind');
    cat = await makeUser('seller', 'Cat.Bind');
  });

  it('new messages are sealed with the full binding and read back', async () => {
    const id = await direct(ann.id, 'Bea.Bind', 'bound to ann and bea');
    expect((await mustRow(db(), id)).aadVersion).toBe(2);
    expect(await shownBody(bea, id)).toBe('bound to ann and bea');
  });

  it('a ciphertext copied onto another row does not open there', async () => {
    const source = await direct(ann.id, 'Bea.Bind', 'the original text');
    const target = await direct(ann.id, 'Bea.Bind', 'another text');
    const { ciphertext } = await mustRow(db(), source);
    await db().update(messages).set({ ciphertext }).where(eq(messages.id, target));
    expect(await shownBody(bea, target)).toBeNull();
    expect(await shownBody(bea, source)).toBe('the original text');
  });

  it('changing the sender, the recipient or the kind makes the row unreadable', async () => {
    const toRecipient = await direct(ann.id, 'Bea.Bind', 'moved to cat');
    await db().update(messages).set({ recipientId: cat.id }).where(eq(messages.id, toRecipient));
    expect(await shownBody(cat, toRecipient)).toBeNull();

    const fromSender = await direct(ann.id, 'Bea.Bind', 'claimed by cat');
    await db().update(messages).set({ senderId: cat.id }).where(eq(messages.id, fromSender));
    expect(await shownBody(bea, fromSender)).toBeNull();

    const toBoard = await direct(ann.id, 'Bea.Bind', 'posted to the board');
    await db().update(messages).set({ kind: 'warning', recipientId: null }).where(eq(messages.id, toBoard));
    expect(await shownBody(cat, toBoard)).toBeNull();

    const warned = await warning(ann.id, 'a warning', 'Some.Buyer');
    expect(await shownBody(cat, warned)).toBe('a warning');
    await db().update(messages).set({ senderId: bea.id }).where(eq(messages.id, warned));
    expect(await shownBody(cat, warned)).toBeNull();
  });

  it('lowering aad_version does not open a fully bound row with its id alone', async () => {
    const id = await direct(ann.id, 'Bea.Bind', 'no downgrade');
    await db().update(messages).set({ aadVersion: 1 }).where(eq(messages.id, id));
    expect(await shownBody(bea, id)).toBeNull();
  });

  it('an older row sealed to its id alone stays readable, and rotate-keys re-seals it with the full binding', async () => {
    const id = await direct(ann.id, 'Bea.Bind', 'placeholder');
    const keys = messageKeys();
    // As rows were written before migration 0013: associated data = the row id, aad_version 1.
    const legacy = seal(keys.current.key, JSON.stringify({ body: 'written before the binding' }), id);
    await db().update(messages).set({ ciphertext: legacy, aadVersion: 1 }).where(eq(messages.id, id));
    expect(await shownBody(bea, id)).toBe('written before the binding');

    const { moved, unreadable } = await rotateMessageKeys();
    expect(moved).toBeGreaterThanOrEqual(1);
    // Rows already under the current key and binding are not touched; the one downgraded above is
    // picked up (aad_version 1), cannot be opened and is left as it is: rotation guesses nothing.
    expect(unreadable).toBe(1);
    const row = await mustRow(db(), id);
    expect(row.aadVersion).toBe(2);
    expect(row.ciphertext).not.toBe(legacy);
    expect(await shownBody(bea, id)).toBe('written before the binding');
    expect(decryptMessage({ ...row, aadVersion: 1 })).toBeNull();

    // Now bound: moving it to another recipient no longer works.
    await db().update(messages).set({ recipientId: cat.id }).where(eq(messages.id, id));
    expect(await shownBody(cat, id)).toBeNull();
  });
});
