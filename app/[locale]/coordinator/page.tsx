import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { TARGETS } from '@/lib/metrics/assemble';
import { weeklyMetrics } from '@/lib/metrics/dashboard';
import { reportMetrics } from '@/lib/metrics/report-dashboard';
import { weekSummary } from '@/lib/metrics/summary';
import { MIN_PEOPLE } from '@/lib/metrics/suppress';
import { MetricPanel, type MetricKey } from './_components/metric-panel';
import { ReportMetricsPanel } from './_components/report-metrics-panel';
import { SummaryCard } from './_components/summary-card';

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
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  await requireRole('coordinator', '/coordinator');
  const [t, format, { asOf, weeks }, reports] = await Promise.all([getTranslations('Dashboard'), getFormatter(), weeklyMetrics(), reportMetrics()]);
  const summary = weekSummary(weeks);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {summary && <SummaryCard summary={summary} />}
      <p>
        {/* Linked from the page body: the coordinator navigation is another change's. */}
        <Link href="/coordinator/reviews" className="inline-flex min-h-11 items-center font-medium underline underline-offset-4">
          {t('reviewsLink')}
        </Link>
      </p>
      <p>{t('explain', { min: MIN_PEOPLE })}</p>
      <p>{t('asOf', { date: format.dateTime(new Date(asOf), { dateStyle: 'medium' }) })}</p>
      <p className="text-sm text-stone-600">{t('antiMetrics')}</p>
      <p>
        {/* The file's dialect (separator, decimal mark) follows the page's language. */}
        <a href={`/api/coordinator/metrics.csv?locale=${locale}`} className="inline-flex min-h-11 items-center underline underline-offset-4" download>
          {t('csv')}
        </a>
      </p>
      {PANELS.map((p) => (
        <MetricPanel key={p.metric} weeks={weeks} {...p} />
      ))}
      <ReportMetricsPanel weeks={reports.weeks} repeatIdentifiers={reports.repeatIdentifiers} />
    </div>
  );
}
