import { eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as feedRoute } from '@/app/api/changelog/route';
import { appendChangelog, changelogChain } from '@/db/queries/changelog';
import { publicChangelog } from '@/db/schema';
import { canonical, GENESIS } from '@/lib/governance/chain';
import { postFinancialReport } from '@/lib/governance/finances';
import { governanceJobs, SOFTWARE_VERSION } from '@/lib/governance/jobs';
import { verifyFeed, verifyStoredChain } from '@/lib/governance/verify';
import { createHash } from 'node:crypto';
import { withTestDatabase } from '../support/database';

// The public changelog's hash chain: legacy rows sealed in, releases logged once, financial
// reports in aggregate, the JSON feed verifiable by anyone, and a rewrite detected.

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const where = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

async function feed() {
  const response = await feedRoute(new Request('http://localhost/api/changelog'), undefined as never);
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  return (await response.json()) as { head: string; entries: { seq: number; hash: string; prevHash: string; entry: string; body: unknown; changedOn: string }[] };
}

describe(`public changelog chain (${where})`, () => {
  it('seals rows written before the chain, logs a release once even from two timers at once', async () => {
    // As the migration leaves an old flag removal: no body, no place in the chain.
    await db().insert(publicChangelog).values({ entry: 'flag_removed' });
    expect((await verifyStoredChain()).unsealed).toBe(1);
    await Promise.all([governanceJobs(), governanceJobs()]);
    const chain = await changelogChain();
    expect(chain.map((e) => e.entry)).toEqual(['flag_removed', 'release', 'parameter_version']);
    expect(chain[2]!.body).toMatchObject({ version: 1, params: { percentile: 0.25, releaseThreshold: 3 }, proposal: null });
    expect(chain[1]!.body).toEqual({ version: SOFTWARE_VERSION });
    expect(await db().$count(publicChangelog, isNull(publicChangelog.hash))).toBe(0);
    await governanceJobs();
    expect(await db().$count(publicChangelog, eq(publicChangelog.entry, 'release'))).toBe(1);
    expect(await db().$count(publicChangelog, eq(publicChangelog.entry, 'parameter_version'))).toBe(1);
  });

  it('each hash is SHA-256 over the previous hash and the canonical entry, as the feed documents', async () => {
    const [first] = await changelogChain();
    const expected = createHash('sha256').update(`${GENESIS}\n{"body":{},"changedOn":"${first!.changedOn}","entry":"flag_removed","seq":1}`).digest('hex');
    expect(first!.hash).toBe(expected);
    expect(canonical({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
  });

  it('a coordinator posts a monthly report in aggregate; a member cannot; bad input changes nothing', async () => {
    expect(await postFinancialReport({ role: 'seller' }, { month: '2026-11', dues: '420', costs: '100' })).toEqual({ ok: false, formError: 'forbidden' });
    expect(await postFinancialReport({ role: 'coordinator' }, { month: '2026-13', dues: '420', costs: '1' })).toMatchObject({ ok: false, fieldErrors: { month: 'month' } });
    expect(await postFinancialReport({ role: 'coordinator' }, { month: '2026-11', dues: '4,2,0', costs: '1' })).toMatchObject({ ok: false, fieldErrors: { dues: 'amount' } });
    expect(await postFinancialReport({ role: 'coordinator' }, { month: '2099-01', dues: '1', costs: '1' }, new Date('2026-12-02T00:00:00Z'))).toMatchObject({ ok: false, fieldErrors: { month: 'month' } });
    expect(await db().$count(publicChangelog, eq(publicChangelog.entry, 'financial_report'))).toBe(0);
    expect(await postFinancialReport({ role: 'coordinator' }, { month: '2026-11', dues: '420,50', costs: '99.99' }, new Date('2026-12-02T00:00:00Z'))).toEqual({ ok: true });
    const last = (await changelogChain()).at(-1)!;
    expect(last).toMatchObject({ entry: 'financial_report', body: { month: '2026-11', duesCents: 42050, costsCents: 9999 } });
  });

  it('the JSON feed verifies; any rewritten, dropped or reordered entry fails', async () => {
    await appendChangelog('report_removed', {});
    const f = await feed();
    expect(f.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(f.head).toBe(f.entries.at(-1)!.hash);
    expect(verifyFeed(f)).toMatchObject({ ok: true, entries: 5 });
    const rewritten = structuredClone(f);
    (rewritten.entries[3]!.body as Record<string, unknown>).duesCents = 1;
    expect(verifyFeed(rewritten)).toEqual({ ok: false, seq: 4, problem: 'hash' });
    const dropped = structuredClone(f);
    dropped.entries.splice(1, 1);
    expect(verifyFeed(dropped).ok).toBe(false);

    // In the database: the stored chain verifies until one row is altered.
    expect(await verifyStoredChain()).toMatchObject({ ok: true, entries: 5, unsealed: 0 });
    await db().update(publicChangelog).set({ changedOn: '2020-01-01' }).where(eq(publicChangelog.seq, 2));
    expect(await verifyStoredChain()).toMatchObject({ ok: false, seq: 2, problem: 'hash' });
  });
});
