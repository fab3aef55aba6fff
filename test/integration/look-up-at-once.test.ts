import { eq, is, Placeholder } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBuyerForLookUp } from '@/db/queries/buyers';
import { findSessionWithLookUp, sessionWithLookUpQuery, type LookUpKeys } from '@/db/queries/look-up-at-once';
import { reportsMatching } from '@/db/queries/reports';
import { buyerCounters, users } from '@/db/schema';
import { startSession } from '@/lib/auth/sessions';
import { submitReport } from '@/lib/reports/submit';
import { lookUpKeys } from '@/lib/screening/look-up-at-once';
import { withTestDatabase } from '../support/database';
import { databaseToday } from './helpers';
import { warning } from './message-support';
import { makeUser } from './screening-support';

// The lean look-up's one statement (db/queries/look-up-at-once.ts) against the three reads it
// stands in for, and proof that it reads nothing of the look-up for whom may not look up.
const testDb = withTestDatabase();
const tokens: Record<'seller' | 'buyer' | 'coordinator' | 'oneTime', string> = { seller: '', buyer: '', coordinator: '', oneTime: '' };

const keysFor = (token: string, pseudonym: string, now = new Date()): LookUpKeys => lookUpKeys(token, pseudonym, now)!;

/** EXPLAIN (ANALYZE) of the statement, as the database runs it for these keys. */
async function planFor(k: LookUpKeys) {
  const values: Record<string, unknown> = { tokenHash: k.tokenHash, now: k.now.toISOString(), key: k.key, ref: k.ref, day: k.now.toISOString().slice(0, 10), hash: k.hash };
  const { sql: text, params } = sessionWithLookUpQuery(testDb.current().db).toSQL();
  const rows = await testDb.current().rawQuery(`explain (analyze, costs off, timing off) ${text}`, params.map((p) => (is(p, Placeholder) ? values[p.name] : p)));
  return rows.map((r) => String(Object.values(r)[0])).join('\n');
}

beforeAll(async () => {
  const seller = await makeUser('seller', 'once-seller');
  const buyer = await makeUser('buyer', 'Once.Buyer');
  const coordinator = await makeUser('coordinator', 'once-coordinator');
  // A seller signed in with a one-time password reaches no look-up until she has set her own.
  const oneTime = await makeUser('seller', 'once-new-seller');
  await testDb.current().db.update(users).set({ mustChangePassword: true }).where(eq(users.id, oneTime.id));
  for (const [role, user] of [['seller', seller], ['buyer', buyer], ['coordinator', coordinator], ['oneTime', oneTime]] as const) tokens[role] = await startSession(user.id);
  const today = await databaseToday(testDb.current().db);
  await testDb.current().db.insert(buyerCounters).values({ buyerId: buyer.id, ratings: 2, safeYes: 1, safeNo: 1, raters: 2, unsafeRaters: 1, lastUnsafeOn: today });
  for (const severity of ['annoying', 'dangerous', 'risky'] as const) {
    expect((await submitReport(seller.id, { category: 'other', severity, occurredOn: today, pseudonym: 'once.buyer', description: `${severity} one` })).ok).toBe(true);
  }
  await warning(seller.id, 'watch out', 'Once.Buyer');
});

describe(`the look-up in one statement (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('gives a seller the same rows as the separate reads', async () => {
    for (const pseudonym of ['Once.Buyer', 'Nobody.Here']) {
      const k = keysFor(tokens.seller, pseudonym);
      const found = await findSessionWithLookUp(k);
      expect(found?.session).toMatchObject({ pseudonym: 'once-seller', role: 'seller', mustChangePassword: false });
      expect(found?.reads).toEqual({ lookUp: await findBuyerForLookUp(k.key, k.ref, k.now), reports: await reportsMatching(k.hash) });
    }
    const reads = (await findSessionWithLookUp(keysFor(tokens.seller, 'Once.Buyer')))!.reads!;
    expect(reads.lookUp).toMatchObject({ warnings: 1, buyer: { pseudonym: 'Once.Buyer', counts: { ratings: 2, safeNo: 1, unsafeRaters: 1 } } });
    expect(reads.reports).toHaveLength(3);
  });

  it('reads nothing of the look-up for a buyer, a coordinator or a seller with a one-time password, and nothing at all without a live session', async () => {
    for (const who of ['buyer', 'coordinator', 'oneTime'] as const) {
      const k = keysFor(tokens[who], 'Once.Buyer');
      expect(await findSessionWithLookUp(k)).toMatchObject({ session: { role: who === 'oneTime' ? 'seller' : who }, reads: null });
      const plan = await planFor(k);
      // Neither the counters, the warnings nor the reports are touched: their scans never run.
      for (const table of ['buyer_counters', 'messages', 'report_identifiers']) {
        expect(plan).toMatch(new RegExp(`Scan[^\\n]* on ${table}[^\\n]*\\(never executed\\)`));
      }
    }
    const sellerPlan = await planFor(keysFor(tokens.seller, 'Once.Buyer'));
    expect(sellerPlan).not.toContain('never executed');
    expect(await findSessionWithLookUp(keysFor('not-a-token', 'Once.Buyer'))).toBeNull();
    expect(await findSessionWithLookUp(keysFor(tokens.seller, 'Once.Buyer', new Date(Date.now() + 13 * 3600_000)))).toBeNull();
  });
});
