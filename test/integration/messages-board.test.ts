import { beforeAll, describe, expect, it } from 'vitest';
import { board, liveWarningsAbout } from '@/lib/messages/read';
import { sendMessage } from '@/lib/messages/send';
import { lookupWithWarnings } from '@/lib/screening/lookup';
import { withTestDatabase } from '../support/database';
import { DAY, dayStart, direct, messageCount, mustRow, send, warning } from './message-support';
import { makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

describe(`warning board (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let ann: TestUser, bea: TestUser, cid: TestUser, dee: TestUser;
  const posted: { id: string; by: string; body: string; buyer: string | null }[] = [];
  const post = async (who: TestUser, body: string, buyer?: string) => {
    posted.push({ id: await warning(who.id, body, buyer), by: who.pseudonym, body, buyer: buyer ?? null });
  };

  beforeAll(async () => {
    ann = await makeUser('seller', 'Ann.Board');
    bea = await makeUser('seller', 'Bea.Board');
    cid = await makeUser('seller', 'Cid.Board');
    dee = await makeUser('seller', 'Dee.Board');
    await makeUser('buyer', 'Rough.Client');
    await post(ann, 'first about rough', 'Rough.Client');
    await post(bea, 'about calm', 'Calm.Client');
    await post(cid, 'second about rough', 'ROUGH.client');
    await post(ann, 'general warning, no buyer named');
    await post(bea, 'third about rough', ' rough.client ');
    await post(cid, 'about a pseudonym nobody has', 'Ghost.Buyer.99');
    // Direct messages never appear on the board.
    await direct(ann.id, 'Bea.Board', 'a private note about Rough.Client');
  });

  it("shows every seller's warnings to every seller, newest first", async () => {
    const expected = [...posted].reverse();
    for (const viewer of [ann, bea, cid, dee]) {
      const shown = await board(viewer.id);
      expect(shown.map((m) => m.id)).toEqual(expected.map((p) => p.id));
      expect(shown.map((m) => m.body)).toEqual(expected.map((p) => p.body));
      expect(shown.map((m) => m.from)).toEqual(expected.map((p) => p.by));
      // The buyer as written (trimmed), decrypted from the ciphertext.
      expect(shown.map((m) => m.buyer)).toEqual(expected.map((p) => p.buyer?.trim() ?? null));
      for (const m of shown) {
        expect(m.kind).toBe('warning');
        expect(m.to).toBeNull();
        expect(m.unread).toBe(false);
        expect(m.mine).toBe(m.from === viewer.pseudonym);
      }
    }
  });

  it('filters by buyer pseudonym in any letter case, newest first', async () => {
    const rough = posted.filter((p) => p.buyer?.trim().toLowerCase() === 'rough.client').reverse();
    expect(rough).toHaveLength(3);
    for (const filter of ['Rough.Client', 'rough.client', 'ROUGH.CLIENT', ' rOuGh.ClIeNt ']) {
      const shown = await board(dee.id, filter);
      expect(shown.map((m) => m.body), filter).toEqual(rough.map((p) => p.body));
    }
    expect((await board(dee.id, 'calm.client')).map((m) => m.body)).toEqual(['about calm']);
    expect((await board(dee.id, 'ghost.buyer.99')).map((m) => m.body)).toEqual(['about a pseudonym nobody has']);
    expect(await board(dee.id, 'Nobody.Named')).toEqual([]);
    // A filter that only looks like a name is not a prefix or substring search.
    expect(await board(dee.id, 'Rough')).toEqual([]);
    expect(await board(dee.id, 'Rough.Client2')).toEqual([]);
  });

  it('a filter that cannot be a pseudonym names nobody: no warnings, not the whole board', async () => {
    // The page shows "Warnings about <filter>" above this list (app/[locale]/seller/warnings/page.tsx).
    for (const filter of ['ab', 'bad name!', 'x'.repeat(40)]) {
      expect(await board(dee.id, filter), filter).toEqual([]);
    }
  });

  it('liveWarningsAbout counts live warnings naming the buyer, in any letter case', async () => {
    expect(await liveWarningsAbout('Rough.Client')).toBe(3);
    expect(await liveWarningsAbout('rough.CLIENT')).toBe(3);
    expect(await liveWarningsAbout('Calm.Client')).toBe(1);
    expect(await liveWarningsAbout('Ghost.Buyer.99')).toBe(1);
    expect(await liveWarningsAbout('Nobody.Named')).toBe(0);
    expect(await liveWarningsAbout('Ann.Board')).toBe(0);

    const now = new Date();
    // Expired (sent a week ago for a day): neither counted nor shown.
    const old = await send(
      dee.id,
      { kind: 'warning', body: 'old news about rough', buyer: 'Rough.Client', days: 1 },
      new Date(now.getTime() - 7 * DAY),
    );
    expect(dayStart((await mustRow(db(), old)).expiresOn).getTime()).toBeLessThan(now.getTime());
    expect(await liveWarningsAbout('Rough.Client')).toBe(3);
    expect((await board(dee.id, 'Rough.Client')).map((m) => m.id)).not.toContain(old);
    // A new live one is.
    await warning(dee.id, 'fourth about rough', 'Rough.Client');
    expect(await liveWarningsAbout('Rough.Client')).toBe(4);
    // Counting as of a later time: only what is still live then.
    expect(await liveWarningsAbout('Rough.Client', new Date(now.getTime() + 60 * DAY))).toBe(0);
  });

  it('allows a warning naming a pseudonym with no account, or none at all; refuses a malformed buyer', async () => {
    const id = await warning(ann.id, 'someone new', 'Never.Registered');
    expect((await mustRow(db(), id)).buyerRef).toEqual(expect.any(String));
    const noBuyer = await warning(ann.id, 'no name given', '');
    expect((await mustRow(db(), noBuyer)).buyerRef).toBeNull();
    expect((await board(ann.id)).find((m) => m.id === noBuyer)?.buyer).toBeNull();

    const before = await messageCount(db());
    expect(await sendMessage(ann.id, { kind: 'warning', body: 'x', buyer: 'ab' })).toEqual({
      ok: false,
      fieldErrors: { buyer: 'pseudonymLength' },
    });
    expect(await sendMessage(ann.id, { kind: 'warning', body: 'x', buyer: 'bad name!' })).toEqual({
      ok: false,
      fieldErrors: { buyer: 'pseudonymCharacters' },
    });
    expect(await messageCount(db())).toBe(before);
  });

  it("a seller's look-up reads the same live warnings in the same read as the account, with an account or without", async () => {
    const rough = await liveWarningsAbout('Rough.Client');
    expect(rough).toBeGreaterThan(0);
    expect(await lookupWithWarnings(' rough.CLIENT ')).toMatchObject({
      ok: true,
      found: true,
      warnings: rough,
      reputation: { pseudonym: 'Rough.Client', verdict: { state: 'warnings', boardWarnings: rough } },
    });
    expect(await lookupWithWarnings(' Ghost.Buyer.99 ')).toEqual({ ok: true, found: false, pseudonym: 'Ghost.Buyer.99', warnings: 1 });
    expect(await lookupWithWarnings('Nobody.Named')).toEqual({ ok: true, found: false, pseudonym: 'Nobody.Named', warnings: 0 });
    // A seller is not a buyer: no account found, and no warnings name her.
    expect(await lookupWithWarnings('Ann.Board')).toEqual({ ok: true, found: false, pseudonym: 'Ann.Board', warnings: 0 });
    expect(await lookupWithWarnings('x')).toEqual({ ok: false, fieldErrors: { pseudonym: 'pseudonymLength' } });
  });
});
