import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { listNotifications } from '@/db/queries/notifications';
import { requireUser } from '@/lib/auth/guards';
import { formatDate } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { NOTIFICATION_LINKS } from '@/lib/notifications/links';
import { vapidKeys } from '@/lib/notifications/vapid';
import { markAllSeenAction } from './actions';
import { PushToggle } from './_components/push-toggle';

export default async function NotificationsPage({ params }: PageProps<'/[locale]/notifications'>) {
  setRequestLocale((await params).locale as Locale);
  // Every role, but not before a one-time password has been replaced.
  const user = await requireUser('/notifications', ['seller', 'buyer', 'coordinator']);
  const [t, format, items] = await Promise.all([getTranslations('Notifications'), getFormatter(), listNotifications(user.id)]);
  const unseen = items.filter((n) => !n.seen).length;
  return (
    <div className="space-y-8">
      <section aria-labelledby="notifications" className="space-y-3">
        <h1 id="notifications" className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-lg">{t('summary', { count: unseen })}</p>
        {unseen > 0 && (
          <form action={markAllSeenAction}>
            <button type="submit" className="min-h-11 rounded-md border-2 border-violet-800 px-4 py-2 font-medium text-violet-900 hover:bg-violet-50">
              {t('markAllSeen')}
            </button>
          </form>
        )}
        {items.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul className="divide-y divide-stone-200" aria-label={t('listLabel')}>
            {items.map((n) => (
              <li key={n.id} className="flex flex-wrap items-center gap-x-3 py-1">
                <Link href={NOTIFICATION_LINKS[n.kind]} className={`inline-flex min-h-11 items-center underline underline-offset-4 ${n.seen ? '' : 'font-bold'}`}>
                  {t(`kind.${n.kind}`)}
                </Link>
                <span className="text-sm text-stone-700">{formatDate(format, n.createdOn)}</span>
                {!n.seen && <strong className="rounded-full bg-red-800 px-2 py-0.5 text-xs text-white">{t('new')}</strong>}
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-stone-600">{t('privacy')}</p>
      </section>
      <section aria-labelledby="push" className="space-y-3">
        <h2 id="push" className="text-xl font-semibold">{t('pushTitle')}</h2>
        <p>{t('pushExplain')}</p>
        <PushToggle
          publicKey={vapidKeys().publicKey}
          texts={{
            turnOn: t('pushTurnOn'),
            turnOff: t('pushTurnOff'),
            isOn: t('pushIsOn'),
            isOff: t('pushIsOff'),
            unsupported: t('pushUnsupported'),
            denied: t('pushDenied'),
            failed: t('pushFailed'),
            working: t('pushWorking'),
          }}
        />
        <p className="text-sm text-stone-600">{t('pushDelay')}</p>
        <p className="text-sm text-stone-600">{t('pushSignOut')}</p>
      </section>
    </div>
  );
}
