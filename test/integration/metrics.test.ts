import { randomBytes } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordActivityWeek } from '@/db/queries/activity';
import {
  activityWeeks,
  codeWeeks,
  lastWeeks,
  redemptionWeeks,
  repeatOffenderWeeks,
  signUpWeeks,
  unsafeFlagWeeks,
  WEEKS,
} from '@/db/queries/metrics';
import { deleteUser } from '@/db/queries/users';
import { dailyJobs, invites, metricWeeks, ratings, sellerActivityWeeks, users, verificationCodes } from '@/db/schema';
import type { WeekMetrics } from '@/lib/metrics/assemble';
import { countWeeklyMetrics, refreshWeeklyMetrics, weeklyMetrics } from '@/lib/metrics/dashboard';
import { runDailyJobs } from '@/lib/retention/daily';
import { withTestDatabase } from '../support/database';
import { databaseToday } from './helpers';
import { makeUser, makeUsers, type TestUser } from './screening-support';

// The coordinator metrics on a hand-made dataset with known answers. Rows are inserted directly
// with dates relative to the database's current_date; "j weeks ago" is the ISO week whose Monday
// is date_trunc('week', current_date) - 7j, i.e. weeks[11 - j] of lastWeeks().

const testDb = withTestDatabase();
const db = () => testDb.current().db;

// ---- dates ------------------------------------------------------------------------------------

/** A day in the ISO week `ago` weeks before this one: weekday 0 = Monday … 6 = Sunday. This week: today. */
function day(ago: number, weekday = 0): SQL {
  if (ago === 0) return sql`current_date`;
  return sql.raw(`(date_trunc('week', current_date)::date - ${7 * ago - weekday})`);
}

/** The Monday of the ISO week `ago` weeks before this one (what seller_activity_weeks holds). */
const monday = (ago: number): SQL => sql.raw(`(date_trunc('week', current_date)::date - ${7 * ago})`);

const DAY_MS = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const mondayOf = (d: string) => addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));

// ---- rows -------------------------------------------------------------------------------------

interface Code {
  id: string;
  seller: string;
  buyer: string;
}

/** A code the seller generated for the buyer: bound to them, or redeemed by them when `redeemed` is given. */
async function code(seller: TestUser, buyer: TestUser, created: SQL, redeemed?: SQL): Promise<Code> {
  const [row] = await db()
    .insert(verificationCodes)
    .values({
      sellerId: seller.id,
      boundBuyerId: redeemed ? null : buyer.id,
      redeemedBy: redeemed ? buyer.id : null,
      createdOn: created,
      expiresOn: sql`${created} + 7`,
      redeemedOn: redeemed ?? null,
    })
    .returning({ id: verificationCodes.id });
  return { id: row!.id, seller: seller.id, buyer: buyer.id };
}

async function sellerRates(c: Code, on: SQL, safe: boolean | null) {
  await db()
    .insert(ratings)
    .values({ codeId: c.id, direction: 'seller_rates_buyer', raterId: c.seller, rateeId: c.buyer, safe, reliable: true, createdOn: on });
}

async function buyerRates(c: Code, on: SQL, safe: boolean | null) {
  await db()
    .insert(ratings)
    .values({ codeId: c.id, direction: 'buyer_rates_seller', raterId: c.buyer, rateeId: c.seller, safe, reliable: true, createdOn: on });
}

/** An unsafe flag: a code and the seller's rating of it with safe = false, both on `on`. */
async function flag(seller: TestUser, buyer: TestUser, on: SQL) {
  await sellerRates(await code(seller, buyer, on), on, false);
}

async function invite(usedOn: SQL | null, revoked = false) {
  await db()
    .insert(invites)
    .values({
      codeHash: randomBytes(32).toString('hex'),
      expiresOn: sql`current_date + 30`,
      usedOn,
      revokedOn: revoked ? sql`current_date` : null,
    });
}

async function active(seller: TestUser, ago: number) {
  await db().insert(sellerActivityWeeks).values({ userId: seller.id, weekStart: monday(ago) });
}

