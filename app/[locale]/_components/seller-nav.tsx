import { getTranslations } from 'next-intl/server';
import { newWarningsCount } from '@/lib/messages/new-warnings';
import { unreadCount } from '@/lib/messages/read';
import { NavLink } from './nav-link';
import { PanicLink } from './panic-link';
import { WarningsNavLink } from './warnings-nav-link';

/** The seller's tools, with unread direct messages and new warnings counted in words. */
export async function SellerNav({ userId }: { userId: string }) {
  const [t, unread, newWarnings] = await Promise.all([getTranslations('SellerNav'), unreadCount(userId), newWarningsCount(userId)]);
  return (
    <nav aria-label={t('label')} className="border-b border-stone-200 bg-violet-50">
      <ul className="mx-auto flex w-full max-w-3xl flex-wrap gap-x-1 px-2 text-sm">
        <li><NavLink href="/seller" className="px-2">{t('lookup')}</NavLink></li>
        <li><NavLink href="/seller/encounters" className="px-2">{t('encounters')}</NavLink></li>
        <li>
          <NavLink href="/seller/messages" className={`px-2 ${unread > 0 ? 'font-bold' : ''}`}>
            {unread > 0 ? t('messagesUnread', { count: unread }) : t('messages')}
          </NavLink>
        </li>
        <li><NavLink href="/seller/reports" className="px-2">{t('reports')}</NavLink></li>
        <li><WarningsNavLink label={t('warnings')} count={newWarnings} badge={t('newWarnings', { count: newWarnings })} /></li>
        <li><NavLink href="/votes" className="px-2">{t('votes')}</NavLink></li>
        <li><NavLink href="/seller/safety" className="px-2">{t('safety')}</NavLink></li>
        <li><NavLink href="/guide/seller" className="px-2">{t('guide')}</NavLink></li>
        <li className="ml-auto"><PanicLink label={t('panic')} /></li>
      </ul>
    </nav>
  );
}
