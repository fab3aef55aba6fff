import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { lastWeeks, repeatOffenderWeeks } from '@/db/queries/metrics';
import { rebuildCounters } from '@/db/queries/rebuild';
import { deleteUser } from '@/db/queries/users';
import { setCrashPointHook } from '@/lib/crash-point';
import { runDailyJobs } from '@/lib/retention/daily';
import { takeSnapshotNow } from '@/lib/screening/snapshots';
import { withTestDatabase } from '../support/database';
import { allCounters, allPairs, oldEncounter, olderThanWindow, randomHistory, sellerScores, WINDOW } from './retention-support';
import { makeUsers } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

afterEach(() => setCrashPointHook(undefined));

/** Runs the weekly release now, returns the released scores, then undoes it (same data, same next release). */
async function releaseAndUndo(): Promise<Record<string, unknown>[]> {
  await takeSnapshotNow();
  const released = await queryRows<Record<string, unknown>>(db(), sql`select user_id, score from score_snapshots order by user_id`);
  await db().execute(sql`update ratings set released = false where created_on = current_date`);
  await db().execute(sql`delete from score_snapshots`);
  return released;
}

const count = async (table: string) => Number((await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n);

describe(`retention (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('folds encounters older than the window into counters: look-ups, counts, metrics and the next release unchanged', { timeout: 120_000 }, async () => {
    const sellers = await makeUsers('seller', 'Ret.Seller.', 8);
    const buyers = await makeUsers('buyer', 'Ret.Buyer.', 12);
    await randomHistory(db(), sellers, buyers, 260, 17);
    // She left before the job ran: her old flags are folded under her departed ids.
    await deleteUser(sellers[7]!.id, 'ret-gone-before');
    const present = sellers.slice(0, 7);
    // Three new ratings of each seller from three buyers: the next release is due for all of them.
    for (const s of present) for (const b of buyers.slice(0, 3)) await oldEncounter(db(), { seller: s, buyer: b, daysAgo: 0, byBuyer: [true, null], released: false });
    await rebuildCounters();
    const ids = present.map((s) => s.id);

    const old = await olderThanWindow(db());
    expect(old.codes).toBeGreaterThan(50);
    const before = {
      counters: await allCounters(db()),
      pairs: await allPairs(db()),
      offenders: await repeatOffenderWeeks(await lastWeeks()),
      scores: await sellerScores(db(), ids),
      release: await releaseAndUndo(),
    };
    expect(before.offenders.some((w) => w.buyers > 0)).toBe(true);
    expect(before.release).toHaveLength(present.length);

    const run = await runDailyJobs({ days: WINDOW });
    expect(run?.encounters).toBe(old.codes);
    expect(await olderThanWindow(db())).toEqual({ codes: 0, ratings: 0, pairs: 0 });
    expect(await count('buyer_folds')).toBeGreaterThan(0);
    expect(await count('seller_counters')).toBeGreaterThan(0);

    expect(await allCounters(db())).toEqual(before.counters);
    expect(await allPairs(db())).toEqual(before.pairs);
    expect(await repeatOffenderWeeks(await lastWeeks())).toEqual(before.offenders);
    const after = await sellerScores(db(), ids);
    for (const id of ids) {
      const [b, a] = [before.scores.get(id)!, after.get(id)!];
      expect(a.sampleSize, id).toBe(b.sampleSize);
      for (const k of ['safety', 'reliability', 'trust', 'trustedWeight'] as const) {
        if (b[k] === null) expect(a[k], k).toBeNull();
        else expect(a[k], k).toBeCloseTo(b[k], 9);
      }
      expect(a.safetyInterval?.map((x) => x.toFixed(9))).toEqual(b.safetyInterval?.map((x) => x.toFixed(9)));
    }
    expect(await releaseAndUndo()).toEqual(before.release);

    // A recount from what is left gives the same counters and pairs.
    await rebuildCounters();
    expect(await allCounters(db())).toEqual(before.counters);
    expect(await allPairs(db())).toEqual(before.pairs);

    // She leaves after the job: her folded flags move to her departed ids and still count her once per buyer.
    await deleteUser(sellers[0]!.id, 'ret-gone-after');
    const [left] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from buyer_folds where rater_key = ${sellers[0]!.id}`);
    expect(Number(left!.n)).toBe(0);
    const counters = await allCounters(db());
    await rebuildCounters();
    expect(await allCounters(db())).toEqual(counters);
  });

  it('runs once a day across processes; a killed run changes nothing; npm run purge forces a rerun', { timeout: 60_000 }, async () => {
    const [seller] = await makeUsers('seller', 'Ret.Once.S', 1);
    const [buyer] = await makeUsers('buyer', 'Ret.Once.B', 1);
    await oldEncounter(db(), { seller: seller!, buyer: buyer!, daysAgo: WINDOW + 5, bySeller: [false, true], byBuyer: [true, true] });
    await db().execute(sql`update daily_jobs set last_run_on = null`);
    const codesBefore = await count('verification_codes');

    setCrashPointHook((name) => {
      if (name === 'retention-half-done') throw new Error('killed');
    });
    await expect(runDailyJobs({ days: WINDOW })).rejects.toThrow('killed');
    setCrashPointHook(undefined);
    expect(await count('verification_codes')).toBe(codesBefore);
    expect((await olderThanWindow(db())).codes).toBe(1);

    const runs = await Promise.all([runDailyJobs({ days: WINDOW }), runDailyJobs({ days: WINDOW })]);
    expect(runs.filter((r) => r !== null)).toEqual([{ encounters: 1, feedback: 0, tombstones: 0, invites: 0 }]);
    expect(await runDailyJobs({ days: WINDOW })).toBeNull();
    expect(await runDailyJobs({ days: WINDOW, force: true })).toEqual({ encounters: 0, feedback: 0, tombstones: 0, invites: 0 });
    expect(await olderThanWindow(db())).toEqual({ codes: 0, ratings: 0, pairs: 0 });
  });

  it('a folded rating that was never released makes no release due: it shows only with three new ones', { timeout: 60_000 }, async () => {
    const [seller] = await makeUsers('seller', 'Ret.Rel.S', 1);
    const buyers = await makeUsers('buyer', 'Ret.Rel.B', 4);
    const pending = async () =>
      (await queryRows<{ released: boolean }>(db(), sql`select released from ratings where ratee_id = ${seller!.id} and created_on = current_date`)).map((r) => r.released);
    // Rated long ago by the fourth buyer, never released; folded away.
    await oldEncounter(db(), { seller: seller!, buyer: buyers[3]!, daysAgo: WINDOW + 10, byBuyer: [false, false], released: false });
    await runDailyJobs({ days: WINDOW, force: true });
    expect(await count('seller_counters')).toBeGreaterThan(0);

    // Two new ratings: with the folded one they would be three from three raters; they are not due.
    for (const b of buyers.slice(0, 2)) await oldEncounter(db(), { seller: seller!, buyer: b, daysAgo: 0, byBuyer: [true, true], released: false });
    await takeSnapshotNow();
    expect(await pending()).toEqual([false, false]);
    const [none] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from score_snapshots where user_id = ${seller!.id}`);
    expect(Number(none!.n)).toBe(0);

    // The third new rater makes it due: the release counts the folded rating inside it.
    await oldEncounter(db(), { seller: seller!, buyer: buyers[2]!, daysAgo: 0, byBuyer: [true, true], released: false });
    await takeSnapshotNow();
    expect(await pending()).toEqual([true, true, true]);
    const [snap] = await queryRows<{ score: { sampleSize: string } }>(db(), sql`select score from score_snapshots where user_id = ${seller!.id}`);
    expect(snap!.score.sampleSize).toBe('<5');
    expect((await sellerScores(db(), [seller!.id])).get(seller!.id)!.sampleSize).toBe(4);
  });
});
