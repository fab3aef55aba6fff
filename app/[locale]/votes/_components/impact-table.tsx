import { getFormatter, getTranslations } from 'next-intl/server';
import type { Impact } from '@/lib/governance/impact';
import { MIN_PEOPLE } from '@/lib/metrics/suppress';

/** The preview in aggregate: every figure from fewer than 5 people shows as "< 5". */
export async function ImpactTable({ impact }: { impact: Impact }) {
  const [t, format] = await Promise.all([getTranslations('Votes.impact'), getFormatter()]);
  const n = (x: number | null) => (x === null ? t('suppressed') : format.number(x));
  return (
    <section aria-labelledby="impact" className="space-y-2">
      <h2 id="impact" className="text-lg font-semibold">{t('title')}</h2>
      <p>{t('answer', { changed: n(impact.trustChanged), verdicts: n(impact.verdictChanged), buyers: n(impact.buyers) })}</p>
      <p>{t('due', { before: n(impact.dueBefore), after: n(impact.dueAfter) })}</p>
      <table className="w-full text-left text-sm">
        <caption className="text-left font-medium">{t('influence')}</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1">{t('band')}</th>
            <th scope="col" className="py-1">{t('before')}</th>
            <th scope="col" className="py-1">{t('after')}</th>
          </tr>
        </thead>
        <tbody>
          {impact.influence.map((row) => (
            <tr key={row.band} className="border-t border-stone-200">
              <th scope="row" className="py-1 font-normal">{t(`bands.${row.band}`)}</th>
              <td className="py-1">{n(row.before)}</td>
              <td className="py-1">{n(row.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-stone-600">{t('note', { min: MIN_PEOPLE })}</p>
    </section>
  );
}
