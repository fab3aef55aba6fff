import { REPORT_CATEGORIES, REPORT_SEVERITIES } from '@/lib/reports/rules';
import type { WeekMetrics } from './assemble';
import type { ReportWeekMetrics } from './reports';

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

const camel = (s: string) => s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase());

/** The incident-report figures, per week as on the dashboard; the repeat identifiers are today's count, on the last row. */
const REPORT_COLUMNS = [
  'reports',
  ...REPORT_SEVERITIES.map((s) => `reports${camel(s)}`),
  ...REPORT_CATEGORIES.map((c) => `reports${camel(c)}`),
  'lookupWarningShare',
  'repeatReportedIdentifiers',
];

function reportCells(r: ReportWeekMetrics | undefined, repeat: number | null | undefined): (number | null | '')[] {
  if (!r) return REPORT_COLUMNS.map(() => '');
  return [r.total, ...REPORT_SEVERITIES.map((s) => r.bySeverity[s]), ...REPORT_CATEGORIES.map((c) => r.byCategory[c]), r.warningShare, repeat === undefined ? '' : repeat];
}

const RATES = new Set<string>(['codeUsage', 'buyerRatingRate', 'sellerRatingRate', 'retention', 'lookupWarningShare']);

export type CsvLocale = 'de' | 'en';

/**
 * German Excel splits on `;` (the comma is its decimal mark) and reads UTF-8 only with a BOM;
 * English spreadsheets expect the comma and the point.
 */
const DIALECT: Record<CsvLocale, { separator: string; decimal: string; bom: string }> = {
  de: { separator: ';', decimal: ',', bom: '\uFEFF' },
  en: { separator: ',', decimal: '.', bom: '' },
};

export interface ReportFigures {
  weeks: ReportWeekMetrics[];
  repeatIdentifiers: number | null;
}

/**
 * The dashboard's tables as CSV, one row per week: the pilot's figures, then the incident
 * reports' (by severity, by category, the share of look-ups with a warning), with the same
 * suppression ("< 5" for counts, "—" for rates).
 */
export function metricsCsv(weeks: WeekMetrics[], locale: CsvLocale = 'en', reports?: ReportFigures): string {
  const { separator, decimal, bom } = DIALECT[locale];
  const header = ['week', ...COLUMNS, ...(reports ? REPORT_COLUMNS : [])];
  const cell = (column: string, v: number | null | '') => {
    if (v === '') return '';
    if (v === null) return RATES.has(column) ? '—' : '< 5';
    return RATES.has(column) ? v.toFixed(4).replace('.', decimal) : String(v);
  };
  const byWeek = new Map(reports?.weeks.map((r) => [r.week, r]));
  const lines = [header.join(separator)];
  weeks.forEach((w, i) => {
    const values = [...COLUMNS.map((c) => w[c]), ...(reports ? reportCells(byWeek.get(w.week), i === weeks.length - 1 ? reports.repeatIdentifiers : undefined) : [])];
    lines.push([w.week, ...values.map((v, n) => cell(header[n + 1]!, v))].join(separator));
  });
  return `${bom}${lines.join('\r\n')}\r\n`;
}

/**
 * Which dialect a request gets: `?locale=de|en` first (the dashboard's link sets it), else the
 * best-weighted of German or English in Accept-Language, else English.
 */
export function csvLocale(param: string | null, acceptLanguage: string | null): CsvLocale {
  if (param === 'de' || param === 'en') return param;
  let best: { locale: CsvLocale; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const locale = tag.split('-')[0];
    if (locale !== 'de' && locale !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? 'en';
}
