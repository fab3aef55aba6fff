import { getFormatter, getTranslations } from 'next-intl/server';
import type { WeekMetrics } from '@/lib/metrics/assemble';
import { MIN_PEOPLE } from '@/lib/metrics/suppress';
import { MetricChart } from './metric-chart';

export type MetricKey = Exclude<keyof WeekMetrics, 'week'>;

/**
 * One metric: its latest figure in view, the chart and the same figures as an accessible table
 * collapsed below (a phone shows nine of these; open, they are about 6,000 px).
 */
export async function MetricPanel({ metric, weeks, percent, target }: { metric: MetricKey; weeks: WeekMetrics[]; percent?: boolean; target?: number }) {
  const [t, format] = await Promise.all([getTranslations('Dashboard'), getFormatter()]);
  const shown = (v: number | null) =>
    v === null ? (percent ? '—' : t('suppressed')) : percent ? format.number(v, { style: 'percent', maximumFractionDigits: 1 }) : format.number(v);
  const title = t(`metric.${metric}`);
  const values = weeks.map((w) => w[metric]);
  const latest = values.at(-1) ?? null;
  const allHidden = values.every((v) => v === null);
  return (
    <section aria-labelledby={`m-${metric}`} className="space-y-1 rounded-md border border-stone-200 bg-white p-3">
      <h2 id={`m-${metric}`} className="font-semibold">{title}</h2>
      <p className="text-sm">
        {latest === null ? t('latestHidden', { min: MIN_PEOPLE }) : t('latest', { value: shown(latest) })}
        {target !== undefined && <span className="text-stone-600"> · {t('target', { target: format.number(target, { style: 'percent' }) })}</span>}
      </p>
      <details className="group">
        <summary className="flex min-h-11 cursor-pointer items-center rounded-md font-medium text-violet-800 underline underline-offset-4">
          {t('details')}
        </summary>
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          {allHidden ? (
            <p className="text-sm">{t('allHidden', { min: MIN_PEOPLE })}</p>
          ) : (
            <MetricChart points={weeks.map((w) => ({ week: w.week, value: w[metric] }))} percent={percent} target={target} />
          )}
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col" className="text-left font-medium">{t('week')}</th>
                  <th scope="col" className="text-right font-medium">{t('value')}</th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.week} className="border-t border-stone-100">
                    <th scope="row" className="text-left font-normal">{format.dateTime(new Date(w.week), { dateStyle: 'medium' })}</th>
                    <td className="text-right tabular-nums">{shown(w[metric])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {values.some((v) => v === null) && <p className="text-sm text-stone-600 md:col-span-2">{t('suppressedNote', { min: MIN_PEOPLE })}</p>}
        </div>
      </details>
    </section>
  );
}
