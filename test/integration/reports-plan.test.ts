import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchingQuery } from '@/db/queries/reports';
import { identifierHash } from '@/lib/reports/crypto';
import { withTestDatabase } from '../support/database';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

const REPORTS = 5000;
// "Index Scan using …", "Index Only Scan using …" or "Bitmap Index Scan on …", and the rows it returned.
const INDEX_SCAN = /(?:Bitmap Index Scan on|Index (?:Only )?Scan using) report_identifiers_hash_idx[^\n]*rows=(\d+)/;

/** EXPLAIN (ANALYZE) of the look-up's query for one hash, as the database runs it. */
async function planFor(hash: string) {
  const { sql: text, params } = matchingQuery(hash, db()).toSQL();
  const rows = await testDb.current().rawQuery(`explain (analyze, costs off) ${text}`, params);
  return rows.map((r) => String(Object.values(r)[0])).join('\n');
}

describe(`look-up by identifier reads a constant number of rows (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const target = identifierHash('phone', '+4915123456789');

  beforeAll(async () => {
    // Many reports with one identifier each (random hashes), three of them naming the target.
    await db().execute(sql`
      insert into reports (id, category, severity, occurred_on, expires_on, withdrawal_hash, key_version, ciphertext)
      select gen_random_uuid(), 'robbery', 'risky', current_date, current_date + 365, md5(random()::text || g), 1, 'x'
      from generate_series(1, ${REPORTS}) as g`);
    await db().execute(sql`
      insert into report_identifiers (report_id, kind, hash, reporter_tag)
      select id, 'phone', md5(random()::text || id::text), md5(id::text) from reports`);
    await db().execute(sql`
      update report_identifiers set hash = ${target}
      where report_id in (select report_id from report_identifiers order by report_id limit 3)`);
    await db().execute(sql`analyze reports`);
    await db().execute(sql`analyze report_identifiers`);
  }, 120_000);

  it('finds the matches through the hash index, never scanning all identifiers', async () => {
    const rows = await matchingQuery(target, db());
    expect(rows).toHaveLength(3);
    const plan = await planFor(target);
    expect(plan).toContain('report_identifiers_hash_idx');
    expect(plan).not.toMatch(/Seq Scan on report_identifiers/);
    // The index scan returns only the matching rows, whatever the table's size.
    expect(plan).not.toMatch(/Seq Scan on reports/);
    const scanned = plan.match(INDEX_SCAN);
    expect(Number(scanned?.[1])).toBe(3);
  });

  it('an unknown identifier reads no rows at all', async () => {
    const plan = await planFor(identifierHash('plate', 'XX0000'));
    expect(Number(plan.match(INDEX_SCAN)?.[1])).toBe(0);
  });
});
