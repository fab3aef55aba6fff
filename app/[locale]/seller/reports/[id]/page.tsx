import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { boardReportById } from '@/lib/reports/board';
import { BoardReportDetails } from '../_components/board-report';
import { MarkForm } from '../_components/small-forms';
import { PageMessages } from '../../../_components/page-messages';

/**
 * One report of the board with the "seems wrong" form. A page of its own, not a form under each of
 * the board's 25 reports: those made the board the slowest page to start on a phone (issue 21).
 */
export default async function ReportPage({ params }: PageProps<'/[locale]/seller/reports/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale as Locale);
  const known = z.guid().safeParse(id).success;
  await requireRole('seller', known ? `/seller/reports/${id}` : '/seller/reports');
  const [t, report] = await Promise.all([getTranslations('Reports'), boardReportById(id)]);
  if (!report) notFound();
  return (
    <PageMessages namespaces={['Errors', 'Reports']}>
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t('markTitle')}</h1>
        <div className="space-y-2 rounded-md border border-stone-300 bg-white p-3" data-severity={report.severity}>
          <BoardReportDetails r={report} />
        </div>
        <p>{t('markExplain')}</p>
        <MarkForm reportId={report.id} />
        <p>
          <Link href="/seller/reports" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('backToReports')}</Link>
        </p>
      </div>
    </PageMessages>
  );
}
