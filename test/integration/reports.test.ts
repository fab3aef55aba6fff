import { desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { addRegion, listRegions, setAlertRegions } from '@/db/queries/report-regions';
import { noteNewVersion } from '@/db/queries/parameters';
import { expireReports } from '@/db/queries/reports';
import { BOARD_SEVERITY, lookupWeeks, repeatIdentifiers, reportWeeks } from '@/db/queries/report-metrics';
import { reportWeekMetrics } from '@/lib/metrics/reports';
import { sendMessage } from '@/lib/messages/send';
import { boardWarningCounts, notifications, parameterVersions, publicChangelog, reportExpiredCounts, reportIdentifiers, reports } from '@/db/schema';
import { boardReportById, reportBoard } from '@/lib/reports/board';
import { BOARD_PAGE_SIZE } from '@/lib/reports/constants';
import { runDailyJobs } from '@/lib/retention/daily';
import { lookupIdentifier } from '@/lib/reports/lookup';
import { flushLookups } from '@/lib/reports/lookup-tally';
import { decideReport, reportReviewQueue } from '@/lib/reports/review';
import { screenPseudonym } from '@/lib/reports/screen';
import { markReport, submitReport, withdrawReport } from '@/lib/reports/submit';
import { VERSION_1 } from '@/lib/governance/parameters';
import { closeReview, contestFlag, ownContests } from '@/lib/rights/contests';
import type { ReportInput } from '@/lib/reports/rules';
import { withTestDatabase } from '../support/database';
import { databaseToday, dumpText } from './helpers';
import { makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

// Identifiers a dump must never show in plaintext, in every form a seller might type them.
const PHONE = '0151 23456789';
const PHONE_E164 = '+4915123456789';
const PLATE = 'M-AB 1234';
const PLATE_NORMAL = 'MAB1234';
const HANDLE = '@Rough_Guy_77';
const DESCRIPTION = 'Took the money back by force near the station';

async function report(by: TestUser, input: Partial<ReportInput>, now?: Date) {
  const result = await submitReport(by.id, { category: 'robbery', severity: 'risky', occurredOn: await databaseToday(db()), ...input }, now);
  if (!result.ok) throw new Error(`submitReport refused: ${JSON.stringify(result)}`);
  return result;
}

describe(`incident reports (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let ann: TestUser, bea: TestUser, cid: TestUser, dee: TestUser, kim: TestUser;
  let berlin: string, hamburg: string;

  beforeAll(async () => {
    [ann, bea, cid, dee] = [await makeUser('seller', 'Ann.Rep'), await makeUser('seller', 'Bea.Rep'), await makeUser('seller', 'Cid.Rep'), await makeUser('seller', 'Dee.Rep')];
    kim = await makeUser('buyer', 'Kim.Buyer');
    expect(await addRegion('Berlin')).toBe(true);
    expect(await addRegion('Hamburg')).toBe(true);
    expect(await addRegion('berlin')).toBe(false); // one name, any case
    const regions = await listRegions();
    berlin = regions.find((r) => r.name === 'Berlin')!.id;
    hamburg = regions.find((r) => r.name === 'Hamburg')!.id;
  });

  it('stores no identifier, description or withdrawal code in plaintext, anywhere in the database', async () => {
    const made = await report(ann, { description: DESCRIPTION, phone: PHONE, plate: PLATE, handlePlatform: 'instagram', handle: HANDLE, pseudonym: 'Kim.Buyer', regionId: berlin });
    const rows = await db().select().from(reportIdentifiers).where(eq(reportIdentifiers.reportId, made.id));
    expect(rows.map((r) => r.kind).sort()).toEqual(['handle', 'phone', 'plate', 'pseudonym']);
    const text = await dumpText(db());
    expect(text).toContain(made.id); // the dump sees the report
    // A pseudonym is stored on purpose (the buyer's account); the report's link to it is only a keyed hash.
    for (const secret of [PHONE, PHONE_E164, '15123456789', '0151', PLATE, PLATE_NORMAL, 'rough_guy_77', DESCRIPTION, 'station', made.withdrawalCode, made.withdrawalCode.replace(/-/g, '')]) {
      expect(text.includes(secret.toLowerCase()), `plaintext found: ${secret}`).toBe(false);
    }
    // …but sellers read it back from the ciphertext, and the look-up finds it by each identifier.
    const shown = (await reportBoard()).reports.find((r) => r.id === made.id)!;
    expect(shown.description).toBe(DESCRIPTION);
    expect(shown.identifiers).toEqual([
      { kind: 'pseudonym', value: 'kim.buyer' },
      { kind: 'phone', value: PHONE_E164 },
      { kind: 'plate', value: PLATE_NORMAL },
      { kind: 'handle', value: 'instagram:rough_guy_77' },
    ]);
    // Its own page (the "seems wrong" form) reads the same; nothing once withdrawn, nor for ids that are none.
    expect(await boardReportById(made.id)).toEqual(shown);
    await withdrawReport(made.withdrawalCode);
    expect(await boardReportById(made.id)).toBeNull();
    for (const id of ['00000000-0000-4000-8000-000000000000', '-'.repeat(36), "1' or '1'='1", '']) expect(await boardReportById(id), id).toBeNull();
  });

  it('finds live reports by phone, plate, handle and pseudonym however typed, newest first, never the reporter', async () => {
    const older = await report(ann, { phone: PHONE, occurredOn: '2026-11-01', severity: 'dangerous', category: 'violence', regionId: hamburg });
    const newer = await report(bea, { phone: '+49 151 2345 6789', plate: 'm ab-1234', handlePlatform: 'telegram', handle: ' @ROUGH_guy_77', pseudonym: 'KIM.buyer', severity: 'annoying', category: 'no_show' });
    const byPhone = await lookupIdentifier({ kind: 'phone', value: '+49 (0)151 23456789' });
    expect(byPhone).toMatchObject({ ok: true, kind: 'phone', value: PHONE_E164 });
    if (!byPhone.ok) throw new Error('unreachable');
    expect(byPhone.reports.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(byPhone.reports[1]).toEqual({ id: older.id, category: 'violence', severity: 'dangerous', occurredOn: '2026-11-01', region: 'Hamburg', description: null });
    expect(JSON.stringify(byPhone)).not.toMatch(/Ann\.Rep|Bea\.Rep|reporter/i);

    const plate = await lookupIdentifier({ kind: 'plate', value: 'MAB 1234' });
    expect(plate.ok && plate.reports.map((r) => r.id)).toEqual([newer.id]);
    const handle = await lookupIdentifier({ kind: 'handle', platform: 'telegram', value: 'rough_guy_77' });
    expect(handle.ok && handle.reports.map((r) => r.id)).toEqual([newer.id]);
    const otherPlatform = await lookupIdentifier({ kind: 'handle', platform: 'instagram', value: 'rough_guy_77' });
    expect(otherPlatform.ok && otherPlatform.reports).toEqual([]);
    const none = await lookupIdentifier({ kind: 'phone', value: '0151 99999999' });
    expect(none.ok && none.reports).toEqual([]);
    expect(await lookupIdentifier({ kind: 'phone', value: '12' })).toEqual({ ok: false, fieldErrors: { value: 'identifierPhone' } });

    // A pseudonym: the buyer's verdict weighs the annoying report as caution (no ratings yet).
    const screened = await screenPseudonym('kim.BUYER');
    expect(screened.ok && screened.found && screened.reputation.verdict).toMatchObject({ state: 'caution', reports: { serious: 0, minor: 1 } });
    expect(screened.ok && screened.reports.map((r) => r.id)).toEqual([newer.id]);
    await withdrawReport(older.withdrawalCode);
    await withdrawReport(newer.withdrawalCode);
  });

  it('only the withdrawal code withdraws a report; then no look-up finds it', async () => {
    const made = await report(cid, { plate: 'HH-XY 99' });
    expect(await withdrawReport('abcd-efgh-jkmn-pqrs')).toEqual({ ok: false, fieldErrors: { code: 'withdrawalCode' } });
    expect(await withdrawReport('')).toEqual({ ok: false, fieldErrors: { code: 'withdrawalCode' } });
    expect((await lookupIdentifier({ kind: 'plate', value: 'HHXY99' })).ok && (await lookupIdentifier({ kind: 'plate', value: 'HHXY99' }))).toMatchObject({ reports: [{ id: made.id }] });
    expect(await withdrawReport(made.withdrawalCode.toUpperCase())).toEqual({ ok: true });
    expect(await db().$count(reports, eq(reports.id, made.id))).toBe(0);
    expect(await db().$count(reportIdentifiers, eq(reportIdentifiers.reportId, made.id))).toBe(0);
    expect(await withdrawReport(made.withdrawalCode)).toEqual({ ok: false, fieldErrors: { code: 'withdrawalCode' } });
  });

  it('refuses bad input with a code per field and writes nothing', async () => {
    const before = await db().$count(reports);
    const today = await databaseToday(db());
    const refused = await submitReport(ann.id, { category: 'robbery', severity: 'risky', occurredOn: '2999-01-01', phone: '12', plate: '!!', handlePlatform: 'instagram', handle: ' ', regionId: '00000000-0000-4000-8000-000000000000' });
    expect(refused).toEqual({ ok: false, fieldErrors: { occurredOn: 'reportDateFuture', phone: 'identifierPhone', plate: 'identifierPlate', regionId: 'reportRegion' } });
    expect(await submitReport(ann.id, { category: 'gossip' as never, severity: 'risky', occurredOn: today })).toMatchObject({ ok: false, fieldErrors: { category: 'reportCategory' } });
    expect(await submitReport(ann.id, { category: 'other', severity: 'huge' as never, occurredOn: 'yesterday' })).toMatchObject({ ok: false, fieldErrors: { severity: 'reportSeverity', occurredOn: 'reportDate' } });
    expect(await db().$count(reports)).toBe(before);
  });

  it('a dangerous report notifies every seller (its reporter too, so her absence cannot name her), or only those who chose its region', async () => {
    await setAlertRegions(dee.id, [hamburg]);
    const alerted = async (input: Partial<ReportInput>) => {
      await db().delete(notifications);
      const made = await report(ann, input);
      const rows = await queryRows<{ user_id: string }>(db(), sql`select user_id::text from notifications where kind = 'report_dangerous'`);
      await withdrawReport(made.withdrawalCode);
      return rows.map((r) => r.user_id).sort();
    };
    // Ann (the reporter), Bea and Cid chose no region (every region); Dee chose Hamburg only; buyers never.
    expect(await alerted({ severity: 'dangerous', category: 'violence', regionId: berlin })).toEqual([ann.id, bea.id, cid.id].sort());
    expect(await alerted({ severity: 'dangerous', category: 'violence', regionId: hamburg })).toEqual([ann.id, bea.id, cid.id, dee.id].sort());
    // No region named: it could be anywhere, so every seller hears of it.
    expect(await alerted({ severity: 'dangerous', category: 'violence' })).toEqual([ann.id, bea.id, cid.id, dee.id].sort());
    expect(await alerted({ severity: 'risky', category: 'violence', regionId: hamburg })).toEqual([]);
    expect(await db().$count(notifications, eq(notifications.userId, kim.id))).toBe(0);
    await setAlertRegions(dee.id, []);
  });

  it('review queue: marks without reporter or marker, annotate, hide pending review, show again, remove into the public changelog', async () => {
    const made = await report(ann, { phone: '030 1234567', description: 'he never paid' });
    expect(await markReport(bea.id, made.id, { reason: 'wrong_person', note: 'that number is a taxi firm' })).toEqual({ ok: true });
    expect(await markReport(bea.id, made.id, { reason: 'other' })).toEqual({ ok: false, formError: 'markRefused' }); // one per seller
    expect(await markReport(cid.id, made.id, { reason: 'shouting' })).toMatchObject({ ok: false, fieldErrors: { reason: 'markReason' } });
    expect(await markReport(cid.id, '00000000-0000-4000-8000-000000000000', { reason: 'other' })).toEqual({ ok: false, formError: 'markRefused' });
    // Not a uuid, though 36 characters of the right alphabet: refused before the database sees it.
    expect(await markReport(cid.id, '-'.repeat(36), { reason: 'other' })).toEqual({ ok: false, formError: 'reportUnknown' });

    let queue = await reportReviewQueue();
    const item = queue.find((q) => q.id === made.id)!;
    expect(item).toMatchObject({ state: 'live', description: 'he never paid', identifiers: [{ kind: 'phone', value: '••••••••••67' }] }); // +49301234567, masked
    expect(JSON.stringify(queue)).not.toContain('1234567');
    expect(item.marks).toEqual([{ id: expect.any(String), reason: 'wrong_person', note: 'that number is a taxi firm', createdOn: await databaseToday(db()) }]);
    expect(JSON.stringify(queue)).not.toMatch(/Ann\.Rep|Bea\.Rep|ann\.rep|bea\.rep/);
    expect(JSON.stringify(queue)).not.toContain(ann.id);
    expect(JSON.stringify(queue)).not.toContain(bea.id);

    expect(await decideReport(made.id, 'annotate', '  asked the reporter  ')).toEqual({ ok: true });
    expect(await decideReport(made.id, 'annotate', '   ')).toEqual({ ok: false, fieldErrors: { annotation: 'annotationEmpty' } });
    expect(await decideReport(made.id, 'hide')).toEqual({ ok: true });
    expect((await lookupIdentifier({ kind: 'phone', value: '030 1234567' })).ok && (await lookupIdentifier({ kind: 'phone', value: '030 1234567' }))).toMatchObject({ reports: [] });
    expect((await reportBoard()).reports.map((r) => r.id)).not.toContain(made.id);
    expect(await boardReportById(made.id)).toBeNull(); // nor on a page of its own
    queue = await reportReviewQueue();
    expect(queue.find((q) => q.id === made.id)).toMatchObject({ state: 'hidden', annotation: 'asked the reporter' });

    expect(await decideReport(made.id, 'show')).toEqual({ ok: true });
    expect((await reportReviewQueue()).map((q) => q.id)).not.toContain(made.id); // kept: marks closed
    expect((await reportBoard()).reports.map((r) => r.id)).toContain(made.id);
    expect(await boardReportById(made.id)).toMatchObject({ id: made.id, description: 'he never paid' });

    expect(await markReport(cid.id, made.id, { reason: 'not_what_happened' })).toEqual({ ok: true });
    const changelogBefore = await db().$count(publicChangelog, eq(publicChangelog.entry, 'report_removed'));
    expect(await decideReport(made.id, 'remove')).toEqual({ ok: true });
    expect(await decideReport(made.id, 'remove')).toEqual({ ok: false, formError: 'reportUnknown' });
    expect(await db().$count(publicChangelog, eq(publicChangelog.entry, 'report_removed'))).toBe(changelogBefore + 1);
    // Chained like every entry, and naming nothing: no report, reporter, identifier or reason.
    const [line] = await db().select().from(publicChangelog).where(eq(publicChangelog.entry, 'report_removed')).orderBy(desc(publicChangelog.seq)).limit(1);
    expect(line).toMatchObject({ body: {}, hash: expect.any(String), seq: expect.any(Number) });
    expect(JSON.stringify(line)).not.toContain(made.id);
    const [removed] = await db().select().from(reports).where(eq(reports.id, made.id));
    expect(removed).toMatchObject({ state: 'removed', ciphertext: null, annotationCiphertext: null });
    expect(await db().$count(reportIdentifiers, eq(reportIdentifiers.reportId, made.id))).toBe(0);
    expect((await reportReviewQueue()).map((q) => q.id)).not.toContain(made.id);
    expect(await decideReport('not-an-id', 'hide')).toEqual({ ok: false, formError: 'reportUnknown' });
    expect(await decideReport(made.id, 'edit')).toEqual({ ok: false, formError: 'invalid' });
  });

  it('a contest from the person a report names puts the report in the review queue, without telling him it exists', async () => {
    const lou = await makeUser('buyer', 'Lou.Contested');
    const named = await report(dee, { pseudonym: ' lou.contested ', description: 'left without paying' });
    const other = await report(dee, { plate: 'HH LU 99' });
    expect((await reportReviewQueue()).map((q) => q.id)).not.toContain(named.id); // no mark, not hidden

    const asked = await contestFlag(lou.id, { reason: 'other', note: 'I paid' });
    expect(asked).toEqual({ ok: true });
    const queue = await reportReviewQueue();
    expect(queue.find((q) => q.id === named.id)).toMatchObject({ contested: true, state: 'live', description: 'left without paying', marks: [] });
    expect(queue.map((q) => q.id)).not.toContain(other.id);
    expect(queue.filter((q) => q.id !== named.id).every((q) => !q.contested)).toBe(true);
    expect(JSON.stringify(queue)).not.toMatch(/Dee\.Rep|dee\.rep/);
    // The buyer's own view of his review says nothing about reports.
    expect(JSON.stringify(await ownContests(lou.id))).not.toContain(named.id);

    const [contest] = await ownContests(lou.id);
    expect(await closeReview({ id: contest!.id })).toEqual({ ok: true });
    expect((await reportReviewQueue()).map((q) => q.id)).not.toContain(named.id);
    expect((await reportBoard()).reports.map((r) => r.id)).toContain(named.id); // closing a review changes no report
  });

  it('expiry by severity deletes reports on their day and keeps their counts for the metrics', async () => {
    const today = await databaseToday(db());
    const ago = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) - days * 86_400_000);
    // Made 100 days ago: the annoying one (90 days) has expired, the risky one (1 year) has not.
    const annoying = await report(cid, { severity: 'annoying', category: 'no_show', occurredOn: ago(101).toISOString().slice(0, 10), plate: 'B XY 12E' }, ago(100));
    const risky = await report(cid, { severity: 'risky', category: 'payment', occurredOn: ago(101).toISOString().slice(0, 10) }, ago(100));
    const week = (await queryRows<{ w: string }>(db(), sql`select date_trunc('week', ${ago(100).toISOString().slice(0, 10)}::date)::date::text as w`))[0]!.w;
    const before = await reportWeeks(week);
    const cell = (rows: typeof before, category: string) => rows.filter((r) => r.week === week && r.category === category).reduce((s, r) => s + r.reports, 0);

    const expired = await db().transaction((tx) => expireReports(tx));
    expect(expired).toBe(1);
    expect(await db().$count(reports, eq(reports.id, annoying.id))).toBe(0);
    expect(await db().$count(reports, eq(reports.id, risky.id))).toBe(1);
    expect(await db().$count(reportIdentifiers, eq(reportIdentifiers.reportId, annoying.id))).toBe(0);
    const [counted] = await db().select().from(reportExpiredCounts).where(eq(reportExpiredCounts.week, week));
    expect(counted).toMatchObject({ category: 'no_show', severity: 'annoying', reports: 1 });
    // The weekly figures are unchanged by the deletion.
    const after = await reportWeeks(week);
    expect(cell(after, 'no_show')).toBe(cell(before, 'no_show'));
    expect(cell(after, 'payment')).toBe(1);
    expect(await db().transaction((tx) => expireReports(tx))).toBe(0); // idempotent
    await withdrawReport(risky.withdrawalCode);

    // The daily job does it: two runs at once, one claims the day.
    const dangerous = await report(cid, { severity: 'dangerous', category: 'violence', occurredOn: ago(800).toISOString().slice(0, 10) }, ago(731));
    const runs = await Promise.all([runDailyJobs({ force: true }), runDailyJobs({ force: true })]);
    expect(runs.filter((r) => r !== null).length).toBeGreaterThanOrEqual(1);
    expect(await db().$count(reports, eq(reports.id, dangerous.id))).toBe(0);
    const weekOfDangerous = (await queryRows<{ w: string }>(db(), sql`select date_trunc('week', ${ago(731).toISOString().slice(0, 10)}::date)::date::text as w`))[0]!.w;
    const [kept] = await db().select().from(reportExpiredCounts).where(eq(reportExpiredCounts.week, weekOfDangerous));
    expect(kept).toMatchObject({ category: 'violence', severity: 'dangerous', reports: 1 });
  });

  it('metrics: a free-text warning on the board counts as category "other", without a severity and without its author', async () => {
    const week = (await queryRows<{ w: string }>(db(), sql`select date_trunc('week', current_date)::date::text as w`))[0]!.w;
    const board = async () => (await reportWeeks(week)).filter((c) => c.week === week && c.severity === BOARD_SEVERITY);
    const before = (await board()).reduce((s, c) => s + c.reports, 0);
    for (const by of [ann, bea]) expect((await sendMessage(by.id, { kind: 'warning', body: 'Blue van at the north exit, keeps asking for no condom', days: 7 })).ok).toBe(true);
    expect((await sendMessage(cid.id, { kind: 'direct', to: 'Ann.Rep', body: 'saw it, thanks', days: 7 })).ok).toBe(true); // not on the board
    const cells = await board();
    expect(cells.map((c) => c.category)).toEqual(['other']);
    expect(cells[0]!.reports).toBe(before + 2);
    const [row] = await db().select().from(boardWarningCounts).where(eq(boardWarningCounts.week, week));
    expect(Object.keys(row!).sort()).toEqual(['warnings', 'week']); // a counter: no author, no text, no day
    // On the dashboard: in the total and under "other", in no severity column.
    const figures = reportWeekMetrics(week, { cells: [...cells, { category: 'violence', severity: 'risky', reports: 5 }], lookups: 0, warnings: 0 });
    expect(figures.total).toBe(cells[0]!.reports + 5);
    expect(figures.byCategory.other).toBe(cells[0]!.reports >= 5 ? cells[0]!.reports : null);
    expect(figures.bySeverity).toEqual({ dangerous: null, risky: 5, annoying: null });
  });

  it('metrics: repeat identifiers count distinct reporters, look-ups are counted per day without a person', async () => {
    const start = await repeatIdentifiers();
    await report(ann, { phone: '+44 20 7946 0958' });
    await report(ann, { phone: '0044 20 7946 0958' }); // the same seller twice is one reporter
    expect(await repeatIdentifiers()).toBe(start);
    await report(bea, { phone: '+442079460958' });
    expect(await repeatIdentifiers()).toBe(start + 1);

    const today = await databaseToday(db());
    const week = (await queryRows<{ w: string }>(db(), sql`select date_trunc('week', current_date)::date::text as w`))[0]!.w;
    const count = async () => (await lookupWeeks(week)).find((w) => w.week === week) ?? { lookups: 0, warnings: 0 };
    await flushLookups(); // what earlier tests looked up
    const before = await count();
    await lookupIdentifier({ kind: 'phone', value: '+442079460958' }); // risky reports: a warning
    await lookupIdentifier({ kind: 'phone', value: '+491701234567' }); // nothing
    // Summed in the process and written every few seconds, or when the figures are read.
    await flushLookups();
    expect(await count()).toMatchObject({ lookups: before.lookups + 2, warnings: before.warnings + 1 });
    // Many at once: every one counted, once (no row lock to queue for, nothing lost or doubled).
    await Promise.all(Array.from({ length: 50 }, (_, i) => lookupIdentifier({ kind: 'phone', value: i % 2 ? '+442079460958' : '+491701234567' })));
    expect(await count()).toMatchObject({ lookups: before.lookups + 2, warnings: before.warnings + 1 }); // not yet written
    await Promise.all([flushLookups(), flushLookups()]);
    expect(await count()).toMatchObject({ lookups: before.lookups + 52, warnings: before.warnings + 26 });
    const days = await queryRows<Record<string, unknown>>(db(), sql`select * from lookup_daily_counts`);
    expect(days.map((d) => Object.keys(d).sort())).toEqual(days.map(() => ['day', 'lookups', 'warnings']));
    expect(days.map((d) => String(d.day).slice(0, 10))).toContain(today);
  });

  it("a report's expiry follows the members' voted days, within the operator's REPORT_DAYS_*", async () => {
    const today = await databaseToday(db());
    const plus = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const annoying = { severity: 'annoying', category: 'no_show' } as const;
    expect((await report(cid, annoying)).expiresOn).toBe(plus(90)); // version 1: 90 days
    await db().insert(parameterVersions).values({ version: 99, params: { ...VERSION_1, reportExpiryAnnoyingDays: 30, reportExpiryDangerousDays: 1000 }, inForceFrom: today });
    noteNewVersion();
    try {
      expect((await report(cid, annoying)).expiresOn).toBe(plus(30));
      // Voted longer than the operator allows (REPORT_DAYS_DANGEROUS, 730 by default): the operator's wins.
      expect((await report(cid, { severity: 'dangerous', category: 'violence' })).expiresOn).toBe(plus(730));
    } finally {
      await db().delete(parameterVersions).where(eq(parameterVersions.version, 99));
      noteNewVersion();
    }
  });

  it('the board comes a page at a time: every live report on exactly one page, newest first, and an empty page past the end', async () => {
    const today = await databaseToday(db());
    const dayBefore = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    // Enough for three pages, on several days: the order is by the day it happened, then the newest.
    for (let i = 0; i < BOARD_PAGE_SIZE + 6; i++) await report(dee, { severity: 'annoying', category: 'no_show', occurredOn: dayBefore(i % 4) });
    const [live] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from reports where state = 'live' and expires_on > current_date`);
    const seen: string[] = [];
    const days: string[] = [];
    let page = 1;
    for (; ; page++) {
      const { reports: shown, hasOlder } = await reportBoard(page);
      expect(shown.length).toBeLessThanOrEqual(BOARD_PAGE_SIZE);
      if (hasOlder) expect(shown).toHaveLength(BOARD_PAGE_SIZE);
      seen.push(...shown.map((r) => r.id));
      days.push(...shown.map((r) => r.occurredOn));
      if (!hasOlder) break;
    }
    expect(page).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(live!.n);
    expect(days).toEqual([...days].sort().reverse());
    expect(await reportBoard(page + 1)).toEqual({ reports: [], hasOlder: false });
  });
});
