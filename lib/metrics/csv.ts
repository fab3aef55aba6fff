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

export type CsvLocale = 'de' | 'en';

/**
 * German Excel splits on `;` (the comma is its decimal mark) and reads UTF-8 only with a BOM;
 * English spreadsheets expect the comma and the point.
 */
const DIALECT: Record<CsvLocale, { separator: string; decimal: string; bom: string }> = {
  de: { separator: ';', decimal: ',', bom: '\uFEFF' },
  en: { separator: ',', decimal: '.', bom: '' },
};

/** The dashboard's table as CSV: the same suppressed figures ("< 5" for counts, "—" for rates). */
export function metricsCsv(weeks: WeekMetrics[], locale: CsvLocale = 'en'): string {
  const { separator, decimal, bom } = DIALECT[locale];
  const lines = [['week', ...COLUMNS].join(separator)];
  for (const w of weeks) {
    const cells = COLUMNS.map((c) => {
      const v = w[c];
      if (v === null) return RATES.has(c) ? '—' : '< 5';
      return RATES.has(c) ? v.toFixed(4).replace('.', decimal) : String(v);
    });
    lines.push([w.week, ...cells].join(separator));
  }
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
