import { getTranslations } from 'next-intl/server';
import type { AlarmAlert, CheckinAlert } from '@/lib/safety/view';
import { AcknowledgeForm } from './acknowledge-form';

const minutesSince = (now: Date, t: Date) => Math.max(0, Math.floor((now.getTime() - t.getTime()) / 60_000));

/** Her buddies who need someone: overdue check-ins and alarms, with what they left for this moment. */
export async function AlertsList({ checkins, alarms, now }: { checkins: CheckinAlert[]; alarms: AlarmAlert[]; now: Date }) {
  const t = await getTranslations('Safety');
  if (checkins.length === 0 && alarms.length === 0) return null;
  return (
    <section aria-labelledby="alerts" className="space-y-3">
      <h2 id="alerts" className="text-xl font-bold text-red-900">{t('alertsTitle')}</h2>
      <ul className="space-y-3">
        {alarms.map((a) => (
          <li key={a.id} className="space-y-2 rounded-md border-2 border-red-800 bg-red-50 p-4">
            <p className="font-bold">
              {a.kind === 'duress' ? t('duressAlarm', { pseudonym: a.seller, minutes: minutesSince(now, a.createdAt) }) : t('panicAlarm', { pseudonym: a.seller, minutes: minutesSince(now, a.createdAt) })}
            </p>
            <Details note={a.note} buyer={a.buyer} t={t} />
            {a.position && (
              <p>
                {t('position', { lat: String(a.position.lat), lon: String(a.position.lon), accuracy: String(a.position.accuracy) })}{' '}
                <a href={`geo:${a.position.lat},${a.position.lon}`} className="inline-flex min-h-11 items-center underline underline-offset-4">{t('openMap')}</a>
              </p>
            )}
            {a.handler ? <p className="font-medium">{t('handledBy', { pseudonym: a.handler })}</p> : <AcknowledgeForm id={a.id} kind="alarm" />}
          </li>
        ))}
        {checkins.map((c) => (
          <li key={c.id} className="space-y-2 rounded-md border-2 border-red-800 bg-red-50 p-4">
            <p className="font-bold">{t('overdue', { pseudonym: c.seller, minutes: minutesSince(now, c.endsAt), alerts: c.alerts })}</p>
            <Details note={c.note} buyer={c.buyer} t={t} />
            {c.handler ? <p className="font-medium">{t('handledBy', { pseudonym: c.handler })}</p> : <AcknowledgeForm id={c.id} kind="checkin" />}
          </li>
        ))}
      </ul>
      <p className="text-sm">{t('alertsAdvice')}</p>
    </section>
  );
}

function Details({ note, buyer, t }: { note: string | null; buyer: string | null; t: Awaited<ReturnType<typeof getTranslations<'Safety'>>> }) {
  return (
    <>
      <p>{note ? t('noteShown', { note }) : t('noNote')}</p>
      {buyer && <p>{t('buyerShown', { pseudonym: buyer })}</p>}
    </>
  );
}