// ---- an independent recount: plain selects, arithmetic in TypeScript ----------------------------

const byWeekOrder = <T extends { week: string }>(rows: T[]) => [...rows].sort((a, b) => a.week.localeCompare(b.week));

function tally<T, R>(items: T[], weekOf: (t: T) => string | null, init: () => R, add: (acc: R, t: T) => void) {
  const out = new Map<string, R>();
  for (const item of items) {
    const week = weekOf(item);
    if (week === null) continue;
    if (!out.has(week)) out.set(week, init());
    add(out.get(week)!, item);
  }
  return out;
}

async function recount(weeks: string[]) {
  const since = weeks[0]!;
  const codes = await db().select().from(verificationCodes);
  const allRatings = await db().select().from(ratings);
  const inviteRows = await db().select().from(invites);
  const activity = await db().select().from(sellerActivityWeeks);

  const ratedCodes = (direction: 'seller_rates_buyer' | 'buyer_rates_seller') =>
    new Set(allRatings.filter((r) => r.direction === direction).map((r) => r.codeId));
  const sellerRated = ratedCodes('seller_rates_buyer');
  const buyerRated = ratedCodes('buyer_rates_seller');
  const inWindow = (d: string | null) => (d !== null && d >= since ? mondayOf(d) : null);

  const codeWeeksRecount = [
    ...tally(
      codes,
      (c) => inWindow(c.createdOn),
      () => ({ generated: 0, sellers: new Set<string>(), redeemed: 0, sellerRated: 0 }),
      (acc, c) => {
        acc.generated++;
        if (c.sellerId) acc.sellers.add(c.sellerId);
        if (c.redeemedOn !== null) acc.redeemed++;
        if (sellerRated.has(c.id)) acc.sellerRated++;
      },
    ),
  ].map(([week, a]) => ({ week, generated: a.generated, sellers: a.sellers.size, redeemed: a.redeemed, sellerRated: a.sellerRated }));

  const redemptionWeeksRecount = [
    ...tally(
      codes,
      (c) => inWindow(c.redeemedOn),
      () => ({ redeemed: 0, buyers: new Set<string>(), buyerRated: 0 }),
      (acc, c) => {
        acc.redeemed++;
        if (c.redeemedBy) acc.buyers.add(c.redeemedBy);
        if (buyerRated.has(c.id)) acc.buyerRated++;
      },
    ),
  ].map(([week, a]) => ({ week, redeemed: a.redeemed, buyers: a.buyers.size, buyerRated: a.buyerRated }));

  const flags = allRatings.filter((r) => r.direction === 'seller_rates_buyer' && r.safe === false);
  const unsafeFlagWeeksRecount = [
    ...tally(
      flags,
      (r) => inWindow(r.createdOn),
      () => ({ flags: 0, sellers: new Set<string>() }),
      (acc, r) => {
        acc.flags++;
        if (r.raterId) acc.sellers.add(r.raterId);
      },
    ),
  ].map(([week, a]) => ({ week, flags: a.flags, sellers: a.sellers.size }));

  const repeatOffenderWeeksRecount = weeks.map((week) => {
    const end = addDays(week, 7);
    const flaggers = new Map<string, Set<string>>();
    for (const r of flags) {
      if (r.createdOn >= end || !r.raterId) continue;
      if (!flaggers.has(r.rateeId)) flaggers.set(r.rateeId, new Set());
      flaggers.get(r.rateeId)!.add(r.raterId);
    }
    return { week, buyers: [...flaggers.values()].filter((s) => s.size >= 2).length };
  });

  const signUpWeeksRecount = [
    ...tally(
      inviteRows,
      (i) => inWindow(i.usedOn),
      () => ({ n: 0 }),
      (acc) => {
        acc.n++;
      },
    ),
  ].map(([week, a]) => ({ week, signUps: a.n }));

  const activityWeeksRecount = weeks.map((week) => {
    const usersIn = (from: string, to: string) =>
      new Set(activity.filter((a) => a.weekStart >= from && a.weekStart <= to).map((a) => a.userId));
    const before = usersIn(addDays(week, -49), addDays(week, -28));
    const current = usersIn(addDays(week, -21), week);
    return {
      week,
      active: activity.filter((a) => a.weekStart === week).length,
      before: before.size,
      retained: [...before].filter((u) => current.has(u)).length,
    };
  });

  return {
    codeWeeks: byWeekOrder(codeWeeksRecount),
    redemptionWeeks: byWeekOrder(redemptionWeeksRecount),
    unsafeFlagWeeks: byWeekOrder(unsafeFlagWeeksRecount),
    repeatOffenderWeeks: byWeekOrder(repeatOffenderWeeksRecount),
    signUpWeeks: byWeekOrder(signUpWeeksRecount),
    activityWeeks: byWeekOrder(activityWeeksRecount),
  };
}

