import { TARGETS, type WeekMetrics } from './assemble';

// Pure: the dashboard's opening card, one line per target of the seed (§10).

export type TargetMetric = keyof typeof TARGETS;
export type TargetState = 'met' | 'below' | 'hidden';

export interface TargetLine {
  metric: TargetMetric;
  /** null when suppressed: fewer than 5 people behind it. */
  value: number | null;
  target: number;
  state: TargetState;
}

export interface WeekSummary {
  week: string;
  lines: TargetLine[];
}

const ORDER: TargetMetric[] = ['codeUsage', 'buyerRatingRate', 'retention'];

/** The seed says "> 60 %" etc.: a figure exactly on the target has not yet passed it. */
export function targetState(value: number | null, target: number): TargetState {
  if (value === null) return 'hidden';
  return value > target ? 'met' : 'below';
}

/** This (the latest) week against the targets; null if there are no weeks at all. */
export function weekSummary(weeks: WeekMetrics[]): WeekSummary | null {
  const latest = weeks.at(-1);
  if (!latest) return null;
  return {
    week: latest.week,
    lines: ORDER.map((metric) => {
      const value = latest[metric];
      return { metric, value, target: TARGETS[metric], state: targetState(value, TARGETS[metric]) };
    }),
  };
}
