import 'server-only';
import { getDb, type Executor } from '@/db/index';
import {
  activityWeeks,
  codeWeeks,
  lastWeeks,
  redemptionWeeks,
  repeatOffenderWeeks,
  signUpWeeks,
  unsafeFlagWeeks,
} from '@/db/queries/metrics';
import { storedMetricWeeks, storeMetricWeeks } from '@/db/queries/metric-weeks';
import { EMPTY_INPUTS, weekMetrics, type WeekInputs, type WeekMetrics } from './assemble';

const byWeek = <T extends { week: string }>(rows: T[]) => new Map(rows.map((r) => [r.week, r]));

/** The last 12 ISO weeks of pilot metrics counted from the rows, suppressed where fewer than 5 people are behind a figure. */
export async function countWeeklyMetrics(db: Executor = getDb()): Promise<WeekMetrics[]> {
  const weeks = await lastWeeks(db);
  const since = weeks[0]!;
  const [codes, redemptions, unsafe, offenders, signUps, activity] = await Promise.all([
    codeWeeks(since, db).then(byWeek),
    redemptionWeeks(since, db).then(byWeek),
    unsafeFlagWeeks(since, db).then(byWeek),
    repeatOffenderWeeks(weeks, db).then(byWeek),
    signUpWeeks(since, db).then(byWeek),
    activityWeeks(weeks, db).then(byWeek),
  ]);
  return weeks.map((week) => {
    const inputs: WeekInputs = {
      codes: codes.get(week) ?? EMPTY_INPUTS.codes,
      redemptions: redemptions.get(week) ?? EMPTY_INPUTS.redemptions,
      unsafe: unsafe.get(week) ?? EMPTY_INPUTS.unsafe,
      repeatOffenders: offenders.get(week)?.buyers ?? 0,
      signUps: signUps.get(week)?.signUps ?? 0,
      activity: activity.get(week) ?? EMPTY_INPUTS.activity,
    };
    return weekMetrics(week, inputs);
  });
}

/**
 * Counts the figures and stores them (the daily job, in its transaction): only the suppressed
 * figures are kept, never the counts under them.
 */
export async function refreshWeeklyMetrics(db: Executor = getDb()): Promise<void> {
  const weeks = await countWeeklyMetrics(db);
  await storeMetricWeeks(weeks.map(({ week, ...figures }) => ({ week, figures })), db);
}

export interface Dashboard {
  /** The day the figures were counted (the daily job's), as YYYY-MM-DD. */
  asOf: string;
  weeks: WeekMetrics[];
}

/**
 * The dashboard's figures as the daily job stored them: a view reads 12 rows, never the
 * encounters. Counted and stored here only when nothing is stored yet (a new installation); a week
 * begun since the last count shows nothing until the next one.
 */
export async function weeklyMetrics(): Promise<Dashboard> {
  const weeks = await lastWeeks();
  let stored = await storedMetricWeeks(weeks[0]!);
  if (stored.length === 0) {
    await refreshWeeklyMetrics();
    stored = await storedMetricWeeks(weeks[0]!);
  }
  const figures = new Map(stored.map((s) => [s.week, s.figures as Omit<WeekMetrics, 'week'>]));
  return {
    asOf: stored.reduce((latest, s) => (s.computedOn > latest ? s.computedOn : latest), stored[0]!.computedOn),
    weeks: weeks.map((week) => {
      const f = figures.get(week);
      return f ? { ...f, week } : weekMetrics(week, EMPTY_INPUTS);
    }),
  };
}
