import { REPORT_CATEGORIES, REPORT_SEVERITIES, type ReportCategory, type ReportSeverity } from '@/lib/reports/rules';
import { suppressCount, suppressRate } from './suppress';

// Pure: the incident-report figures of the dashboard, every one through suppression. No reporter
// is stored, so a count of reports stands for the people behind it (as the repeat offenders'
// count does): a cell of fewer than 5 reports is hidden.

export interface ReportWeekInputs {
  cells: { category: string; severity: string; reports: number }[];
  lookups: number;
  warnings: number;
}

export interface ReportWeekMetrics {
  week: string;
  total: number | null;
  bySeverity: Record<ReportSeverity, number | null>;
  byCategory: Record<ReportCategory, number | null>;
  /** Share of look-ups that showed a warning. */
  warningShare: number | null;
}

const hide = (count: number) => suppressCount(count, count);

export function reportWeekMetrics(week: string, i: ReportWeekInputs): ReportWeekMetrics {
  const sum = (keep: (c: ReportWeekInputs['cells'][number]) => boolean) => i.cells.filter(keep).reduce((s, c) => s + c.reports, 0);
  return {
    week,
    total: hide(sum(() => true)),
    bySeverity: Object.fromEntries(REPORT_SEVERITIES.map((s) => [s, hide(sum((c) => c.severity === s))])) as Record<ReportSeverity, number | null>,
    byCategory: Object.fromEntries(REPORT_CATEGORIES.map((k) => [k, hide(sum((c) => c.category === k))])) as Record<ReportCategory, number | null>,
    warningShare: suppressRate(i.warnings, i.lookups, i.lookups),
  };
}

/** Identifiers reported by ≥ 2 distinct sellers: a count, hidden below 5. */
export const repeatIdentifierFigure = (count: number) => hide(count);
