import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export async function CoordinatorNav() {
  const t = await getTranslations('CoordinatorNav');
  const link = 'rounded-md px-2 py-1 underline-offset-4 hover:underline';
  return (
    <nav aria-label={t('label')} className="border-b border-stone-200 bg-violet-50">
      <ul className="mx-auto flex w-full max-w-3xl flex-wrap gap-x-2 px-2 py-1 text-sm">
        <li><Link href="/coordinator" className={link}>{t('dashboard')}</Link></li>
        <li><Link href="/coordinator/invites" className={link}>{t('invites')}</Link></li>
        <li><Link href="/coordinator/feedback" className={link}>{t('feedback')}</Link></li>
      </ul>
    </nav>
  );
}
