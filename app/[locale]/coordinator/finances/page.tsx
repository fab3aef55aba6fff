import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { FinanceForm } from './_components/finance-form';
import { PageMessages } from '../../_components/page-messages';

/** The cooperative's monthly financial report, in aggregate, to the public changelog. */
export default async function FinancesPage({ params }: PageProps<'/[locale]/coordinator/finances'>) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await requireRole('coordinator', `/${locale}/coordinator/finances`);
  const t = await getTranslations('Finances');
  return (
    <PageMessages namespaces={['Errors', 'Finances']}>
      <section className="space-y-4">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('intro')}</p>
        <FinanceForm />
        <Link href="/changelog" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('changelogLink')}</Link>
      </section>
    </PageMessages>
  );
}
