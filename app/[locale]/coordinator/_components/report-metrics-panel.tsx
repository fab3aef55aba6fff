import { getFormatter, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format';
import type { ReportWeekMetrics } from '@/lib/metrics/reports';
import { MIN_PEOPLE } from '@/lib/metrics/suppress';
import { REPORT_CATEGORIES, REPORT_SEVERITIES } from '@/lib/reports/rules';

/** Incident reports per week by severity and category, repeat identifiers, look-ups with a warning: all suppressed below 5. */
export async function ReportMetricsPanel({ weeks, repeatIdentifiers }: { weeks: ReportWeekMetrics[]; repeatIdentifiers: number | null }) {
  const [t, tr, format] = await Promise.all([getTranslations('ReportMetrics'), getTranslations('Reports'), getFormatter()]);
  const count = (v: number | null) => (v === null ? t('suppressed') : format.number(v));
  const share = (v: number | null) => (v === null ? t('suppressed') : format.number(v, { style: 'percent', maximumFractionDigits: 1 }));
  const latest = weeks.at(-1);
  const cell = 'px-1 text-right tabular-nums';
  return (
    <section aria-labelledby="report-metrics" className="space-y-2 rounded-md border border-stone-200 bg-white p-3">
      <h2 id="report-metrics" className="font-semibold">{t('title')}</h2>
      <p className="text-sm">{t('repeat', { value: count(repeatIdentifiers) })}</p>
      <p className="text-sm">{t('share', { value: share(latest?.warningShare ?? null) })}</p>
      <details>
        <summary className="flex min-h-11 cursor-pointer items-center font-medium text-violet-800 underline underline-offset-4">{t('details')}</summary>
        <div className="mt-2 space-y-3 overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="text-left font-medium">{t('bySeverity')}</caption>
            <thead>
              <tr>
                <th scope="col" className="text-left font-medium">{t('week')}</th>
                {REPORT_SEVERITIES.map((s) => <th key={s} scope="col" className={cell}>{tr(`severity.${s}`)}</th>)}
                <th scope="col" className={cell}>{t('lookupShare')}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.week} className="border-t border-stone-100">
                  <th scope="row" className="text-left font-normal">{formatDate(format, w.week)}</th>
                  {REPORT_SEVERITIES.map((s) => <td key={s} className={cell}>{count(w.bySeverity[s])}</td>)}
                  <td className={cell}>{share(w.warningShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full text-sm">
            <caption className="text-left font-medium">{t('byCategory')}</caption>
            <thead>
              <tr>
                <th scope="col" className="text-left font-medium">{t('category')}</th>
                {weeks.slice(-4).map((w) => <th key={w.week} scope="col" className={cell}>{formatDate(format, w.week)}</th>)}
              </tr>
            </thead>
            <tbody>
              {REPORT_CATEGORIES.map((c) => (
                <tr key={c} className="border-t border-stone-100">
                  <th scope="row" className="text-left font-normal">{tr(`category.${c}`)}</th>
                  {weeks.slice(-4).map((w) => <td key={w.week} className={cell}>{count(w.byCategory[c])}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-sm text-stone-600">{t('boardNote')} {t('suppressedNote', { min: MIN_PEOPLE })}</p>
        </div>
      </details>
    </section>
  );
}
