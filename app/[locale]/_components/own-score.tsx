import { getFormatter, getTranslations } from 'next-intl/server';
import type { Interval } from '@/lib/trust';
import { twoDecimals } from '@/lib/i18n/format';

interface Score {
  safety: number | null;
  reliability: number | null;
  trust: number | null;
  sampleSize: number;
  safetyInterval: Interval | null;
}

/** One's own score: the last weekly snapshot, never live, never who rated. */
export async function OwnScore({ snapshot }: { snapshot: { score: Score; takenOn: string } | null }) {
  const [t, format] = await Promise.all([getTranslations('OwnScore'), getFormatter()]);
  const num = (x: number | null) => twoDecimals(format, x);
  return (
    <section aria-labelledby="own-score" className="space-y-2 rounded-md border border-stone-300 bg-white p-4">
      <h2 id="own-score" className="text-xl font-semibold">{t('title')}</h2>
      <p className="text-sm text-stone-600">{t('explain')}</p>
      {!snapshot ? (
        <p>{t('none')}</p>
      ) : (
        <>
          <p>{t('takenOn', { date: format.dateTime(new Date(snapshot.takenOn), { dateStyle: 'medium' }) })}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" aria-label={t('title')}>
            <dt>{t('safety')}</dt>
            <dd>{num(snapshot.score.safety)}</dd>
            <dt>{t('reliability')}</dt>
            <dd>{num(snapshot.score.reliability)}</dd>
            <dt>{t('trust')}</dt>
            <dd>{num(snapshot.score.trust)}</dd>
            <dt>{t('sampleSize')}</dt>
            <dd>{snapshot.score.sampleSize}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
