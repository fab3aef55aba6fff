import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buddyIdsOf } from '@/db/queries/buddies';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { PanicForm } from '../_components/panic-form';
import { PageMessages } from '../../../_components/page-messages';

/**
 * The panic button's confirmation: the alarm goes out only with this page's own, differently
 * worded button, so a stray tap on the header's button never sends one.
 */
export default async function PanicPage({ params }: PageProps<'/[locale]/seller/safety/panic'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller/safety/panic');
  const [t, buddies] = await Promise.all([getTranslations('Panic'), buddyIdsOf(user.id)]);
  return (
    <PageMessages namespaces={['Errors', 'Panic']}>
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="font-medium">{t('emergency')}</p>
        <p>{buddies.length > 0 ? t('explain', { count: buddies.length }) : t('noBuddies')}</p>
        <PanicForm />
        <p><Link href="/seller/safety" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('back')}</Link></p>
      </div>
    </PageMessages>
  );
}
