import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { getDb } from '@/db/index';
import { consumeInvite, insertInvite } from '@/db/queries/invites';
import { deleteUser, insertUser, pseudonymTaken } from '@/db/queries/users';
import { sha256 } from '@/lib/crypto';
import { feedbackNotes, submitFeedback } from '@/lib/feedback';
import { runDailyJobs } from '@/lib/retention/daily';
import { withTestDatabase } from '../support/database';
import { oldEncounter } from './retention-support';
import { DUMMY_HASH, makeUsers } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

const N = 60;

/** Spearman's rank correlation of two sequences of distinct sortable keys. */
function rankCorrelation(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const ranks = (xs: readonly (string | number)[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
    const r = new Array<number>(xs.length);
    order.forEach(([, i], rank) => (r[i] = rank));
    return r;
  };
  const [ra, rb] = [ranks(a), ranks(b)];
  const n = a.length;
  const d2 = ra.reduce((s, r, i) => s + (r - rb[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** A physical position "(page,item)" as one sortable number. */
const position = (ctid: string) => {
  const [page, item] = ctid.slice(1, -1).split(',').map(Number);
  return page! * 10_000 + item!;
};

type Physical = { key: string; ctid: string; xmin: string };

/**
 * Rows in author order must be independent of their ids and positions (|ρ| < 0.6: for 60 shuffled
 * rows that happens by chance with probability ~1e-5), and share one transaction id, not the authors'.
 */
function expectUnlinked(rows: Physical[], authorOrder: string[], authorXmins: Set<string>, id: (r: Physical) => string = (r) => r.key) {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const inOrder = authorOrder.map((k) => byKey.get(k)!);
  expect(inOrder.every(Boolean)).toBe(true);
  const sequence = authorOrder.map((_, i) => i);
  expect(Math.abs(rankCorrelation(sequence, inOrder.map((r) => position(r.ctid))))).toBeLessThan(0.6);
  expect(Math.abs(rankCorrelation(sequence, inOrder.map(id)))).toBeLessThan(0.6);
  expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
  for (const r of rows) expect(authorXmins.has(r.xmin)).toBe(false);
}

describe(`unlinkable rows (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('feedback: written by the daily batch in a random order, apart from who gave it', { timeout: 120_000 }, async () => {
    const sellers = await makeUsers('seller', 'Unl.Fb.', N);
    for (const [i, s] of sellers.entries()) expect(await submitFeedback(s.id, { satisfaction: String(1 + (i % 5)), helped: 'yes', note: `author ${i}` })).toEqual({ ok: true });
    expect(await feedbackNotes()).toEqual([]); // nothing in the table before the day's batch
    expect((await runDailyJobs({ force: true, includeToday: true }))?.feedback).toBe(N);

    const noteOf = new Map((await feedbackNotes()).map((n) => [n.text!, n.id]));
    const rows = await queryRows<Physical>(db(), sql`select id::text as key, ctid::text, xmin::text from feedback`);
    const given = await queryRows<{ xmin: string }>(db(), sql`select xmin::text from feedback_given`);
    expectUnlinked(rows, sellers.map((_, i) => noteOf.get(`author ${i}`)!), new Set(given.map((g) => g.xmin)));
  });

  it('tombstones: reserved at once, written in a shuffled batch apart from the deletion', { timeout: 120_000 }, async () => {
    const sellers = await makeUsers('seller', 'Unl.Del.', N);
    const [buyer] = await makeUsers('buyer', 'Unl.Del.Buyer', 1);
    const hashes = sellers.map((_, i) => sha256(`tombstone ${i}`));
    for (const [i, s] of sellers.entries()) {
      await oldEncounter(db(), { seller: s, buyer: buyer!, daysAgo: 1, bySeller: [i % 2 === 0, true] });
      await deleteUser(s.id, hashes[i]!);
      expect(await pseudonymTaken(`unl.del.${i}`, hashes[i]!)).toBe(true);
    }
    const deletions = await queryRows<{ xmin: string }>(db(), sql`select xmin::text from ratings where departed_rater is not null`);
    expect(deletions).toHaveLength(N);
    expect((await runDailyJobs({ force: true, includeToday: true }))?.tombstones).toBe(N);
    for (const [i, h] of hashes.entries()) expect(await pseudonymTaken(`unl.del.${i}`, h)).toBe(true);

    const rows = await queryRows<Physical>(db(), sql`select key_hash as key, ctid::text, xmin::text from pseudonym_tombstones`);
    expectUnlinked(rows, hashes, new Set(deletions.map((d) => d.xmin)));
  });

  it("deletions: a departed seller's rows no longer share her deletion's transaction after the daily batch", { timeout: 120_000 }, async () => {
    const [early, late] = await makeUsers('seller', 'Unl.Gone.', 2);
    const buyers = await makeUsers('buyer', 'Unl.Gone.Buyer.', 4);
    for (const b of buyers) {
      await oldEncounter(db(), { seller: early!, buyer: b, daysAgo: 2, bySeller: [true, true] });
      await oldEncounter(db(), { seller: late!, buyer: b, daysAgo: 1, bySeller: [false, true] });
    }
    const ids = sql.join(buyers.map((b) => sql`${b.id}::uuid`), sql`, `);
    const departed = () =>
      queryRows<{ xmin: string }>(db(), sql`
        select xmin::text from ratings where rater_id is null and ratee_id in (${ids})
        union all select xmin::text from verification_codes where seller_id is null and bound_buyer_id in (${ids})`);
    await deleteUser(early!.id, sha256('gone early'));
    await runDailyJobs({ force: true, includeToday: true });
    await deleteUser(late!.id, sha256('gone late'));
    // The leak: the late seller's rows (4 ratings, 4 codes) share the deletion's transaction id.
    const before = await departed();
    const counts = new Map<string, number>();
    for (const r of before) counts.set(r.xmin, (counts.get(r.xmin) ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([8, 8]);

    expect((await runDailyJobs({ force: true, includeToday: true }))?.tombstones).toBe(1);
    const after = await departed();
    expect(after).toHaveLength(16);
    expect(new Set(after.map((r) => r.xmin)).size).toBe(1); // one group: every departed seller's rows
    for (const xmin of counts.keys()) expect(after[0]!.xmin).not.toBe(xmin);
  });

  it('invites: used at once, used_on written in a shuffled batch apart from the account', { timeout: 120_000 }, async () => {
    const codes = Array.from({ length: N }, (_, i) => sha256(`invite ${i}`));
    const ids: string[] = [];
    for (const c of codes) ids.push((await insertInvite(c)).id);
    for (const [i, c] of codes.entries()) {
      // What sign-up does, without the password hashing: use the invite and create the account together.
      await getDb().transaction(async (tx) => {
        expect(await consumeInvite(c, tx)).toBe(true);
        await insertUser({ pseudonym: `Unl.Inv.${i}`, pseudonymKey: `unl.inv.${i}`, role: 'seller', passwordHash: DUMMY_HASH }, tx);
      });
      expect(await consumeInvite(c)).toBe(false); // single use, before the batch too
    }
    expect((await runDailyJobs({ force: true, includeToday: true }))?.invites).toBe(N);
    for (const c of codes) expect(await consumeInvite(c)).toBe(false);

    const accounts = await queryRows<{ xmin: string }>(db(), sql`select xmin::text from users where pseudonym_key like 'unl.inv.%'`);
    const rows = await queryRows<Physical & { used_on: string | null }>(db(), sql`select id::text as key, ctid::text, xmin::text, used_on::text from invites`);
    expect(rows.every((r) => r.used_on !== null)).toBe(true);
    // Dates too coarse to match: the invite's week of use (a Monday), the account's month (its 1st).
    expect(rows.every((r) => new Date(`${r.used_on}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    const joined = await queryRows<{ member_since: string }>(db(), sql`select member_since::text from users where pseudonym_key like 'unl.inv.%'`);
    expect(joined.every((u) => u.member_since.endsWith('-01'))).toBe(true);
    // Ids were drawn at creation (random uuids, in the coordinator's order, not the accounts').
    expectUnlinked(rows, ids, new Set(accounts.map((a) => a.xmin)), (r) => r.key);
  });
});