async function aggregates(weeks: string[]) {
  const since = weeks[0]!;
  return {
    codeWeeks: byWeekOrder(await codeWeeks(since)),
    redemptionWeeks: byWeekOrder(await redemptionWeeks(since)),
    unsafeFlagWeeks: byWeekOrder(await unsafeFlagWeeks(since)),
    repeatOffenderWeeks: byWeekOrder(await repeatOffenderWeeks(weeks)),
    signUpWeeks: byWeekOrder(await signUpWeeks(since)),
    activityWeeks: byWeekOrder(await activityWeeks(weeks)),
  };
}

const NOTHING: Omit<WeekMetrics, 'week'> = {
  encounters: null,
  codeUsage: null,
  buyerRatingRate: null,
  sellerRatingRate: null,
  retention: null,
  unsafeFlags: null,
  repeatOffenders: null,
  signUps: null,
  activeSellers: null,
};

// ---- tests ------------------------------------------------------------------------------------

describe('lastWeeks', () => {
  it('gives the Mondays of the last 12 ISO weeks, oldest first, ending with this week', async () => {
    const weeks = await lastWeeks();
    const thisMonday = mondayOf(await databaseToday(db()));
    expect(WEEKS).toBe(12);
    expect(weeks).toEqual(Array.from({ length: 12 }, (_, i) => addDays(thisMonday, -7 * (11 - i))));
    for (const w of weeks) expect(new Date(`${w}T00:00:00Z`).getUTCDay(), w).toBe(1);
  });
});

describe('on an empty database', () => {
  it('runs every aggregate and shows nothing', async () => {
    const weeks = await lastWeeks();
    // Nothing stored yet (a new installation): counted and stored on the first view.
    expect(await db().$count(metricWeeks)).toBe(0);
    const { asOf, weeks: metrics } = await weeklyMetrics();
    expect(metrics).toEqual(weeks.map((week) => ({ week, ...NOTHING })));
    expect(asOf).toBe(await databaseToday(db()));
    expect(await db().$count(metricWeeks)).toBe(WEEKS);

    const agg = await aggregates(weeks);
    expect(agg.codeWeeks).toEqual([]);
    expect(agg.redemptionWeeks).toEqual([]);
    expect(agg.unsafeFlagWeeks).toEqual([]);
    expect(agg.signUpWeeks).toEqual([]);
    expect(agg.repeatOffenderWeeks).toEqual(weeks.map((week) => ({ week, buyers: 0 })));
    expect(agg.activityWeeks).toEqual(weeks.map((week) => ({ week, active: 0, before: 0, retained: 0 })));
    expect(await recount(weeks)).toEqual(agg);
  });
});

