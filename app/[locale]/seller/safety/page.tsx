import { getTranslations, setRequestLocale } from 'next-intl/server';
import { listBuddies } from '@/db/queries/buddies';
import { hasPins, openCheckinOf } from '@/db/queries/checkins';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { CHECKIN_MINUTES, EXTEND_MINUTES, minutesLeft, phaseOf } from '@/lib/safety/timing';
import { alertsFor } from '@/lib/safety/view';
import { AlertsList } from './_components/alerts-list';
import { EndForm, ExtendForm } from './_components/open-checkin-forms';
import { StartCheckinForm } from './_components/start-form';
import { PageMessages } from '../../_components/page-messages';

const link = 'inline-flex min-h-11 items-center underline underline-offset-4';

/**
 * Her safety page: first whatever her buddies need from her now, then her own check-in. What she
 * sees after "I'm OK" is the same for her PIN and her duress PIN (nothing here shows her own alarms).
 */
export default async function SafetyPage({ params, searchParams }: PageProps<'/[locale]/seller/safety'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller/safety');
  const now = new Date();
  const [t, alerts, open, pins, buddies] = await Promise.all([
    getTranslations('Safety'),
    alertsFor(user.id),
    openCheckinOf(user.id),
    hasPins(user.id),
    listBuddies(user.id),
  ]);
  const query = await searchParams;
  const buyer = typeof query.buyer === 'string' ? query.buyer.slice(0, 64) : undefined;
  const accepted = buddies.filter((b) => b.accepted).length;
  const phase = open ? phaseOf(now, open.endsAt, open.state !== 'active') : null;
  // Labelled here, not in the forms: "1,5 Stunden" needs a number format, and creating the first one
  // in the browser while the page starts costs a slow phone about a tenth of a second (e2e/hydration.spec.ts).
  const durations = (list: readonly number[]) =>
    list.map((minutes) => ({ minutes, label: minutes < 60 ? t('minutes', { count: minutes }) : t('hours', { count: minutes / 60 }) }));
  return (
    <PageMessages namespaces={['Errors', 'Safety']}>
      <div className="space-y-8">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {query.ended === '1' && !open && <p role="status" className="rounded-md border border-stone-300 bg-white p-3 font-medium">{t('ended')}</p>}
        <AlertsList checkins={alerts.checkins} alarms={alerts.alarms} now={now} />
        <section aria-labelledby="checkin" className="space-y-3">
          <h2 id="checkin" className="text-xl font-semibold">{t('checkinTitle')}</h2>
          {open ? (
            <>
              <p className="text-lg font-medium" role="status">
                {phase === 'running' ? t('running', { minutes: minutesLeft(now, open.endsAt) }) : phase === 'grace' ? t('grace') : t('escalated')}
              </p>
              {open.buyer && <p>{t('withBuyer', { pseudonym: open.buyer })}</p>}
              <p className="text-sm text-stone-700">{open.hasNote ? t('noteKept') : t('noNoteKept')}</p>
              <EndForm checkinId={open.id} />
              {open.state === 'active' && <ExtendForm checkinId={open.id} durations={durations(EXTEND_MINUTES)} />}
            </>
          ) : !pins ? (
            <p>
              {t('pinsFirst')}{' '}
              <Link href="/seller/safety/pins" className={link}>{t('toPins')}</Link>
            </p>
          ) : (
            <>
              <p>{t('explain')}</p>
              {accepted === 0 && (
                <p className="font-medium">
                  {t('noBuddies')} <Link href="/seller/safety/buddies" className={link}>{t('toBuddies')}</Link>
                </p>
              )}
              <StartCheckinForm buyer={buyer} durations={durations(CHECKIN_MINUTES)} />
            </>
          )}
        </section>
        <section aria-labelledby="more" className="space-y-1">
          <h2 id="more" className="text-xl font-semibold">{t('moreTitle')}</h2>
          <ul>
            <li><Link href="/seller/safety/buddies" className={link}>{t('buddiesLink', { count: accepted })}</Link></li>
            <li><Link href="/seller/safety/pins" className={link}>{pins ? t('changePins') : t('toPins')}</Link></li>
            <li><Link href="/seller/safety/panic" className={link}>{t('panicLink')}</Link></li>
            <li><Link href="/guide/seller" className={link}>{t('guideLink')}</Link></li>
          </ul>
        </section>
      </div>
    </PageMessages>
  );
}
