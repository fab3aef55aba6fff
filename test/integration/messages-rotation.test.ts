import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import { parseMessageKeys, type MessageKeys } from '@/lib/message-keys';
import { decryptMessage } from '@/lib/messages/crypto';
import { rotateMessageKeys } from '@/lib/messages/maintenance';
import { board, inbox } from '@/lib/messages/read';
import { withTestDatabase } from '../support/database';
import { direct, flipPart, mustRow, setCiphertext, warning, type MessageRow } from './message-support';
import { makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

const K1 = Buffer.alloc(32, 0xa1).toString('base64');
const K2 = Buffer.alloc(32, 0xb2).toString('base64');
const K3 = Buffer.alloc(32, 0xc3).toString('base64');

// lib/messages/crypto.ts caches the parsed MESSAGE_KEYS here; switching it is switching the keys.
const store = globalThis as unknown as { __coopMessageKeys?: MessageKeys };
const useKeys = (value: string) => {
  store.__coopMessageKeys = parseMessageKeys(value);
};
const saved = store.__coopMessageKeys;
afterAll(() => {
  store.__coopMessageKeys = saved;
});

async function allRows(): Promise<Map<string, MessageRow>> {
  return new Map((await db().select().from(messages)).map((r) => [r.id, r]));
}

/** Every message body as the given seller sees it (inbox and board), by id. */
async function readable(viewer: TestUser): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const m of (await inbox(viewer.id)).flatMap((c) => c.messages)) out.set(m.id, m.body);
  for (const m of await board(viewer.id)) out.set(m.id, m.body);
  return out;
}

describe(`key rotation (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let ann: TestUser, bea: TestUser;
  const ids: Record<string, string> = {};
  const bodies: Record<string, string> = {
    oldDirect: 'written under key one',
    oldReply: 'a reply under key one',
    oldWarning: 'a warning under key one',
    newDirect: 'written under key two',
  };

  beforeAll(async () => {
    ann = await makeUser('seller', 'Ann.Rotate');
    bea = await makeUser('seller', 'Bea.Rotate');
  });

  it('old messages still read after a new key is added; new ones use it; rotation moves the rest', async () => {
    useKeys(`1:${K1}`);
    ids.oldDirect = await direct(ann.id, 'Bea.Rotate', bodies.oldDirect!);
    ids.oldReply = await direct(bea.id, 'Ann.Rotate', bodies.oldReply!);
    ids.oldWarning = await warning(bea.id, bodies.oldWarning!, 'Rotate.Buyer');
    const v1 = await allRows();
    expect([...v1.values()].map((r) => r.keyVersion)).toEqual([1, 1, 1]);

    useKeys(`2:${K2},1:${K1}`);
    const expectAllReadable = async () => {
      const seen = await readable(ann);
      for (const [name, id] of Object.entries(ids)) expect(seen.get(id), name).toBe(bodies[name]);
      expect(seen.size).toBe(Object.keys(ids).length);
    };
    await expectAllReadable();
    ids.newDirect = await direct(ann.id, 'Bea.Rotate', bodies.newDirect!);
    const mixed = await allRows();
    expect(mixed.get(ids.newDirect)!.keyVersion).toBe(2);
    expect(mixed.get(ids.oldDirect)!.keyVersion).toBe(1);
    await expectAllReadable();

    expect(await rotateMessageKeys()).toEqual({ moved: 3, unreadable: 0 });
    const v2 = await allRows();
    for (const [id, row] of v2) {
      expect(row.keyVersion, id).toBe(2);
      // Re-encrypted under key 2 only: key 1 alone no longer opens it.
      expect(decryptMessage(row, parseMessageKeys(`1:${K1}`)), id).toBeNull();
      expect(decryptMessage(row, parseMessageKeys(`2:${K2}`))?.body, id).toEqual(expect.any(String));
    }
    for (const name of ['oldDirect', 'oldReply', 'oldWarning']) {
      const before = v1.get(ids[name]!)!;
      const after = v2.get(ids[name]!)!;
      expect(after.ciphertext, name).not.toBe(before.ciphertext);
      // Only the key changed: not the sender, recipient, buyer hash, expiry or read flag.
      expect({ ...after, ciphertext: '', keyVersion: 0 }).toEqual({ ...before, ciphertext: '', keyVersion: 0 });
    }
    expect(v2.get(ids.newDirect!)!.ciphertext).toBe(mixed.get(ids.newDirect!)!.ciphertext);
    await expectAllReadable();

    // Nothing left to move.
    expect(await rotateMessageKeys()).toEqual({ moved: 0, unreadable: 0 });

    // Key 1 removed: everything still reads, the warning filter still finds its buyer.
    useKeys(`2:${K2}`);
    await expectAllReadable();
    expect((await board(bea.id, 'rotate.buyer')).map((m) => m.body)).toEqual([bodies.oldWarning]);
    expect((await readable(bea)).get(ids.oldReply!)).toBe(bodies.oldReply);
  });

  it('a message whose key was removed reads as unreadable and is left alone by rotation, not moved', async () => {
    useKeys(`1:${K1}`);
    const orphan = await direct(ann.id, 'Bea.Rotate', 'only key one can read this');
    useKeys(`2:${K2},1:${K1}`);
    const live = await direct(ann.id, 'Bea.Rotate', 'under key two');
    const tampered = await direct(bea.id, 'Ann.Rotate', 'tampered under key two');
    const tamperedRow = await mustRow(db(), tampered);
    await setCiphertext(db(), tampered, flipPart(tamperedRow.ciphertext, 1));

    // Key 1 dropped before the rotation was run.
    useKeys(`3:${K3},2:${K2}`);
    const seen = await readable(ann);
    expect(seen.get(orphan)).toBeNull();
    expect(seen.get(tampered)).toBeNull();
    expect(seen.get(live)).toBe('under key two');
    expect(seen.get(ids.oldDirect!)).toBe(bodies.oldDirect);

    const before = await allRows();
    const movable = [...before.values()].filter((r) => r.keyVersion === 2 && r.id !== tampered).length;
    expect(movable).toBe(5); // the four from the first test, and `live`
    // A batch of one, so the unreadable rows keep coming back in each batch and must be skipped.
    expect(await rotateMessageKeys(1)).toEqual({ moved: movable, unreadable: 2 });

    const after = await allRows();
    expect(after.get(orphan)).toEqual(before.get(orphan)); // untouched: key 1, same ciphertext
    expect(after.get(orphan)!.keyVersion).toBe(1);
    expect(after.get(tampered)).toEqual(before.get(tampered));
    for (const [id, row] of after) if (id !== orphan && id !== tampered) expect(row.keyVersion, id).toBe(3);
    expect(await rotateMessageKeys()).toEqual({ moved: 0, unreadable: 2 });

    const now = await readable(ann);
    expect(now.get(orphan)).toBeNull();
    expect(now.get(live)).toBe('under key two');
    for (const [name, id] of Object.entries(ids)) expect(now.get(id), name).toBe(bodies[name]);

    // Nothing was guessed or destroyed: with key 1 back, the orphan reads and moves.
    useKeys(`3:${K3},1:${K1}`);
    expect((await readable(ann)).get(orphan)).toBe('only key one can read this');
    expect(await rotateMessageKeys()).toEqual({ moved: 1, unreadable: 1 });
    expect((await mustRow(db(), orphan)).keyVersion).toBe(3);
    useKeys(`3:${K3}`);
    expect((await readable(ann)).get(orphan)).toBe('only key one can read this');
    expect((await readable(ann)).get(tampered)).toBeNull();
  });
});
