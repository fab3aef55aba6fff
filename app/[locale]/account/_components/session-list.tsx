import { getFormatter, getTranslations } from 'next-intl/server';
import { endOtherSessionsAction, endSessionAction } from '../actions';

interface Session {
  id: string;
  createdOn: string;
  lastUsedOn: string;
}

export async function SessionList({ sessions, current }: { sessions: Session[]; current: string }) {
  const [t, format] = await Promise.all([getTranslations('Account'), getFormatter()]);
  const day = (date: string) => format.dateTime(new Date(date), { dateStyle: 'medium' });
  return (
    <>
      <p className="text-sm text-stone-600">{t('sessionsExplain')}</p>
      <ul className="divide-y divide-stone-200" aria-label={t('sessionsTitle')}>
        {sessions.map((s, i) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              {t('sessionLine', { n: i + 1, created: day(s.createdOn), used: day(s.lastUsedOn) })}
              {s.id === current && <strong className="ml-2">{t('thisSession')}</strong>}
            </span>
            <form action={endSessionAction}>
              <input type="hidden" name="sessionId" value={s.id} />
              <button type="submit" className="rounded-md border border-stone-500 px-3 py-1 text-sm" aria-label={t('endSessionLabel', { n: i + 1 })}>
                {t('endSession')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {sessions.length > 1 && (
        <form action={endOtherSessionsAction}>
          <button type="submit" className="rounded-md border border-stone-500 px-3 py-1 text-sm">
            {t('endOthers')}
          </button>
        </form>
      )}
    </>
  );
}
