import { getTranslations, setRequestLocale } from 'next-intl/server';
import { listRegions } from '@/db/queries/report-regions';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { ReportForm } from '../_components/report-form';
import { PageMessages } from '../../../_components/page-messages';

/** The report form: no reporter is stored; she is shown a code to withdraw it with. */
export default async function NewReportPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  await requireRole('seller', '/seller/reports/new');
  const [t, regions] = await Promise.all([getTranslations('Reports'), listRegions()]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <PageMessages namespaces={['Errors', 'Reports']}>
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t('newTitle')}</h1>
        <p>{t('newExplain')}</p>
        <ReportForm regions={regions} today={today} />
        <p>
          <Link href="/seller/reports" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('backToReports')}</Link>
        </p>
      </div>
    </PageMessages>
  );
}
