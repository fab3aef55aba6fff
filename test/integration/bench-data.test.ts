import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emptyOrReset, generateBenchData } from '@/bench/data/generate';
import { benchReportId } from '@/bench/data/reports';
import { distribution } from '@/bench/data/summary';
import { queryRows } from '@/db/client';
import { insertUser } from '@/db/queries/users';
import { openCode } from '@/lib/screening/code-secret';
import { redeemCode } from '@/lib/screening/redeem';
import { discloseScore } from '@/lib/disclosure/coarse';
import { takeSnapshot } from '@/lib/screening/snapshots';
import { boardReportById } from '@/lib/reports/board';
import { buyerScoreFromCounts, sellerScore, type BuyerCounts, type SellerRating } from '@/lib/trust';
import { withTestDatabase } from '../support/database';

// The benchmark's synthetic data must be data the app could have written: these are the app's
// invariants, checked on a small instance (150 sellers: the snapshot job reads sellers a hundred at
// a time, so its batching is crossed too).
const testDb = withTestDatabase();
const db = () => testDb.current().db;
const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db(), query))[0]!.n;

const SIZE = { sellers: 150, buyers: 400, ratings: 4000 };

describe('bench:data', () => {
  it('writes about the asked number of ratings, each on an encounter of that seller and buyer', async () => {
    await emptyOrReset(db(), false);
    const counts = await generateBenchData(db(), SIZE, 'not-a-real-hash');
    expect(counts.sellers).toBe(SIZE.sellers);
    expect(counts.buyers).toBe(SIZE.buyers);
    expect(Math.abs(counts.ratings - SIZE.ratings) / SIZE.ratings).toBeLessThan(0.1);
    // Incident reports in proportion (one per hundred ratings), all live, each phone number named by two reporters.
    expect(counts.reports).toBe(SIZE.ratings / 100);
    expect(await count(sql`select count(*)::int as n from reports where expires_on <= current_date or created_on >= current_date`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from report_identifiers`)).toBe(2 * counts.reports);
    expect(await count(sql`select count(*)::int as n from (select hash from report_identifiers where kind = 'phone' group by hash having count(distinct reporter_tag) = 2) x`)).toBe(counts.reports / 2);
    // The report whose page the bench audits: its id computed as Postgres made it, live, without a body.
    expect(await boardReportById(benchReportId(1))).toMatchObject({ id: benchReportId(1), readable: false, identifiers: [] });
    // Every seller rating: by the code's seller, of the code's buyer (bound, or who redeemed it).
    expect(
      await count(sql`select count(*)::int as n from ratings r join verification_codes v on v.id = r.code_id
        where r.direction = 'seller_rates_buyer' and (r.rater_id <> v.seller_id or r.ratee_id <> coalesce(v.bound_buyer_id, v.redeemed_by))`),
    ).toBe(0);
    // Every buyer rating: by whoever redeemed the code, of its seller, not before the redemption.
    expect(
      await count(sql`select count(*)::int as n from ratings r join verification_codes v on v.id = r.code_id
        where r.direction = 'buyer_rates_seller' and (v.redeemed_on is null or r.rater_id <> v.redeemed_by
          or r.ratee_id <> v.seller_id or r.created_on < v.redeemed_on)`),
    ).toBe(0);
  });

  it('keeps the rules: one rated encounter per pair per day, a flag in every rating, unbound codes only once redeemed, all before today', async () => {
    expect(
      await count(sql`select count(*)::int as n from (select 1 from ratings where direction = 'seller_rates_buyer'
        group by rater_id, ratee_id, created_on having count(*) > 1) x`),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from ratings where safe is null and reliable is null`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from verification_codes where bound_buyer_id is null and redeemed_on is null`)).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from verification_codes
        where created_on >= current_date or redeemed_on >= current_date or redeemed_on > expires_on or redeemed_on < created_on`),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from ratings where created_on >= current_date`)).toBe(0);
  });

  it('has counters equal to a recount of the ratings', async () => {
    expect(
      await count(sql`select count(*)::int as n from buyer_counters c
        full join (select ratee_id, count(*) as n, count(*) filter (where safe = false) as sn, count(*) filter (where reliable = false) as rn,
                     count(distinct rater_id) as raters
                   from ratings where direction = 'seller_rates_buyer' group by ratee_id) r on r.ratee_id = c.buyer_id
        where (c.ratings, c.safe_no, c.reliable_no, c.raters) is distinct from (r.n, r.sn, r.rn, r.raters)`),
    ).toBe(0);
  });

  it('is skewed: most buyers have a few ratings, a few have many, and the unsafe flags gather on a few buyers', async () => {
    const shape = await distribution(db());
    expect(shape.p50).toBeLessThanOrEqual(5);
    expect(shape.max).toBeGreaterThanOrEqual(10 * Math.max(1, shape.p50));
    expect(shape.unsafeShareTop5).toBeGreaterThan(0.5);
    const [flags] = await queryRows<{ unsafe: number; total: number }>(
      db(),
      sql`select count(*) filter (where safe = false)::int as unsafe, count(*)::int as total from ratings where direction = 'seller_rates_buyer'`,
    );
    expect(flags!.unsafe / flags!.total).toBeGreaterThan(0.02);
    expect(flags!.unsafe / flags!.total).toBeLessThan(0.09);
  });

  it('gives live codes real values that their buyer can redeem', async () => {
    const live = await queryRows<{ id: string; ciphertext: string; buyer: string }>(
      db(),
      sql`select id, code_ciphertext as ciphertext, bound_buyer_id as buyer from verification_codes
        where redeemed_on is null and expires_on >= current_date`,
    );
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((c) => c.ciphertext !== null)).toBe(true);
    const expired = await count(sql`select count(*)::int as n from verification_codes where expires_on < current_date and code_hmac is not null`);
    expect(expired).toBe(0);
    const first = live[0]!;
    const code = openCode(first.ciphertext, first.id);
    expect(code).toMatch(/^\d{6}$/);
    const outcome = await redeemCode(first.buyer, code!);
    expect(outcome).toMatchObject({ ok: true, codeId: first.id });
  });

  it('is what the snapshot job releases: everyone with 3+ new ratings from 3+ raters, scored as from a full read', async () => {
    const taken = await takeSnapshot();
    const counters = new Map(
      (await queryRows<BuyerCounts & { id: string }>(
        db(),
        sql`select buyer_id as id, ratings, safe_yes as "safeYes", safe_no as "safeNo", reliable_yes as "reliableYes", reliable_no as "reliableNo" from buyer_counters`,
      )).map((c) => [c.id, c]),
    );
    const ratings = await queryRows<{ ratee: string; direction: string; rater: string | null; safe: boolean | null; reliable: boolean | null }>(
      db(),
      sql`select ratee_id as ratee, direction, rater_id as rater, safe, reliable from ratings`,
    );
    // Who is due, counted here from the rows: ratings and their distinct raters.
    const pending = new Map<string, { n: number; raters: Set<string> }>();
    const bySeller = new Map<string, SellerRating[]>();
    for (const r of ratings) {
      const p = pending.get(r.ratee) ?? { n: 0, raters: new Set<string>() };
      p.n++;
      if (r.rater) p.raters.add(r.rater);
      pending.set(r.ratee, p);
      if (r.direction !== 'buyer_rates_seller') continue;
      const c = r.rater ? counters.get(r.rater) : undefined;
      const list = bySeller.get(r.ratee) ?? [];
      list.push({ safe: r.safe, reliable: r.reliable, raterInfluence: c ? buyerScoreFromCounts(c).influence : 0 });
      bySeller.set(r.ratee, list);
    }
    const due = new Set([...pending].filter(([, p]) => p.n >= 3 && p.raters.size >= 3).map(([id]) => id));
    const snapshots = await queryRows<{ id: string; role: string; score: unknown }>(
      db(),
      sql`select u.id, u.role, s.score from score_snapshots s join users u on u.id = s.user_id`,
    );
    expect(new Set(snapshots.map((s) => s.id))).toEqual(due);
    const sellers = snapshots.filter((s) => s.role === 'seller');
    expect(taken).toEqual({ sellers: sellers.length, buyers: snapshots.length - sellers.length });
    expect(sellers.length).toBeGreaterThan(SIZE.sellers / 2);
    for (const s of sellers) expect(s.score).toEqual(discloseScore(sellerScore(bySeller.get(s.id)!)));
    for (const s of snapshots.filter((x) => x.role === 'buyer')) {
      expect(s.score).toEqual(discloseScore(buyerScoreFromCounts(counters.get(s.id)!)));
    }
    // Everything the release counted is marked; what it did not is still pending.
    const stillPending = await queryRows<{ ratee: string }>(db(), sql`select distinct ratee_id as ratee from ratings where not released`);
    for (const { ratee } of stillPending) expect(due.has(ratee)).toBe(false);
  });

  it('refuses a database with other accounts, and replaces its own data only when asked', async () => {
    await expect(emptyOrReset(db(), false)).rejects.toThrow(/--reset/);
    await insertUser({ pseudonym: 'Real_Person', pseudonymKey: 'real_person', role: 'seller', passwordHash: 'x' });
    await expect(emptyOrReset(db(), true)).rejects.toThrow(/not benchmark data/);
    expect(await count(sql`select count(*)::int as n from ratings`)).toBeGreaterThan(0);
    await db().execute(sql`delete from users where pseudonym_key = 'real_person'`);
    await emptyOrReset(db(), true);
    expect(await count(sql`select count(*)::int as n from users`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from ratings`)).toBe(0);
  });
});
