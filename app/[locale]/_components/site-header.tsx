import { getLocale, getTranslations } from 'next-intl/server';
import { isDatabaseUnavailable } from '@/lib/database-faults';
import { getCurrentUser } from '@/lib/auth/current-user';
import { Link } from '@/lib/i18n/navigation';
import { NavLink } from './nav-link';
import { signOutAction } from '../actions';
import { LocaleSwitcher } from './locale-switcher';
import { SignOutButton } from './sign-out-button';
import { CoordinatorNav } from './coordinator-nav';
import { SellerNav } from './seller-nav';
import { NotificationsLink } from './notifications-link';
import { QuickExit } from './quick-exit';
import type { Locale } from '@/lib/i18n/routing';

export async function SiteHeader() {
  // A lost database must not take the whole layout down: the page below shows "temporarily unavailable".
  const signedIn = getCurrentUser().catch((err: unknown) => {
    if (isDatabaseUnavailable(err)) return undefined;
    throw err;
  });
  const [t, user] = await Promise.all([getTranslations('Common'), signedIn]);
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-1">
        <Link href={user ? '/home' : '/'} className="inline-flex min-h-11 items-center font-semibold text-violet-900">
          {t('appName')}
        </Link>
        <QuickExit label={t('quickExit')} hint={t('quickExitHint')} locale={(await getLocale()) as Locale} />
        <nav aria-label={t('mainNav')} className="flex flex-wrap items-center gap-x-4 text-sm">
          <NavLink href="/support">{t('support')}</NavLink>
          {user === undefined ? null : user ? (
            <>
              <NotificationsLink userId={user.id} />
              <NavLink href="/account">{t('account', { pseudonym: user.pseudonym })}</NavLink>
              <form action={signOutAction}>
                <SignOutButton label={t('signOut')} />
              </form>
            </>
          ) : (
            <NavLink href="/sign-in">{t('signIn')}</NavLink>
          )}
          <LocaleSwitcher />
        </nav>
      </div>
      {user?.role === 'seller' && <SellerNav userId={user.id} />}
      {user?.role === 'coordinator' && <CoordinatorNav />}
    </header>
  );
}
