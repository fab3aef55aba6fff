import { getFormatter, getTranslations } from 'next-intl/server';
import type { WeekMetrics } from '@/lib/metrics/assemble';
import { MetricChart } from './metric-chart';

export type MetricKey = Exclude<keyof WeekMetrics, 'week'>;

/** One metric: chart and, beside it, the same figures as an accessible table. */
export async function MetricPanel({ metric, weeks, percent, target }: { metric: MetricKey; weeks: WeekMetrics[]; percent?: boolean; target?: number }) {
  const [t, format] = await Promise.all([getTranslations('Dashboard'), getFormatter()]);
  const shown = (v: number | null) =>
    v === null ? (percent ? '—' : t('suppressed')) : percent ? format.number(v, { style: 'percent', maximumFractionDigits: 1 }) : format.number(v);
  const title = t(`metric.${metric}`);
  return (
    <section aria-labelledby={`m-${metric}`} className="space-y-2 rounded-md border border-stone-200 bg-white p-3">
      <h2 id={`m-${metric}`} className="font-semibold">{title}</h2>
      {target !== undefined && <p className="text-sm text-stone-600">{t('target', { target: format.number(target, { style: 'percent' }) })}</p>}
      <div className="grid gap-3 md:grid-cols-2">
        <MetricChart points={weeks.map((w) => ({ week: w.week, value: w[metric] }))} percent={percent} target={target} label={title} />
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
    </section>
  );
}
