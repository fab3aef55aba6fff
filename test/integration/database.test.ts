import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createDatabase, MEMORY, queryRows } from '@/db/client';
import { useDatabase } from '@/db/index';
import { databaseIsReachable, vacuumAnalyze } from '@/db/queries/health';
import { ratings, users, verificationCodes } from '@/db/schema';
import { withTestDatabase } from '../support/database';

const testDb = withTestDatabase();

async function addUser(pseudonym: string, role: 'seller' | 'buyer' = 'buyer') {
  const [row] = await testDb
    .current()
    .db.insert(users)
    .values({ pseudonym, pseudonymKey: pseudonym.toLowerCase(), role, passwordHash: 'not-a-real-hash' })
    .returning({ id: users.id });
  return row!.id;
}

async function addCode(sellerId: string, buyerId: string) {
  const [row] = await testDb
    .current()
    .db.insert(verificationCodes)
    .values({ sellerId, boundBuyerId: buyerId, codeHmac: crypto.randomUUID(), expiresOn: sql`current_date + 30` })
    .returning({ id: verificationCodes.id, expiresOn: verificationCodes.expiresOn, createdOn: verificationCodes.createdOn });
  return row!;
}

describe(`database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('vacuums outside any transaction, on either driver, and keeps every live row', async () => {
    const before = await queryRows<{ n: number }>(testDb.current().db, sql`select count(*)::int as n from users`);
    await addUser('vacuum_me');
    await testDb.current().db.execute(sql`delete from users where pseudonym_key = 'vacuum_me'`);
    await vacuumAnalyze();
    const after = await queryRows<{ n: number }>(testDb.current().db, sql`select count(*)::int as n from users`);
    expect(after[0]!.n).toBe(before[0]!.n);
    if (testDb.current().kind === 'postgres') {
      // It ran (on its own connection, which reports its statistics as it closes).
      await vi.waitFor(async () => {
        const [users] = await queryRows<{ vacuumed: boolean }>(testDb.current().db, sql`select last_vacuum is not null and last_analyze is not null as vacuumed from pg_stat_user_tables where relname = 'users'`);
        expect(users?.vacuumed).toBe(true);
      });
    }
  });

  it('is migrated and reachable', async () => {
    expect(await databaseIsReachable()).toBe(true);
    const tables = await queryRows<{ table_name: string }>(
      testDb.current().db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = tables.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(['ratings', 'users', 'verification_codes']));
  });

  it('migrating twice is harmless', async () => {
    await testDb.current().migrate();
    expect(await databaseIsReachable()).toBe(true);
  });

  it('keeps pseudonyms unique case-insensitively', async () => {
    await addUser('Kiki_Night');
    await expect(addUser('kiki_night')).rejects.toThrow();
  });

  it('stores dates, not times of day, for encounters', async () => {
    const seller = await addUser('seller.one', 'seller');
    const buyer = await addUser('buyer.one');
    const code = await addCode(seller, buyer);
    expect(code.createdOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const days = (Date.parse(code.expiresOn) - Date.parse(code.createdOn)) / 86_400_000;
    expect(days).toBe(30);
  });

  it('allows one rating per encounter per direction', async () => {
    const seller = await addUser('seller.two', 'seller');
    const buyer = await addUser('buyer.two');
    const code = await addCode(seller, buyer);
    const rating = { codeId: code.id, raterId: seller, rateeId: buyer, safe: true, reliable: null };
    const db = testDb.current().db;
    await db.insert(ratings).values({ ...rating, direction: 'seller_rates_buyer' });
    await expect(db.insert(ratings).values({ ...rating, direction: 'seller_rates_buyer' })).rejects.toThrow();
    await db.insert(ratings).values({ ...rating, raterId: buyer, rateeId: seller, direction: 'buyer_rates_seller' });
    const count = await db.$count(ratings);
    expect(count).toBe(2);
  });

  it('reports an unreachable database as such', async () => {
    const current = testDb.current();
    // The driver in use: a PostgreSQL port nobody listens on, or a closed embedded database
    // (starting a cold PGlite in a PostgreSQL run only to close it took 10–50 s of WASM start-up).
    const closed = process.env.DATABASE_URL ? createDatabase({ url: 'postgres://postgres@127.0.0.1:9/none' }) : createDatabase({ pgliteDir: MEMORY });
    if (!process.env.DATABASE_URL) await closed.close();
    useDatabase(closed);
    try {
      expect(await databaseIsReachable(1000)).toBe(false);
    } finally {
      useDatabase(current);
      if (process.env.DATABASE_URL) await closed.close();
    }
  });
});
