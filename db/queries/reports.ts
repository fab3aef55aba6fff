import 'server-only';
import { and, desc, eq, gt, inArray, isNull, sql, type Placeholder } from 'drizzle-orm';
import { queryRows } from '../client';
import { appendChangelog } from './changelog';
import { getDb, preparedQuery, type Executor } from '../index';
import { reportIdentifiers, reportMarks, reportRegions, reports, sellerAlertRegions, users } from '../schema';

export type NewReport = typeof reports.$inferInsert;
export type NewReportIdentifier = Omit<typeof reportIdentifiers.$inferInsert, 'reportId'>;

/** Live reports a look-up shows at most: the newest, from the hash index (a constant number of rows). */
export const MATCHES_MAX = 20;

export async function insertReport(values: NewReport, identifiers: NewReportIdentifier[], db: Executor): Promise<void> {
  await db.insert(reports).values(values);
  if (identifiers.length > 0) {
    await db
      .insert(reportIdentifiers)
      .values(identifiers.map((i) => ({ ...i, reportId: values.id })))
      .onConflictDoNothing();
  }
}

/**
 * Sellers to alert about a dangerous report in this region: those who chose it, or chose none.
 * The reporter too, if she is among them: the one seller left out of a report's alerts would be
 * its author, for anyone reading the notifications table.
 */
export async function alertRecipients(regionId: string | null, db: Executor): Promise<string[]> {
  const chose = db.select({ one: sql`1` }).from(sellerAlertRegions).where(eq(sellerAlertRegions.sellerId, users.id));
  const choseThis = regionId
    ? db.select({ one: sql`1` }).from(sellerAlertRegions).where(and(eq(sellerAlertRegions.sellerId, users.id), eq(sellerAlertRegions.regionId, regionId)))
    : null;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'seller'), choseThis ? sql`(not exists ${chose} or exists ${choseThis})` : undefined));
  return rows.map((r) => r.id);
}

const today = sql`current_date`;
const isLive = and(eq(reports.state, 'live'), gt(reports.expiresOn, today));

export const shownReportFields = {
  id: reports.id,
  category: reports.category,
  severity: reports.severity,
  occurredOn: reports.occurredOn,
  createdOn: reports.createdOn,
  region: reportRegions.name,
  keyVersion: reports.keyVersion,
  ciphertext: reports.ciphertext,
};

/** Live reports naming this identifier hash, newest first (the query itself: the benchmark and a test EXPLAIN it). */
export function matchingQuery(hash: string | Placeholder, db: Executor = getDb()) {
  return db
    .selectDistinct(shownReportFields)
    .from(reportIdentifiers)
    .innerJoin(reports, eq(reports.id, reportIdentifiers.reportId))
    .leftJoin(reportRegions, eq(reportRegions.id, reports.regionId))
    .where(and(eq(reportIdentifiers.hash, hash), isLive))
    .orderBy(desc(reports.occurredOn), desc(reports.createdOn), reports.id)
    .limit(MATCHES_MAX);
}

// Every look-up asks this: built once (preparedQuery).
const matching = preparedQuery((db) => matchingQuery(sql.placeholder('hash'), db).prepare('reports_matching'));
export async function reportsMatching(hash: string, db: Executor = getDb()) {
  return matching(db).execute({ hash });
}
export type StoredReport = Awaited<ReturnType<typeof reportsMatching>>[number];

/** Live reports, newest first (the sellers' board): `limit` of them after skipping `offset`. */
export async function liveReports(limit: number, offset = 0, db: Executor = getDb()) {
  return db
    .select(shownReportFields)
    .from(reports)
    .leftJoin(reportRegions, eq(reportRegions.id, reports.regionId))
    .where(isLive)
    .orderBy(desc(reports.occurredOn), desc(reports.createdOn), reports.id)
    .limit(limit)
    .offset(offset);
}

/** One live report by its id (its page on the board, with the "seems wrong" form); none when withdrawn, hidden, removed or expired. */
export async function liveReport(id: string, db: Executor = getDb()) {
  const [row] = await db
    .select(shownReportFields)
    .from(reports)
    .leftJoin(reportRegions, eq(reportRegions.id, reports.regionId))
    .where(and(eq(reports.id, id), isLive));
  return row ?? null;
}

/** Deletes the report whose withdrawal code hashes to this; false when there is none. */
export async function deleteReportByWithdrawal(hash: string, db: Executor = getDb()): Promise<boolean> {
  const rows = await db.delete(reports).where(eq(reports.withdrawalHash, hash)).returning({ id: reports.id });
  return rows.length > 0;
}

/** A "seems wrong" mark on a live or hidden report; false when this seller already marked it or there is no such report. */
export async function insertMark(values: typeof reportMarks.$inferInsert, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [report] = await tx.select({ state: reports.state }).from(reports).where(eq(reports.id, values.reportId)).for('update');
    if (!report || report.state === 'removed') return false;
    const rows = await tx.insert(reportMarks).values(values).onConflictDoNothing().returning({ id: reportMarks.id });
    return rows.length > 0;
  });
}

/**
 * The coordinators' queue (never a reporter: none is stored): reports with open marks, hidden
 * pending review, or naming one of `contested` (identifier hashes of people with an open contest).
 */