describe('on a hand-made dataset', () => {
  let S: TestUser[]; // sellers generating codes
  let B: TestUser[]; // buyers redeeming them
  let F: TestUser[]; // sellers flagging buyers unsafe
  let R: TestUser[]; // buyers flagged
  let A: TestUser[]; // sellers with activity weeks
  let weeks: string[];

  beforeAll(async () => {
    weeks = await lastWeeks();
    S = await makeUsers('seller', 'MetricsS', 5);
    B = await makeUsers('buyer', 'MetricsB', 5);
    F = await makeUsers('seller', 'MetricsF', 6);
    R = await makeUsers('buyer', 'MetricsR', 6);
    A = await makeUsers('seller', 'MetricsA', 14);

    // 10 weeks ago (weeks[1]): 10 codes from exactly 5 sellers (2 each, on the Monday and the
    // Sunday); 6 of them redeemed the following week (weeks[2]) by 5 buyers (B0 twice), 3 of
    // those rated by the buyer; 3 of the 10 rated by the seller.
    const c: Code[] = [];
    for (let k = 0; k < 10; k++) {
      c.push(await code(S[k >> 1]!, B[k % 5]!, day(10, k % 2 ? 6 : 0), k < 6 ? day(9, k < 3 ? 0 : 6) : undefined));
    }
    for (const k of [0, 6, 7]) await sellerRates(c[k]!, day(9, 1), true);
    for (const k of [0, 1, 2]) await buyerRates(c[k]!, day(9, 2), true);

    // 8 weeks ago (weeks[3]): 8 codes from exactly 4 sellers; 4 redeemed that week by 4 buyers,
    // all 4 rated by both sides (the sellers skipping the safety question).
    for (let k = 0; k < 8; k++) {
      const d = await code(S[k >> 1]!, B[k % 4]!, day(8, 1), k < 4 ? day(8, 3) : undefined);
      if (k < 4) {
        await sellerRates(d, day(8, 4), null);
        await buyerRates(d, day(8, 4), true);
      }
    }

    // 12 weeks ago, on the Sunday before the window: 5 codes, redeemed 11 weeks ago (on weeks[0],
    // the window's first day) by 5 buyers, 2 of them rated by the buyer. And 1 code from the first day.
    for (let k = 0; k < 5; k++) {
      const e = await code(S[k]!, B[k]!, day(12, 6), day(11, 0));
      if (k < 2) await buyerRates(e, day(11, 3), true);
      if (k === 0) await sellerRates(e, day(11, 3), true);
    }
    await code(S[0]!, B[0]!, day(11, 0));

    // This week: 5 codes redeemed today by 5 buyers and rated both ways, and 1 left unredeemed.
    for (let k = 0; k < 5; k++) {
      const g = await code(S[k]!, B[k]!, day(0), day(0));
      await sellerRates(g, day(0), true);
      await buyerRates(g, day(0), true);
    }
    await code(S[0]!, B[1]!, day(0));

    // Unsafe flags. 13 weeks ago: F0 flags R4 (before the window, still counts towards repeat offenders).
    await flag(F[0]!, R[4]!, day(13, 3));
    // The window's first day (weeks[0]): F2 flags R0 (R0 is a repeat offender only once F0 and F1 follow).
    await flag(F[2]!, R[0]!, day(11, 0));
    // 7 weeks ago (weeks[4]): 10 flags from 4 sellers; R0..R3 each by two distinct sellers, R5
    // twice by the same seller (not a repeat offender).
    for (const [s, r] of [[0, 0], [1, 0], [0, 1], [1, 1], [1, 2], [2, 2], [2, 3], [3, 3], [0, 5], [0, 5]] as const) {
      await flag(F[s]!, R[r]!, day(7, 2));
    }
    // Same week: F4 rates R5 safe, R5 redeemed F4's code and rates F4 unsafe (neither is a flag).
    const h = await code(F[4]!, R[5]!, day(7, 2), day(7, 2));
    await sellerRates(h, day(7, 2), true);
    await buyerRates(h, day(7, 2), false);
    // 5 weeks ago (weeks[6]): 5 flags from 5 sellers; F1 → R4 on the Sunday makes R4 the 5th repeat offender.
    await flag(F[1]!, R[4]!, day(5, 6));
    await flag(F[2]!, R[0]!, day(5, 0));
    await flag(F[3]!, R[1]!, day(5, 1));
    await flag(F[4]!, R[2]!, day(5, 2));
    await flag(F[5]!, R[3]!, day(5, 3));
    // Today: F5 → R5, the 6th.
    await flag(F[5]!, R[5]!, day(0));

    // Seller sign-ups: 5 in weeks[2] (9 weeks ago, Monday to Sunday), 4 in weeks[5], 1 on the
    // Sunday before the window and 1 on its first day, 1 today; and two invites never used (one revoked).
    for (const wd of [0, 1, 3, 5, 6]) await invite(day(9, wd));
    for (const wd of [0, 1, 2, 3]) await invite(day(6, wd));
    await invite(day(12, 6));
    await invite(day(11, 0));
    await invite(day(0));
    await invite(null);
    await invite(null, true);

    // Activity weeks (Mondays), by weeks ago.
    const activeIn: [number, number][] = [
      [0, 5], [1, 5], [2, 5], [3, 4], [4, 7], // A0..A4 in this week's previous window (4..7 weeks ago)
      [0, 1], [1, 1], [2, 1], [3, 3], // A0..A3 back in the current window (0..3 weeks ago); A4 not
      [0, 6], [0, 0], // A0 again, in both windows
      [5, 13], [6, 13], [7, 13], [8, 13], // A5..A8: 4 sellers 13 weeks ago ...
      [5, 9], [6, 9], [7, 9], [8, 9], // ... all 4 active again 9 weeks ago
      [9, 10], [10, 10], [11, 10], [12, 10], [13, 10], // A9..A13: 5 sellers 10 weeks ago
    ];
    for (const [a, ago] of activeIn) await active(A[a]!, ago);
  });

  it('has the dataset in the weeks intended', async () => {
    expect(weeks[11]).toBe(mondayOf(await databaseToday(db())));
    const codes = await db().select({ createdOn: verificationCodes.createdOn }).from(verificationCodes);
    expect(codes.filter((c) => mondayOf(c.createdOn) === weeks[1]).length).toBe(10);
    expect(codes.filter((c) => mondayOf(c.createdOn) === weeks[3]).length).toBe(8);
  });

  it('gives exactly the known figures in the right weeks', async () => {
    const overrides: Partial<Omit<WeekMetrics, 'week'>>[] = [
      /* 0: 11 weeks ago */ { buyerRatingRate: 0.4 }, // 2 of 5 redeemed (codes from before the window)
      /* 1 */ { encounters: 10, codeUsage: 0.6, sellerRatingRate: 0.3, activeSellers: 5 },
      /* 2 */ { buyerRatingRate: 0.5, signUps: 5 }, // 3 of 6 redemptions by 5 buyers; 4 before → no retention
      /* 3: 4 sellers, 4 buyers */ {},
      /* 4: 11 codes from 5 sellers; 10 flags from 4 sellers; 4 repeat offenders */
      { encounters: 11, codeUsage: 1 / 11, sellerRatingRate: 1 },
      /* 5: 4 sign-ups, 4 repeat offenders */ { retention: 4 / 9 },
      /* 6 */ { encounters: 5, codeUsage: 0, sellerRatingRate: 1, retention: 0, unsafeFlags: 5, repeatOffenders: 5 },
      /* 7 */ { retention: 0, repeatOffenders: 5 },
      /* 8 */ { retention: 0, repeatOffenders: 5 },
      /* 9 */ { retention: 1 / 6, repeatOffenders: 5 },
      /* 10: 4 sellers before */ { repeatOffenders: 5 },
      /* 11: this week */
      { encounters: 7, codeUsage: 5 / 7, buyerRatingRate: 1, sellerRatingRate: 6 / 7, retention: 0.8, repeatOffenders: 6 },
    ];
    const expected = weeks.map((week, i) => ({ week, ...NOTHING, ...overrides[i] }));
    // Counted from the rows, and as the daily job stores them for the dashboard.
    expect(await countWeeklyMetrics()).toEqual(expected);
    await runDailyJobs({ force: true });
    const { weeks: metrics } = await weeklyMetrics();
    for (let i = 0; i < WEEKS; i++) expect(metrics[i], `weeks[${i}] (${weeks[i]})`).toEqual(expected[i]);
    expect(metrics).toHaveLength(WEEKS);
  });

  it('shows what the daily job stored: new rows change nothing until it counts again, and only suppressed figures are stored', async () => {
    await runDailyJobs({ force: true });
    // Claimed on its own: a failure counting them never holds back the retention job.
    const ran = await db().select({ name: dailyJobs.name }).from(dailyJobs).where(sql`last_run_on = current_date`).orderBy(dailyJobs.name);
    expect(ran.map((r) => r.name)).toEqual(['dashboard-figures', 'retention']);
    const before = await weeklyMetrics();
    // A fifth seller's code in weeks[3] (4 sellers so far, suppressed): the view does not move.
    await code(S[4]!, B[4]!, day(8, 2));
    expect(await weeklyMetrics()).toEqual(before);
    expect(before.weeks[3]!.encounters).toBeNull();
    // The stored row holds the suppressed figure, not the 8 codes of 4 sellers under it.
    const [stored] = await db().select().from(metricWeeks).where(eq(metricWeeks.week, weeks[3]!));
    expect(stored!.figures.encounters).toBeNull();
    expect(Object.values(stored!.figures)).not.toContain(8);
    // The next count shows it: 9 codes from 5 sellers.
    await runDailyJobs({ force: true });
    expect((await weeklyMetrics()).weeks[3]!.encounters).toBe(9);
    await db().delete(verificationCodes).where(sql`seller_id = ${S[4]!.id} and created_on = ${day(8, 2)}`);
    await runDailyJobs({ force: true });
    expect(await weeklyMetrics()).toEqual(before);
  });

  it('suppresses exactly the cells with 4 people behind them (the raw aggregates say 4)', async () => {
    const agg = await aggregates(weeks);
    const at = <T extends { week: string }>(rows: T[], i: number) => rows.find((r) => r.week === weeks[i]);

    // The window's first day counts, the Sunday before it does not.
    expect(at(agg.codeWeeks, 0)).toEqual({ week: weeks[0], generated: 2, sellers: 2, redeemed: 0, sellerRated: 1 });
    expect(at(agg.redemptionWeeks, 0)).toEqual({ week: weeks[0], redeemed: 5, buyers: 5, buyerRated: 2 });
    expect(at(agg.unsafeFlagWeeks, 0)).toEqual({ week: weeks[0], flags: 1, sellers: 1 });
    expect(at(agg.signUpWeeks, 0)).toEqual({ week: weeks[0], signUps: 1 });
    expect(at(agg.codeWeeks, 1)).toEqual({ week: weeks[1], generated: 10, sellers: 5, redeemed: 6, sellerRated: 3 });
    expect(at(agg.codeWeeks, 3)).toEqual({ week: weeks[3], generated: 8, sellers: 4, redeemed: 4, sellerRated: 4 });
    expect(at(agg.redemptionWeeks, 2)).toEqual({ week: weeks[2], redeemed: 6, buyers: 5, buyerRated: 3 });
    expect(at(agg.redemptionWeeks, 3)).toEqual({ week: weeks[3], redeemed: 4, buyers: 4, buyerRated: 4 });
    expect(at(agg.unsafeFlagWeeks, 4)).toEqual({ week: weeks[4], flags: 10, sellers: 4 });
    expect(at(agg.unsafeFlagWeeks, 6)).toEqual({ week: weeks[6], flags: 5, sellers: 5 });
    expect(agg.repeatOffenderWeeks.map((r) => r.buyers)).toEqual([0, 0, 0, 0, 4, 4, 5, 5, 5, 5, 5, 6]);
    expect(at(agg.signUpWeeks, 2)).toEqual({ week: weeks[2], signUps: 5 });
    expect(at(agg.signUpWeeks, 5)).toEqual({ week: weeks[5], signUps: 4 });
    expect(at(agg.activityWeeks, 1)).toMatchObject({ active: 5 });
    expect(at(agg.activityWeeks, 2)).toEqual({ week: weeks[2], active: 4, before: 4, retained: 4 });
    expect(at(agg.activityWeeks, 10)).toEqual({ week: weeks[10], active: 3, before: 4, retained: 3 });
    expect(at(agg.activityWeeks, 11)).toEqual({ week: weeks[11], active: 1, before: 5, retained: 4 });
  });

  it('leaves out what happened before the window, and counts nothing twice', async () => {
    const agg = await aggregates(weeks);
    for (const rows of [agg.codeWeeks, agg.redemptionWeeks, agg.unsafeFlagWeeks, agg.signUpWeeks]) {
      for (const r of rows) expect(weeks, r.week).toContain(r.week);
    }
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);
    // 2 + 10 + 8 + 11 + 5 + 7 generated in the window (6 codes from 12 and 13 weeks ago are not).
    expect(sum(agg.codeWeeks, (r) => r.generated)).toBe(43);
    // 5 + 6 + 4 + 1 + 5 redemptions, including the 5 of codes generated before the window.
    expect(sum(agg.redemptionWeeks, (r) => r.redeemed)).toBe(21);
    expect(sum(agg.unsafeFlagWeeks, (r) => r.flags)).toBe(17);
    expect(sum(agg.signUpWeeks, (r) => r.signUps)).toBe(11);
  });

  it('matches a straightforward recount of the rows for every week', async () => {
    const agg = await aggregates(weeks);
    const mine = await recount(weeks);
    expect(agg.codeWeeks).toEqual(mine.codeWeeks);
    expect(agg.redemptionWeeks).toEqual(mine.redemptionWeeks);
    expect(agg.unsafeFlagWeeks).toEqual(mine.unsafeFlagWeeks);
    expect(agg.repeatOffenderWeeks).toEqual(mine.repeatOffenderWeeks);
    expect(agg.signUpWeeks).toEqual(mine.signUpWeeks);
    expect(agg.activityWeeks).toEqual(mine.activityWeeks);
    // The recount is not trivially empty.
    expect(mine.codeWeeks).toHaveLength(6);
    expect(mine.redemptionWeeks).toHaveLength(5);
    expect(mine.activityWeeks.filter((w) => w.before > 0)).toHaveLength(10);
  });
});

