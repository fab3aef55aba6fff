import 'server-only';
import { lastWeeks } from '@/db/queries/metrics';
import { lookupWeeks, repeatIdentifiers, reportWeeks } from '@/db/queries/report-metrics';
import { flushLookups } from '@/lib/reports/lookup-tally';
import { repeatIdentifierFigure, reportWeekMetrics, type ReportWeekMetrics } from './reports';

/** The last 12 weeks of incident-report figures, and today's repeat identifiers, suppressed. */
export async function reportMetrics(): Promise<{ weeks: ReportWeekMetrics[]; repeatIdentifiers: number | null }> {
  const weeks = await lastWeeks();
  const since = weeks[0]!;
  await flushLookups(); // this process's look-ups so far; other processes' within FLUSH_MS
  const [cells, lookups, repeated] = await Promise.all([reportWeeks(since), lookupWeeks(since), repeatIdentifiers()]);
  const lookupsByWeek = new Map(lookups.map((l) => [l.week, l]));
  return {
    weeks: weeks.map((week) =>
      reportWeekMetrics(week, {
        cells: cells.filter((c) => c.week === week),
        lookups: lookupsByWeek.get(week)?.lookups ?? 0,
        warnings: lookupsByWeek.get(week)?.warnings ?? 0,
      }),
    ),
    repeatIdentifiers: repeatIdentifierFigure(repeated),
  };
}
