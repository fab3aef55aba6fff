import { getTranslations, setRequestLocale } from 'next-intl/server';
import { alertRegionsOf, listRegions } from '@/db/queries/report-regions';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { reportBoard } from '@/lib/reports/board';
import { boardPage } from '@/lib/reports/constants';
import { BoardPager } from './_components/board-pager';
import { BoardReportDetails } from './_components/board-report';
import { AlertRegionsForm, WithdrawForm } from './_components/small-forms';
import { PageMessages } from '../../_components/page-messages';

/** The live incident reports, newest first, a page at a time, with what sellers can do about one: never who made it. */
export default async function ReportsPage({ params, searchParams }: PageProps<'/[locale]/seller/reports'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller/reports');
  const page = boardPage((await searchParams).page);
  const [t, { reports: board, hasOlder }, regions, chosen] = await Promise.all([getTranslations('Reports'), reportBoard(page), listRegions(), alertRegionsOf(user.id)]);
  return (
    <PageMessages namespaces={['Errors', 'Reports']}>
      <div className="space-y-8">
        <section aria-labelledby="reports" className="space-y-3">
          <h1 id="reports" className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('explain')}</p>
          <p>
            <Link href="/seller/reports/new" className="inline-flex min-h-11 items-center rounded-md bg-violet-800 px-4 font-medium text-white hover:bg-violet-900">
              {t('newLink')}
            </Link>
          </p>
          <p className="text-sm text-stone-700">
            {t('boardNote')}{' '}
            <Link href="/seller/warnings" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('boardLink')}</Link>
          </p>
          {board.length === 0 && page > 1 ? (
            <p>
              {t('noneOnPage')}{' '}
              <Link href="/seller/reports" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('firstPage')}</Link>
            </p>
          ) : board.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <ul className="space-y-3" aria-label={t('title')}>
              {board.map((r) => (
                <li key={r.id} className="space-y-2 rounded-md border border-stone-300 bg-white p-3" data-severity={r.severity}>
                  <BoardReportDetails r={r} />
                  <Link href={`/seller/reports/${r.id}`} className="inline-flex min-h-11 items-center text-sm underline underline-offset-4">{t('markOpen')}</Link>
                </li>
              ))}
            </ul>
          )}
          <BoardPager page={page} hasOlder={hasOlder} />
        </section>
        <section aria-labelledby="withdraw" className="space-y-3">
          <h2 id="withdraw" className="text-xl font-semibold">{t('withdrawTitle')}</h2>
          <p>{t('withdrawExplain')}</p>
          <WithdrawForm />
        </section>
        {regions.length > 0 && (
          <section aria-labelledby="alerts" className="space-y-3">
            <h2 id="alerts" className="text-xl font-semibold">{t('alertsTitle')}</h2>
            <AlertRegionsForm regions={regions} chosen={chosen} />
          </section>
        )}
      </div>
    </PageMessages>
  );
}
