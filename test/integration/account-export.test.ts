import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { contestFlag } from '@/lib/rights/contests';
import { EXPORT_COVERAGE, exportAccount } from '@/lib/rights/export';
import { withTestDatabase } from '../support/database';
import { direct, warning } from './message-support';
import { encounter, makeUser, type TestUser } from './screening-support';
import { redeemCode, rateSeller } from '@/lib/screening/redeem';

withTestDatabase();

const tables: PgTable[] = Object.values(schema).flatMap((v) => (is(v, PgTableClass) ? [v as PgTable] : []));

/** Every column with a foreign key to users.id: the schema's own account references. */
function columnsReferencingUsers(): string[] {
  const out: string[] = [];
  for (const table of tables) {
    const config = getTableConfig(table);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      if (getTableConfig(ref.foreignTable).name !== 'users') continue;
      for (const column of ref.columns) out.push(`${config.name}.${column.name}`);
    }
  }
  return out;
}

describe('the export covers the schema', () => {
  it('every column referencing an account is exported or deliberately excluded with a reason', () => {
    const referencing = columnsReferencingUsers();
    expect(referencing.length).toBeGreaterThan(10);
    for (const column of referencing) {
      expect(EXPORT_COVERAGE[column], `${column} is neither exported nor excluded`).toBeDefined();
      const entry = EXPORT_COVERAGE[column]!;
      if ('excluded' in entry) expect(entry.excluded.length, column).toBeGreaterThan(20);
    }
    // And nothing listed that the schema no longer has (besides the users row and non-FK account keys).
    const known = new Set([...referencing, 'users.id', 'buyer_folds.rater_key']);
    expect(Object.keys(EXPORT_COVERAGE).filter((c) => !known.has(c))).toEqual([]);
  });
});

describe(`an account's data export (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let ann: TestUser, bea: TestUser, bob: TestUser, zed: TestUser;
  beforeAll(async () => {
    ann = await makeUser('seller', 'Ann.Export');
    bea = await makeUser('seller', 'Bea.Export');
    bob = await makeUser('buyer', 'Bob.Export');
    zed = await makeUser('buyer', 'Zed.Export');
    const met = await encounter(ann.id, { buyer: bob.pseudonym, safe: 'no', reliable: 'yes' });
    await encounter(bea.id, { buyer: zed.pseudonym, safe: 'no', reliable: 'no' });
    const unbound = await encounter(ann.id, { unbound: true });
    const redeemed = await redeemCode(bob.id, unbound.code);
    if (!redeemed.ok) throw new Error('redeem failed');
    await rateSeller(bob.id, redeemed.codeId, { safe: 'yes', reliable: 'yes' });
    expect(met.ok).toBe(true);
    await direct(ann.id, 'Bea.Export', 'hello bea');
    await direct(bea.id, 'Ann.Export', 'hello ann');
    await warning(bea.id, 'a warning by bea about zed', zed.pseudonym);
    await warning(ann.id, 'my own warning', 'Bob.Export');
    await contestFlag(bob.id, { reason: 'never_met', note: 'wrong person' });
  });

  it("a seller's export holds her rows and her messages both ways, not the board's others", async () => {
    const data = (await exportAccount(ann.id))!;
    expect(data.account).toMatchObject({ id: ann.id, pseudonym: 'Ann.Export', role: 'seller', consentOn: null });
    expect(data.account.passwordHash).toMatch(/not exported/);
    expect(data.codesIssued).toHaveLength(2);
    expect(data.ratingsGiven).toEqual([expect.objectContaining({ direction: 'seller_rates_buyer', safe: false, reliable: true })]);
    expect(data.messages.map((m) => m.body).sort()).toEqual(['hello ann', 'hello bea', 'my own warning']);
    expect(data.messages.find((m) => m.body === 'my own warning')).toMatchObject({ to: 'board', buyer: 'Bob.Export', mine: true });
    const text = JSON.stringify(data);
    expect(text).not.toContain('a warning by bea');
    for (const other of [bea, bob, zed]) expect(text).not.toContain(other.id);
    expect(text).not.toContain('Zed.Export');
    expect(text).not.toMatch(/\$argon2/);
  });

  it("a buyer's export holds his consent basis, encounters, ratings given and contest, and no rater", async () => {
    const data = (await exportAccount(bob.id))!;
    expect(data.account.role).toBe('buyer');
    expect(data.codesAsBuyer.length).toBe(2);
    expect(data.ratingsGiven).toEqual([expect.objectContaining({ direction: 'buyer_rates_seller', safe: true })]);
    expect(data.contests).toEqual([expect.objectContaining({ reason: 'never_met', note: 'wrong person', closedOn: null })]);
    expect(data.messages).toEqual([]);
    expect(data.notExported).toHaveProperty(['ratings.ratee_id']);
    const text = JSON.stringify(data);
    for (const other of [ann, bea, zed]) {
      expect(text).not.toContain(other.id);
      expect(text).not.toContain(other.pseudonym);
    }
  });

  it('no account, no export', async () => {
    expect(await exportAccount('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
