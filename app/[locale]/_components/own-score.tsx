import { getFormatter, getTranslations } from 'next-intl/server';
import { parametersInForce } from '@/lib/governance/current';
import { BAND_KEYS, type DisclosedScore } from '@/lib/disclosure/coarse';
import { formatDate, twoDecimals } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';

/**
 * One's own score: the last release, never live, never who rated. Before the first release it
 * says why there is none, with no count of what is pending (that count would itself tell).
 */
export async function OwnScore({ snapshot, guide }: { snapshot: { score: DisclosedScore; takenOn: string } | null; guide: '/guide/seller' | '/guide/buyer' }) {
  const [t, format] = await Promise.all([getTranslations('OwnScore'), getFormatter()]);
  const num = (x: number | null) => twoDecimals(format, x);
  return (
    <section aria-labelledby="own-score" className="space-y-2 rounded-md border border-stone-300 bg-white p-4">
      <h2 id="own-score" className="text-xl font-semibold">{t('title')}</h2>
      {!snapshot ? (
        <p className="font-medium">{t('none')}</p>
      ) : (
        <>
          <p>{t('takenOn', { date: formatDate(format, snapshot.takenOn) })}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" aria-label={t('title')}>
            <dt>{t('safety')}</dt>
            <dd>{num(snapshot.score.safety)}</dd>
            <dt>{t('reliability')}</dt>
            <dd>{num(snapshot.score.reliability)}</dd>
            <dt>{t('trust')}</dt>
            <dd>{num(snapshot.score.trust)}</dd>
            <dt>{t('sampleSize')}</dt>
            <dd>{t('band', { band: BAND_KEYS[snapshot.score.sampleSize] })}</dd>
          </dl>
        </>
      )}
      <p className="text-sm text-stone-600">{t('explain', { k: (await parametersInForce()).params.releaseThreshold })}</p>
      <p className="text-sm">
        <Link href={guide} className="inline-block py-3 underline underline-offset-4">{t('more')}</Link>
      </p>
    </section>
  );
}
