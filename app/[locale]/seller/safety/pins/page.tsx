import { getTranslations, setRequestLocale } from 'next-intl/server';
import { hasPins } from '@/db/queries/checkins';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { PinsForm } from '../_components/pins-form';
import { PageMessages } from '../../../_components/page-messages';

export default async function PinsPage({ params }: PageProps<'/[locale]/seller/safety/pins'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller/safety/pins');
  const [t, set] = await Promise.all([getTranslations('SafetyPins'), hasPins(user.id)]);
  return (
    <PageMessages namespaces={['Errors', 'SafetyPins']}>
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{set ? t('alreadySet') : t('explain')}</p>
        <p>{t('duressExplain')}</p>
        <PinsForm />
        <p><Link href="/seller/safety" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('back')}</Link></p>
      </div>
    </PageMessages>
  );
}
