import 'server-only';
import {
  activityWeeks,
  codeWeeks,
  lastWeeks,
  redemptionWeeks,
  repeatOffenderWeeks,
  signUpWeeks,
  unsafeFlagWeeks,
} from '@/db/queries/metrics';
import { EMPTY_INPUTS, weekMetrics, type WeekInputs, type WeekMetrics } from './assemble';

const byWeek = <T extends { week: string }>(rows: T[]) => new Map(rows.map((r) => [r.week, r]));

/** The last 12 ISO weeks of pilot metrics, suppressed where fewer than 5 people are behind a figure. */
export async function weeklyMetrics(): Promise<WeekMetrics[]> {
  const weeks = await lastWeeks();
  const since = weeks[0]!;
  const [codes, redemptions, unsafe, offenders, signUps, activity] = await Promise.all([
    codeWeeks(since).then(byWeek),
    redemptionWeeks(since).then(byWeek),
    unsafeFlagWeeks(since).then(byWeek),
    repeatOffenderWeeks(weeks).then(byWeek),
    signUpWeeks(since).then(byWeek),
    activityWeeks(weeks).then(byWeek),
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
