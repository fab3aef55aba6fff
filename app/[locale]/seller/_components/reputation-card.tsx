import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import type { BuyerReputation } from '@/lib/screening/lookup';
import { twoDecimals } from '@/lib/i18n/format';
import { VerdictBanner } from './verdict-banner';

/**
 * The verdict first, then the evidence (raw counts, never hidden behind the percentile), then
 * the scores with a line each on what they mean; how they are computed is one tap further.
 */
export function ReputationCard({ r }: { r: BuyerReputation }) {
  const t = useTranslations('Lookup');
  const format = useFormatter();
  const num = (x: number | null) => twoDecimals(format, x);
  const range = (i: [number, number] | null) => (i ? t('interval', { low: num(i[0]), high: num(i[1]) }) : '');
  const c = r.counts;
  const help = 'block text-sm text-stone-600';
  return (
    <section aria-labelledby="reputation-title" className="space-y-3 rounded-md border border-stone-300 bg-white p-4">
      <h2 id="reputation-title" className="text-xl font-semibold">
        {t('resultTitle', { pseudonym: r.pseudonym })}
      </h2>
      <VerdictBanner v={r.verdict} />
      <p className="text-sm">{t('advice')}</p>
      {r.sampleSize > 0 && (
        <>
          <ul className="space-y-1 font-medium" aria-label={t('evidence')}>
            <li>{t('unsafeCount', { count: c.unsafe, of: c.safetyRatings, sellers: c.unsafeSellers, allSellers: c.sellers })}</li>
            <li>{t('unreliableCount', { count: c.unreliable, of: c.reliabilityRatings, sellers: c.unreliableSellers, allSellers: c.sellers })}</li>
          </ul>
          <h3 className="font-semibold">{t('detailsTitle')}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            <dt>{t('safety')}</dt>
            <dd>
              {num(r.safety)} <span className="text-sm text-stone-600">{range(r.safetyInterval)}</span>
              <span className={help}>{t('safetyHelp')}</span>
            </dd>
            <dt>{t('reliability')}</dt>
            <dd>
              {num(r.reliability)} <span className="text-sm text-stone-600">{range(r.reliabilityInterval)}</span>
              <span className={help}>{t('reliabilityHelp')}</span>
            </dd>
            <dt>{t('trust')}</dt>
            <dd>
              {num(r.trust)}
              <span className={help}>{t('trustHelp')}</span>
            </dd>
            <dt>{t('sampleSize')}</dt>
            <dd>{r.sampleSize}</dd>
          </dl>
          <p className="text-sm text-stone-600">{t('intervalHelp')}</p>
          <details className="rounded-md border border-stone-200 p-2">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium">{t('howTitle')}</summary>
            <p className="mt-1">{t('howBody', { influence: num(r.influence) })}</p>
            <Link href="/guide/scores" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('howLink')}</Link>
          </details>
        </>
      )}
      <Link href={{ pathname: '/seller/encounters', query: { buyer: r.pseudonym } }} className="inline-flex min-h-11 items-center underline underline-offset-4">
        {t('recordFor', { pseudonym: r.pseudonym })}
      </Link>
    </section>
  );
}
