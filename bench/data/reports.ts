import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/index';

/** Incident reports per rating: one in a hundred (1,000,000 ratings → 10,000 reports). */
export const RATINGS_PER_REPORT = 100;

/**
 * Incident reports in proportion to the ratings, over the last 700 days (live: they expire after 730), every category and
 * severity, with two identifiers each (a phone number and a plate); every phone number is named
 * by two reports from different reporters, so repeat identifiers exist. The identifiers are
 * hashes of synthetic values and the bodies are absent (shown as unreadable): what the benchmark
 * needs is the rows and the index, not readable text.
 */
export async function writeReports(db: Executor, ratings: number): Promise<void> {
  const n = Math.max(2, Math.round(ratings / RATINGS_PER_REPORT));
  const reportId = sql`md5('bench-report-' || i)::uuid`;
  await db.execute(sql`
    insert into reports (id, category, severity, occurred_on, created_on, expires_on, withdrawal_hash)
    select ${reportId}, (enum_range(null::report_category))[1 + i % 9], (enum_range(null::report_severity))[1 + i % 3],
      current_date - 1 - i % 700, current_date - 1 - i % 700, current_date - 1 - i % 700 + 730, 'bench-' || md5('withdraw-' || i)
    from generate_series(1, ${n}::int) i`);
  await db.execute(sql`
    insert into report_identifiers (report_id, kind, hash, reporter_tag)
    select ${reportId}, 'phone'::report_identifier_kind, md5('bench-phone-' || (i % ${Math.ceil(n / 2)}::int)), md5('bench-tag-phone-' || i) from generate_series(1, ${n}::int) i
    union all
    select ${reportId}, 'plate'::report_identifier_kind, md5('bench-plate-' || i), md5('bench-tag-plate-' || i) from generate_series(1, ${n}::int) i`);
}

/** The id writeReports gives its i-th report (Postgres's md5(…)::uuid, in Node): the bench audits report 1's page. */
export function benchReportId(i: number): string {
  const hex = createHash('md5').update(`bench-report-${i}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
