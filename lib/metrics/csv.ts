import type { WeekMetrics } from './assemble';

const COLUMNS = [
  'encounters',
  'codeUsage',
  'buyerRatingRate',
  'sellerRatingRate',
  'retention',
  'unsafeFlags',
  'repeatOffenders',
  'signUps',
  'activeSellers',
] as const satisfies readonly Exclude<keyof WeekMetrics, 'week'>[];

const RATES = new Set<string>(['codeUsage', 'buyerRatingRate', 'sellerRatingRate', 'retention']);

/** The dashboard's table as CSV: the same suppressed figures ("< 5" for counts, "—" for rates). */
export function metricsCsv(weeks: WeekMetrics[]): string {
  const lines = [['week', ...COLUMNS].join(',')];
  for (const w of weeks) {
    const cells = COLUMNS.map((c) => {
      const v = w[c];
      if (v === null) return RATES.has(c) ? '—' : '< 5';
      return RATES.has(c) ? v.toFixed(4) : String(v);
    });
    lines.push([w.week, ...cells].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
