import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { unreadCount } from '@/lib/messages/read';

/** The seller's tools, with unread direct messages counted. */
export async function SellerNav({ userId }: { userId: string }) {
  const [t, unread] = await Promise.all([getTranslations('SellerNav'), unreadCount(userId)]);
  const link = 'rounded-md px-2 py-1 underline-offset-4 hover:underline';
  return (
    <nav aria-label={t('label')} className="border-b border-stone-200 bg-violet-50">
      <ul className="mx-auto flex w-full max-w-3xl flex-wrap gap-x-2 px-2 py-1 text-sm">
        <li><Link href="/seller" className={link}>{t('lookup')}</Link></li>
        <li><Link href="/seller/encounters" className={link}>{t('encounters')}</Link></li>
        <li>
          <Link href="/seller/messages" className={`${link} ${unread > 0 ? 'font-bold' : ''}`}>
            {unread > 0 ? t('messagesUnread', { count: unread }) : t('messages')}
          </Link>
        </li>
        <li><Link href="/seller/warnings" className={link}>{t('warnings')}</Link></li>
        <li><Link href="/guide/seller" className={link}>{t('guide')}</Link></li>
      </ul>
    </nav>
  );
}
