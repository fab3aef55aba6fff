import { getFormatter, getTranslations } from 'next-intl/server';
import { MIN_PEOPLE } from '@/lib/metrics/suppress';
import type { TargetState, WeekSummary } from '@/lib/metrics/summary';
import { StatusIcon, type IconName } from './status-icon';

const LOOK: Record<TargetState, { icon: IconName; className: string }> = {
  met: { icon: 'check', className: 'text-green-800' },
  below: { icon: 'warning', className: 'text-amber-800' },
  hidden: { icon: 'hidden', className: 'text-stone-600' },
};

/** The answer first: this week against the pilot's three targets, each as icon plus words. */
export async function SummaryCard({ summary }: { summary: WeekSummary }) {
  const [t, format] = await Promise.all([getTranslations('Dashboard'), getFormatter()]);
  const pct = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="summary" className="space-y-2 rounded-md border-2 border-violet-800 bg-white p-3">
      <h2 id="summary" className="text-lg font-semibold">{t('summaryTitle')}</h2>
      <p className="text-sm text-stone-600">{t('summaryWeek', { week: format.dateTime(new Date(summary.week), { dateStyle: 'medium' }) })}</p>
      <ul className="space-y-2">
        {summary.lines.map((line) => (
          <li key={line.metric} className="flex items-start gap-2">
            <StatusIcon name={LOOK[line.state].icon} className={`mt-0.5 ${LOOK[line.state].className}`} />
            <span>
              <strong>{t(`summaryState.${line.state}`)}</strong>
              {': '}
              {t(`summaryName.${line.metric}`)}{' '}
              {line.value === null
                ? t('summaryHidden', { min: MIN_PEOPLE, target: pct(line.target) })
                : t('summaryValue', { value: pct(line.value), target: pct(line.target) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
