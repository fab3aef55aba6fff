import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { TARGETS } from '@/lib/metrics/assemble';
import { weeklyMetrics } from '@/lib/metrics/dashboard';
import { MIN_PEOPLE } from '@/lib/metrics/suppress';
import { MetricPanel, type MetricKey } from './_components/metric-panel';

const PANELS: { metric: MetricKey; percent?: boolean; target?: number }[] = [
  { metric: 'encounters' },
  { metric: 'codeUsage', percent: true, target: TARGETS.codeUsage },
  { metric: 'buyerRatingRate', percent: true, target: TARGETS.buyerRatingRate },
  { metric: 'sellerRatingRate', percent: true },
  { metric: 'retention', percent: true, target: TARGETS.retention },
  { metric: 'unsafeFlags' },
  { metric: 'repeatOffenders' },
  { metric: 'signUps' },
  { metric: 'activeSellers' },
];

/** Aggregates only: no page here can show, or be used to find, a person. */
export default async function Dashboard({ params }: PageProps<'/[locale]/coordinator'>) {
  setRequestLocale((await params).locale as Locale);
  await requireRole('coordinator', '/coordinator');
  const [t, weeks] = await Promise.all([getTranslations('Dashboard'), weeklyMetrics()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('explain', { min: MIN_PEOPLE })}</p>
      <p className="text-sm text-stone-600">{t('antiMetrics')}</p>
      <p>
        <a href="/api/coordinator/metrics.csv" className="underline underline-offset-4" download>
          {t('csv')}
        </a>
      </p>
      {PANELS.map((p) => (
        <MetricPanel key={p.metric} weeks={weeks} {...p} />
      ))}
    </div>
  );
}
