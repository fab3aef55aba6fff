import { getFormatter, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format';
import type { reviewOf } from '@/lib/rights/contests';
import { ConfirmSubmit } from '../../../_components/confirm-submit';
import { closeReviewAction, removeFlagAction } from '../actions';
import { AnnotationForm } from './annotation-form';

type Review = NonNullable<Awaited<ReturnType<typeof reviewOf>>>;

/** One contested buyer: her reason, her counts, her flags (which and when, never who gave them). */
export async function ReviewItem({ review }: { review: Review }) {
  const [t, format] = await Promise.all([getTranslations('Reviews'), getFormatter()]);
  const { contest, counts, flags } = review;
  const open = contest.closedOn === null;
  return (
    <article aria-labelledby={`review-${contest.id}`} className="space-y-3 rounded-md border border-stone-200 bg-white p-4">
      <h2 id={`review-${contest.id}`} className="text-lg font-semibold">
        {t('itemTitle', { buyer: contest.buyer, date: formatDate(format, contest.createdOn) })}
      </h2>
      <p>{t(`reasons.${contest.reason}`)}</p>
      {contest.note && <blockquote className="border-l-4 border-stone-300 pl-3 break-words">{contest.note}</blockquote>}
      <p>{t('counts', { ratings: counts.ratings, unsafe: counts.safeNo, unsafeRaters: counts.unsafeRaters, unreliable: counts.reliableNo, unreliableRaters: counts.unreliableRaters })}</p>
      <h3 className="font-semibold">{t('flagsTitle')}</h3>
      {flags.length === 0 ? (
        <p>{t('noFlags')}</p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {flags.map((f) => (
            <li key={`${f.ratingId}-${f.flag}`} className="space-y-1 py-2">
              <p>{t(f.flag === 'safe' ? 'flagSafe' : 'flagReliable', { date: formatDate(format, f.createdOn) })}</p>
              {open && (
                <form action={removeFlagAction}>
                  <input type="hidden" name="id" value={contest.id} />
                  <input type="hidden" name="ratingId" value={f.ratingId} />
                  <input type="hidden" name="flag" value={f.flag} />
                  <ConfirmSubmit
                    label={t('remove')}
                    name={t(f.flag === 'safe' ? 'removeNameSafe' : 'removeNameReliable', { date: formatDate(format, f.createdOn) })}
                    consequence={t('removeConsequence')}
                    confirm={t('removeConfirm')}
                    cancelHint={t('keepHint')}
                  />
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-stone-600">{t('foldedHint')}</p>
      {open ? (
        <>
          <AnnotationForm id={contest.id} current={contest.annotation} />
          <form action={closeReviewAction}>
            <input type="hidden" name="id" value={contest.id} />
            <button type="submit" className="min-h-11 rounded-md border border-stone-400 px-4 py-2 font-medium">{t('close')}</button>
          </form>
        </>
      ) : (
        <p>{contest.annotation ? t('closedWith', { date: formatDate(format, contest.closedOn!), note: contest.annotation }) : t('closed', { date: formatDate(format, contest.closedOn!) })}</p>
      )}
    </article>
  );
}