export async function reviewQueue(contested: string[] = [], db: Executor = getDb()) {
  const open = db.select({ reportId: reportMarks.reportId }).from(reportMarks).where(isNull(reportMarks.closedOn));
  const naming = contested.length
    ? await db.selectDistinct({ reportId: reportIdentifiers.reportId }).from(reportIdentifiers).where(inArray(reportIdentifiers.hash, contested))
    : [];
  const contestedIds = new Set(naming.map((r) => r.reportId));
  const rows = await db
    .select({ ...shownReportFields, state: reports.state, annotationKeyVersion: reports.annotationKeyVersion, annotationCiphertext: reports.annotationCiphertext })
    .from(reports)
    .leftJoin(reportRegions, eq(reportRegions.id, reports.regionId))
    .where(
      and(
        gt(reports.expiresOn, today),
        sql`${reports.state} <> 'removed'`,
        sql`(${reports.state} = 'hidden' or ${reports.id} in ${open}${contestedIds.size ? sql` or ${inArray(reports.id, [...contestedIds])}` : sql``})`,
      ),
    )
    .orderBy(desc(reports.createdOn), reports.id);
  const marks = rows.length
    ? await db
        .select({ id: reportMarks.id, reportId: reportMarks.reportId, reason: reportMarks.reason, noteKeyVersion: reportMarks.noteKeyVersion, noteCiphertext: reportMarks.noteCiphertext, createdOn: reportMarks.createdOn })
        .from(reportMarks)
        .where(and(inArray(reportMarks.reportId, rows.map((r) => r.id)), isNull(reportMarks.closedOn)))
        .orderBy(reportMarks.createdOn, reportMarks.id)
    : [];
  return rows.map((r) => ({ ...r, contested: contestedIds.has(r.id), marks: marks.filter((m) => m.reportId === r.id) }));
}

export async function setAnnotation(reportId: string, sealed: { keyVersion: number; ciphertext: string }, db: Executor = getDb()): Promise<boolean> {
  const rows = await db
    .update(reports)
    .set({ annotationKeyVersion: sealed.keyVersion, annotationCiphertext: sealed.ciphertext })
    .where(and(eq(reports.id, reportId), sql`${reports.state} <> 'removed'`))
    .returning({ id: reports.id });
  return rows.length > 0;
}

/** Hide pending review, or show again (and close the marks: the report was kept). */
export async function setReportShown(reportId: string, shownAgain: boolean, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(reports)
      .set({ state: shownAgain ? 'live' : 'hidden' })
      .where(and(eq(reports.id, reportId), sql`${reports.state} <> 'removed'`))
      .returning({ id: reports.id });
    if (rows.length > 0 && shownAgain) await tx.update(reportMarks).set({ closedOn: sql`current_date` }).where(and(eq(reportMarks.reportId, reportId), isNull(reportMarks.closedOn)));
    return rows.length > 0;
  });
}

/**
 * Removes a report after a review: its text and identifiers are deleted (it can no longer be
 * found or read), the row stays only as "removed" until its expiry day, and the public changelog
 * gains a line without names.
 */
export async function removeReport(reportId: string, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(reports)
      .set({ state: 'removed', keyVersion: null, ciphertext: null, annotationKeyVersion: null, annotationCiphertext: null })
      .where(and(eq(reports.id, reportId), sql`${reports.state} <> 'removed'`))
      .returning({ id: reports.id });
    if (rows.length === 0) return false;
    await tx.delete(reportIdentifiers).where(eq(reportIdentifiers.reportId, reportId));
    await tx.update(reportMarks).set({ closedOn: sql`current_date`, noteKeyVersion: null, noteCiphertext: null }).where(eq(reportMarks.reportId, reportId));
    await recordReportRemoval(tx);
    return true;
  });
}

/** The public changelog's line for a removed report, sealed into its hash chain: a date and what happened, never which report. */
export async function recordReportRemoval(db: Executor): Promise<void> {
  await appendChangelog('report_removed', {}, db);
}

/**
 * Deletes reports on their expiry day, after adding the live and hidden ones to the weekly
 * counters (week made, category, severity); removed reports were judged wrong and count nowhere.
 */
export async function expireReports(db: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`
    with expired as (delete from reports where expires_on <= current_date returning created_on, category, severity, state),
    counted as (
      insert into report_expired_counts (week, category, severity, reports)
      select date_trunc('week', created_on)::date, category, severity, count(*)::int from expired where state <> 'removed' group by 1, 2, 3
      on conflict (week, category, severity) do update set reports = report_expired_counts.reports + excluded.reports
      returning 1)
    select (select count(*)::int from expired) as n, (select count(*) from counted) as c`);
  return Number(row?.n ?? 0);
}

/** Adds a process's look-ups of a day, and how many showed a warning: a daily counter, never a person. */
export async function addLookups(day: string, lookups: number, warnings: number, db: Executor = getDb()): Promise<void> {
  await db.execute(sql`
    insert into lookup_daily_counts (day, lookups, warnings) values (${day}::date, ${lookups}, ${warnings})
    on conflict (day) do update set lookups = lookup_daily_counts.lookups + excluded.lookups, warnings = lookup_daily_counts.warnings + excluded.warnings`);
}
