import { getTranslations } from 'next-intl/server';
import { unseenCount } from '@/db/queries/notifications';
import { NavLink } from './nav-link';

/** "Mitteilungen", with the count of unseen ones in words ("2 neu"), not colour alone. */
export async function NotificationsLink({ userId }: { userId: string }) {
  const [t, count] = await Promise.all([getTranslations('Notifications'), unseenCount(userId)]);
  return (
    <NavLink href="/notifications">
      {t('nav')}
      {count > 0 && ' '}
      {count > 0 && <span className="ml-1 rounded-full bg-red-800 px-2 py-0.5 text-xs font-bold text-white">{t('navUnseen', { count })}</span>}
    </NavLink>
  );
}
