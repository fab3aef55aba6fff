import 'server-only';
import { getDb } from '@/db/index';
import { allowLongStatements, claimDailyJob, flushQueues, scheduleDailyJob } from '@/db/queries/daily-batch';
import { vacuumAnalyze } from '@/db/queries/health';
import { expireReports } from '@/db/queries/reports';
import { crashPoint } from '@/lib/crash-point';
import { refreshWeeklyMetrics } from '@/lib/metrics/dashboard';
import { env } from '@/lib/env';
import { foldOldEncounters } from './fold';
import { versionInForce } from '@/db/queries/parameters';

const JOB = 'retention';
const METRICS_JOB = 'dashboard-figures';

export interface DailyRun {
  /** Encounters older than the window, folded and deleted. */
  encounters: number;
  /** Rows written from the day's queues. */
  feedback: number;
  tombstones: number;
  invites: number;
}

/**
 * Once a day: writes the previous days' queues in a shuffled batch, folds and deletes encounters
 * older than RETENTION_DAYS, deletes expired incident reports (keeping their counts), all in one transaction with the day's claim (killed, it did nothing
 * and the next timer tick runs it), then vacuums so the deleted rows leave the data files; then
 * counts the dashboard's figures.
 * `force` (npm run purge) runs even if today's run is done; `includeToday` flushes today's queue too.
 */
export async function runDailyJobs(options: { force?: boolean; includeToday?: boolean; days?: number } = {}): Promise<DailyRun | null> {
  // The members' voted window, within the operator's RETENTION_DAYS (the shorter wins: an operator
  // can keep less than the cooperative decided, never more).
  const days = options.days ?? Math.min(env().RETENTION_DAYS, (await versionInForce()).params.retentionDays);
  await scheduleDailyJob(JOB);
  const run = await getDb().transaction(async (tx) => {
    if (!(await claimDailyJob(JOB, options.force ?? false, tx))) return null;
    await allowLongStatements(tx);
    const batch = await flushQueues(tx, options.includeToday ?? false);
    await crashPoint('retention-half-done');
    // Incident reports past their expiry day: counted by week, category and severity, then deleted.
    await expireReports(tx);
    return { encounters: await foldOldEncounters(days, tx), ...batch };
  });
  if (run) await vacuumAnalyze();
  await countDashboardFigures(options.force ?? false);
  return run;
}

/**
 * The coordinator dashboard's weekly figures, counted once a day (it reads them, never the rows):
 * after the batch, so that they include the sign-ups it wrote; claimed and committed on their
 * own, so that a failure here never holds back the retention job.
 */
async function countDashboardFigures(force: boolean) {
  await scheduleDailyJob(METRICS_JOB);
  await getDb().transaction(async (tx) => {
    if (!(await claimDailyJob(METRICS_JOB, force, tx))) return;
    await allowLongStatements(tx);
    await refreshWeeklyMetrics(tx);
  });
}
