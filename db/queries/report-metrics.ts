import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '../client';
import { getDb, type Executor } from '../index';

// Aggregates of incident reports for the coordinator dashboard: counts only, never a report,
// an identifier or a person.

const n = (v: unknown) => Number(v ?? 0);

export interface ReportCell {
  week: string;
  category: string;
  severity: string;
  reports: number;
}

/** Severity of the free-text board warnings in the figures: they have none. */
export const BOARD_SEVERITY = 'none';

/**
 * Reports by the week they were made (Monday), category and severity: the reports still stored
 * (live or hidden; removed ones were judged wrong), the counts kept for expired ones, and the
 * free-text board warnings as category "other" without a severity.
 */
export async function reportWeeks(since: string, db: Executor = getDb()): Promise<ReportCell[]> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select to_char(week, 'YYYY-MM-DD') as week, category, severity, sum(reports)::int as reports from (
      select date_trunc('week', created_on)::date as week, category::text, severity::text, count(*)::int as reports
      from reports where state <> 'removed' and created_on >= ${since}::date group by 1, 2, 3
      union all
      select week, category::text, severity::text, reports from report_expired_counts where week >= ${since}::date
      union all
      select week, 'other', ${BOARD_SEVERITY}::text, warnings from board_warning_counts where week >= ${since}::date
    ) as all_reports
    group by 1, 2, 3`);
  return rows.map((r) => ({ week: String(r.week), category: String(r.category), severity: String(r.severity), reports: n(r.reports) }));
}

/** Identifiers named in live reports by at least two distinct sellers: how many, never which. */
export async function repeatIdentifiers(db: Executor = getDb()): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(db, sql`
    select count(*) as n from (
      select i.hash from report_identifiers i join reports r on r.id = i.report_id
      where r.state = 'live' and r.expires_on > current_date
      group by i.hash having count(distinct i.reporter_tag) >= 2
    ) as repeated`);
  return n(row?.n);
}

/** One free-text warning more on the board this week: a counter, never a person. */
export async function countBoardWarning(db: Executor): Promise<void> {
  await db.execute(sql`
    insert into board_warning_counts (week, warnings) values (date_trunc('week', current_date)::date, 1)
    on conflict (week) do update set warnings = board_warning_counts.warnings + 1`);
}

/** Look-ups per week and how many showed a warning, from the daily counters. */
export async function lookupWeeks(since: string, db: Executor = getDb()) {
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select to_char(date_trunc('week', day), 'YYYY-MM-DD') as week, sum(lookups) as lookups, sum(warnings) as warnings
    from lookup_daily_counts where day >= ${since}::date group by 1`);
  return rows.map((r) => ({ week: String(r.week), lookups: n(r.lookups), warnings: n(r.warnings) }));
}
