import { getFormatter, getTranslations } from 'next-intl/server';
import { endOtherSessionsAction, endSessionAction } from '../actions';
import { ConfirmSubmit } from '../../_components/confirm-submit';

interface Session {
  id: string;
  createdOn: string;
  lastUsedOn: string;
}

/** 0 when a session is the only one signed in on its date, else its place among that day's (1, 2, …). */
function nthOfDay(sessions: Session[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sessions) {
    const sameDay = sessions.filter((o) => o.createdOn === s.createdOn);
    out.set(s.id, sameDay.length > 1 ? sameDay.indexOf(s) + 1 : 0);
  }
  return out;
}

/** Sessions told apart by what a person knows: when she signed in, and which one is this phone. */
export async function SessionList({ sessions, current }: { sessions: Session[]; current: string }) {
  const [t, format] = await Promise.all([getTranslations('Account'), getFormatter()]);
  const day = (date: string) => format.dateTime(new Date(date), { dateStyle: 'medium' });
  const nth = nthOfDay(sessions);
  return (
    <>
      <p className="text-sm text-stone-600">{t('sessionsExplain')}</p>
      <ul className="divide-y divide-stone-200" aria-label={t('sessionsTitle')}>
        {sessions.map((s) => {
          const name = t('sessionSignedIn', { created: day(s.createdOn), nth: nth.get(s.id) ?? 0 });
          const here = s.id === current;
          return (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium">
                  {name}
                  {here && <span className="ml-2 inline-block rounded-sm bg-violet-100 px-1.5 text-sm font-semibold text-violet-900">{t('thisSession')}</span>}
                </p>
                <p className="text-sm text-stone-600">{t('sessionLastUsed', { used: day(s.lastUsedOn) })}</p>
              </div>
              <form action={endSessionAction}>
                <input type="hidden" name="sessionId" value={s.id} />
                <ConfirmSubmit
                  label={t('endSession')}
                  name={t('endSessionOf', { name: here ? `${name}, ${t('thisSession')}` : name })}
                  consequence={here ? t('endThisConsequence') : t('endSessionConsequence')}
                  confirm={t('endSessionConfirm')}
                  cancelHint={t('keepHint')}
                />
              </form>
            </li>
          );
        })}
      </ul>
      {sessions.length > 1 && (
        <form action={endOtherSessionsAction}>
          <ConfirmSubmit label={t('endOthers')} consequence={t('endOthersConsequence')} confirm={t('endSessionConfirm')} cancelHint={t('keepHint')} />
        </form>
      )}
    </>
  );
}
