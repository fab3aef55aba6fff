import { getTranslations } from 'next-intl/server';
import { NavLink } from './nav-link';

export async function CoordinatorNav() {
  const t = await getTranslations('CoordinatorNav');
  return (
    <nav aria-label={t('label')} className="border-b border-stone-200 bg-violet-50">
      <ul className="mx-auto flex w-full max-w-3xl flex-wrap gap-x-1 px-2 text-sm">
        <li><NavLink href="/coordinator" className="px-2">{t('dashboard')}</NavLink></li>
        <li><NavLink href="/coordinator/invites" className="px-2">{t('invites')}</NavLink></li>
        <li><NavLink href="/coordinator/feedback" className="px-2">{t('feedback')}</NavLink></li>
        <li><NavLink href="/coordinator/support" className="px-2">{t('support')}</NavLink></li>
        <li><NavLink href="/votes" className="px-2">{t('votes')}</NavLink></li>
        <li><NavLink href="/coordinator/finances" className="px-2">{t('finances')}</NavLink></li>
      </ul>
    </nav>
  );
}
