import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { messages } from '@/db/schema';
import { open } from '@/lib/crypto';
import { associatedData, messageKeys } from '@/lib/messages/crypto';
import { board, conversation, inbox, type ShownMessage } from '@/lib/messages/read';
import { withTestDatabase } from '../support/database';
import { dumpPublicTables } from './helpers';
import { direct, flipPart, mustRow, setCiphertext, warning } from './message-support';
import { makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

const DIRECT_BODY = 'Meet at the Kastanienallee corner, ask for Marigold';
const WARNING_BODY = 'Refused to pay and followed me to the tram stop Quillfeather';
const GHOST_BUYER = 'Zephyr.Nightjar77'; // no account: must appear nowhere
const KNOWN_BUYER = 'Orchid.Vantablack'; // has an account: its name is in users, never in messages

const b64variants = (s: string) => [Buffer.from(s).toString('base64'), Buffer.from(s).toString('base64url'), Buffer.from(s).toString('hex')];

describe(`messages at rest (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let ann: TestUser, bea: TestUser;
  const ids = {} as Record<'direct' | 'directAgain' | 'ghost' | 'known' | 'known2', string>;

  beforeAll(async () => {
    ann = await makeUser('seller', 'Ann.AtRest');
    bea = await makeUser('seller', 'Bea.AtRest');
    await makeUser('buyer', KNOWN_BUYER);
    ids.direct = await direct(ann.id, 'Bea.AtRest', DIRECT_BODY);
    ids.directAgain = await direct(ann.id, 'Bea.AtRest', DIRECT_BODY);
    ids.ghost = await warning(bea.id, WARNING_BODY, GHOST_BUYER);
    ids.known = await warning(bea.id, WARNING_BODY, KNOWN_BUYER.toUpperCase());
    ids.known2 = await warning(ann.id, 'second one', KNOWN_BUYER.toLowerCase());
  });

  it('stores no message body or warned-about pseudonym in plaintext, in any table or column', async () => {
    const dump = await dumpPublicTables(db());
    expect(dump.messages).toHaveLength(5); // the dump sees what was written
    const everything = JSON.stringify(dump).toLowerCase();
    const messageRows = JSON.stringify(dump.messages).toLowerCase();
    expect(everything).toContain('ann.atrest'); // pseudonyms of accounts are stored on purpose

    const words = `${DIRECT_BODY} ${WARNING_BODY}`.split(/\W+/).filter((w) => w.length >= 7);
    expect(words.length).toBeGreaterThan(3);
    for (const secret of [DIRECT_BODY, WARNING_BODY, ...words, GHOST_BUYER, 'second one']) {
      for (const form of [secret, ...b64variants(secret)]) {
        expect(everything.includes(form.toLowerCase()), `found in the database: ${form}`).toBe(false);
      }
    }
    expect(messageRows.includes(KNOWN_BUYER.toLowerCase())).toBe(false);
    expect(messageRows.includes('vantablack')).toBe(false);
  });

  it('keeps the body only in ciphertext ("iv.ct.tag" under the current key, bound to the row, its sender and recipient)', async () => {
    const keys = messageKeys();
    const shape = /^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/;
    const rows = await db().select().from(messages);
    for (const row of rows) {
      expect(row.ciphertext).toMatch(shape);
      expect(row.keyVersion).toBe(keys.current.version);
      const text = open(keys.byVersion.get(row.keyVersion)!, row.ciphertext, associatedData(row));
      expect(text).not.toBeNull();
      expect(open(keys.current.key, row.ciphertext, associatedData({ ...row, id: ids.direct === row.id ? ids.ghost : ids.direct }))).toBeNull();
    }
    const first = await mustRow(db(), ids.direct);
    const second = await mustRow(db(), ids.directAgain);
    expect(first.ciphertext).not.toBe(second.ciphertext); // the same text never looks the same
    expect(JSON.parse(open(keys.current.key, first.ciphertext, associatedData(first))!)).toEqual({ body: DIRECT_BODY });
    const ghost = await mustRow(db(), ids.ghost);
    expect(JSON.parse(open(keys.current.key, ghost.ciphertext, associatedData(ghost))!)).toEqual({ body: WARNING_BODY, buyer: GHOST_BUYER });
    expect(first.buyerRef).toBeNull();
  });

  it('finds a warned-about buyer only through a keyed hash, the same for any letter case', async () => {
    const known = await mustRow(db(), ids.known);
    const known2 = await mustRow(db(), ids.known2);
    const ghost = await mustRow(db(), ids.ghost);
    expect(known.buyerRef).toEqual(expect.any(String));
    expect(known.buyerRef).toBe(known2.buyerRef);
    expect(ghost.buyerRef).not.toBe(known.buyerRef);
    // Not an unkeyed hash anyone could compute from a guessed name.
    const key = KNOWN_BUYER.toLowerCase();
    for (const encoding of ['hex', 'base64', 'base64url'] as const) {
      expect(known.buyerRef).not.toBe(createHash('sha256').update(key).digest(encoding));
      expect(known.buyerRef).not.toBe(createHash('sha256').update(KNOWN_BUYER).digest(encoding));
    }
    expect(known.buyerRef!.toLowerCase()).not.toContain('orchid');
  });

  it('has no column or index that could hold plaintext: text lives only in ciphertext and the buyer hash', async () => {
    const columns = await queryRows<{ column_name: string; data_type: string }>(
      db(),
      sql`select column_name, data_type from information_schema.columns
          where table_schema = 'public' and table_name = 'messages' order by column_name`,
    );
    const textual = columns.filter((c) => /char|text|json|bytea|array|user-defined/i.test(c.data_type)).map((c) => c.column_name);
    expect(textual.sort()).toEqual(['buyer_ref', 'ciphertext', 'kind']); // kind: the enum direct | warning
    expect(columns.find((c) => c.column_name === 'kind')?.data_type).toBe('USER-DEFINED');

    const indexes = await queryRows<{ indexname: string; indexdef: string }>(
      db(),
      sql`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = 'messages'`,
    );
    expect(indexes.length).toBeGreaterThanOrEqual(2);
    for (const { indexname, indexdef } of indexes) {
      expect(indexdef, indexname).not.toMatch(/ciphertext/i);
    }
    // Every indexed column, from the catalog; and no expression or partial index.
    const indexed = await queryRows<{ indexname: string; column_name: string | null; expressions: boolean; partial: boolean }>(
      db(),
      sql`select c.relname as indexname, a.attname as column_name,
                 i.indexprs is not null as expressions, i.indpred is not null as partial
          from pg_index i
          join pg_class c on c.oid = i.indexrelid
          left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey) and a.attnum > 0
          where i.indrelid = 'public.messages'::regclass`,
    );
    expect(new Set(indexed.map((r) => r.indexname))).toEqual(new Set(indexes.map((r) => r.indexname)));
    for (const row of indexed) {
      expect(row.expressions, row.indexname).toBe(false);
      expect(row.partial, row.indexname).toBe(false);
      expect(['id', 'seq', 'kind', 'sender_id', 'recipient_id', 'buyer_ref', 'created_on', 'expires_on', 'read', 'key_version', 'aad_version']).toContain(
        row.column_name,
      );
    }
  });
});

describe('a tampered or moved ciphertext reads as unreadable, never as an error', () => {
  let cid: TestUser, dee: TestUser;
  const ids: Record<string, string> = {};
  const original: Record<string, string> = {};

  const shown = async (id: string): Promise<{ inbox?: ShownMessage; conversation?: ShownMessage; board?: ShownMessage }> => ({
    inbox: (await inbox(dee.id)).flatMap((c) => c.messages).find((m) => m.id === id),
    conversation: (await conversation(cid.id, 'Dee.Tamper'))?.messages.find((m) => m.id === id),
    board: (await board(dee.id)).find((m) => m.id === id),
  });
  const bodyOf = async (id: string) => {
    const s = await shown(id);
    if (s.board) return { board: s.board.body, buyer: s.board.buyer };
    return { inbox: s.inbox ? s.inbox.body : 'missing', conversation: s.conversation ? s.conversation.body : 'missing' };
  };

  beforeAll(async () => {
    cid = await makeUser('seller', 'Cid.Tamper');
    dee = await makeUser('seller', 'Dee.Tamper');
    ids.one = await direct(cid.id, 'Dee.Tamper', 'message one');
    ids.two = await direct(cid.id, 'Dee.Tamper', 'message two');
    ids.warn = await warning(cid.id, 'a warning', 'Tamper.Buyer');
    for (const [name, id] of Object.entries(ids)) original[name] = (await mustRow(db(), id)).ciphertext;
  });

  it('reads all of them before anything is changed', async () => {
    expect(await bodyOf(ids.one!)).toEqual({ inbox: 'message one', conversation: 'message one' });
    expect(await bodyOf(ids.two!)).toEqual({ inbox: 'message two', conversation: 'message two' });
    expect(await bodyOf(ids.warn!)).toEqual({ board: 'a warning', buyer: 'Tamper.Buyer' });
  });

  it.each([
    ['iv', 0],
    ['ciphertext', 1],
    ['tag', 2],
  ] as const)('a changed %s part gives body null; restoring it reads again', async (_name, part) => {
    await setCiphertext(db(), ids.one!, flipPart(original.one!, part));
    await setCiphertext(db(), ids.warn!, flipPart(original.warn!, part));
    expect(await bodyOf(ids.one!)).toEqual({ inbox: null, conversation: null });
    expect(await bodyOf(ids.warn!)).toEqual({ board: null, buyer: null });
    // The other message is unaffected, and the shown message keeps its sender and id.
    expect(await bodyOf(ids.two!)).toEqual({ inbox: 'message two', conversation: 'message two' });
    expect((await shown(ids.one!)).inbox).toMatchObject({ id: ids.one, from: 'Cid.Tamper', to: 'Dee.Tamper', body: null });
    // The buyer hash is untouched, so the filter still finds the warning, shown as unreadable.
    expect((await board(dee.id, 'tamper.buyer')).map((m) => [m.id, m.body])).toEqual([[ids.warn, null]]);

    await setCiphertext(db(), ids.one!, original.one!);
    await setCiphertext(db(), ids.warn!, original.warn!);
    expect(await bodyOf(ids.one!)).toEqual({ inbox: 'message one', conversation: 'message one' });
    expect(await bodyOf(ids.warn!)).toEqual({ board: 'a warning', buyer: 'Tamper.Buyer' });
  });

  it('malformed stored values and an unknown key version give body null', async () => {
    const [iv, ct, tag] = original.one!.split('.');
    for (const bad of ['', 'garbage', '...', `${iv}.${ct}`, `${iv}.${ct}.${tag!.slice(0, 10)}`, `${ct}.${iv}.${tag}`]) {
      await setCiphertext(db(), ids.one!, bad);
      expect(await bodyOf(ids.one!), JSON.stringify(bad)).toEqual({ inbox: null, conversation: null });
    }
    await setCiphertext(db(), ids.one!, original.one!);
    await db().update(messages).set({ keyVersion: 99 }).where(eq(messages.id, ids.one!));
    expect(await bodyOf(ids.one!)).toEqual({ inbox: null, conversation: null });
    await db().update(messages).set({ keyVersion: messageKeys().current.version }).where(eq(messages.id, ids.one!));
    expect(await bodyOf(ids.one!)).toEqual({ inbox: 'message one', conversation: 'message one' });
  });

  it("a ciphertext moved to another row does not read there (the id is the associated data)", async () => {
    // Copy one's ciphertext onto two: two is unreadable, one still reads.
    await setCiphertext(db(), ids.two!, original.one!);
    expect(await bodyOf(ids.two!)).toEqual({ inbox: null, conversation: null });
    expect(await bodyOf(ids.one!)).toEqual({ inbox: 'message one', conversation: 'message one' });
    // Swap them: neither reads.
    await setCiphertext(db(), ids.one!, original.two!);
    expect(await bodyOf(ids.one!)).toEqual({ inbox: null, conversation: null });
    expect(await bodyOf(ids.two!)).toEqual({ inbox: null, conversation: null });
    // A warning's ciphertext on a direct message, and the other way round.
    await setCiphertext(db(), ids.one!, original.warn!);
    await setCiphertext(db(), ids.warn!, original.two!);
    expect(await bodyOf(ids.one!)).toEqual({ inbox: null, conversation: null });
    expect(await bodyOf(ids.warn!)).toEqual({ board: null, buyer: null });

    for (const [name, id] of Object.entries(ids)) await setCiphertext(db(), id, original[name]!);
    expect(await bodyOf(ids.two!)).toEqual({ inbox: 'message two', conversation: 'message two' });
    expect(await bodyOf(ids.warn!)).toEqual({ board: 'a warning', buyer: 'Tamper.Buyer' });
  });
});