describe('recordActivityWeek', () => {
  it('writes the Monday of the current week, once', async () => {
    const seller = await makeUser('seller', 'MetricsActivity');
    const thisMonday = mondayOf(await databaseToday(db()));
    const rowsOf = () => db().select().from(sellerActivityWeeks).where(eq(sellerActivityWeeks.userId, seller.id));

    await recordActivityWeek(seller.id);
    expect(await rowsOf()).toEqual([{ userId: seller.id, weekStart: thisMonday }]);

    const total = await db().$count(sellerActivityWeeks);
    await recordActivityWeek(seller.id);
    expect(await rowsOf()).toEqual([{ userId: seller.id, weekStart: thisMonday }]);
    expect(await db().$count(sellerActivityWeeks)).toBe(total);
  });
});

describe('after a buyer deletes the account', () => {
  // Deleting B0 sets redeemed_by to null on the codes B0 redeemed (redeemed_on stays): those
  // codes were still redeemed, and the redemptions aggregate still counts them.
  it('still counts the codes the buyer redeemed as redeemed', async () => {
    const weeks = await lastWeeks();
    const before = await codeWeeks(weeks[0]!);
    // MetricsB0 redeemed 2 codes from weeks[1], 1 from weeks[3] and 1 from this week.
    const [b0] = await db().select({ id: users.id }).from(users).where(eq(users.pseudonymKey, 'metricsb0'));
    await deleteUser(b0!.id, 'metrics-deleted-buyer');

    const after = await codeWeeks(weeks[0]!);
    const redeemed = (rows: typeof before) => rows.map((r) => ({ week: r.week, redeemed: r.redeemed }));
    expect(redeemed(byWeekOrder(after))).toEqual(redeemed(byWeekOrder(before)));
    expect(byWeekOrder(after)).toEqual((await recount(weeks)).codeWeeks);
    await refreshWeeklyMetrics();
    expect((await weeklyMetrics()).weeks[1]!.codeUsage).toBe(0.6);
  });
});
