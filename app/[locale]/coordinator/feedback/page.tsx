import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import { feedbackNotes, weeklyFeedback } from '@/lib/feedback';
import type { Locale } from '@/lib/i18n/routing';
import { MIN_PEOPLE } from '@/lib/metrics/suppress';

/** Weekly seller feedback: averages and counts (suppressed under five), notes without author or date. */
export default async function FeedbackPage({ params }: PageProps<'/[locale]/coordinator/feedback'>) {
  setRequestLocale((await params).locale as Locale);
  await requireRole('coordinator', '/coordinator/feedback');
  const [t, format, weeks, notes] = await Promise.all([getTranslations('FeedbackReport'), getFormatter(), weeklyFeedback(), feedbackNotes()]);
  const week = (w: string) => format.dateTime(new Date(w), { dateStyle: 'medium' });
  const count = (v: number | null) => (v === null ? t('suppressed') : format.number(v));
  const avg = (v: number | null) => (v === null ? '—' : format.number(v, { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
  const pct = (v: number | null) => (v === null ? '—' : format.number(v, { style: 'percent', maximumFractionDigits: 0 }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('explain', { min: MIN_PEOPLE })}</p>
      {/* Four columns do not fit 360 px: the table scrolls within itself, reachable by keyboard. */}
      <div className="overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-violet-800" tabIndex={0} role="region" aria-label={t('tableScroll')}>
        <table className="w-full min-w-[30rem] text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-2">{t('week')}</th>
              <th scope="col" className="px-2 py-1 text-right">{t('responses')}</th>
              <th scope="col" className="px-2 py-1 text-right">{t('satisfaction')}</th>
              <th scope="col" className="py-1 pl-2 text-right">{t('helped')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week} className="border-t border-stone-200">
                <th scope="row" className="py-1 pr-2 text-left font-normal whitespace-nowrap">{week(w.week)}</th>
                <td className="text-right tabular-nums">{count(w.responses)}</td>
                <td className="text-right tabular-nums">{avg(w.satisfaction)}</td>
                <td className="text-right tabular-nums">{pct(w.helped)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="notes" className="space-y-2">
        <h2 id="notes" className="text-xl font-semibold">{t('notesTitle')}</h2>
        <p className="text-sm text-stone-600">{t('notesExplain')}</p>
        {notes.length === 0 ? (
          <p>{t('noNotes')}</p>
        ) : (
          <ul className="space-y-2" aria-label={t('notesTitle')}>
            {notes.map((n) => (
              <li key={n.id} className="rounded-md border border-stone-300 bg-white p-3">
                <p className="text-sm text-stone-600">{t('weekOf', { week: week(n.week) })}</p>
                <p className="whitespace-pre-wrap break-words">{n.text ?? <em>{t('unreadable')}</em>}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
