import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import type { BuyerReputation } from '@/lib/screening/lookup';
import { twoDecimals } from '@/lib/i18n/format';

/** Score and evidence side by side: the counts are never hidden behind the percentile. */
export function ReputationCard({ r }: { r: BuyerReputation }) {
  const t = useTranslations('Lookup');
  const format = useFormatter();
  const num = (x: number | null) => twoDecimals(format, x);
  const range = (i: [number, number] | null) => (i ? t('interval', { low: num(i[0]), high: num(i[1]) }) : '—');
  const c = r.counts;
  const isNew = r.sampleSize === 0;
  return (
    <section aria-labelledby="reputation-title" className="space-y-3 rounded-md border border-stone-300 bg-white p-4">
      <h2 id="reputation-title" className="text-xl font-semibold">
        {t('resultTitle', { pseudonym: r.pseudonym })}
      </h2>
      {isNew ? (
        <p role="status" className="font-medium">{t('newBuyer')}</p>
      ) : (
        <>
          <ul className="space-y-1 font-medium" aria-label={t('evidence')}>
            <li className={c.unsafe > 0 ? 'text-red-800' : undefined}>
              {t('unsafeCount', { count: c.unsafe, of: c.safetyRatings, sellers: c.unsafeSellers, allSellers: c.sellers })}
            </li>
            <li className={c.unreliable > 0 ? 'text-amber-800' : undefined}>
              {t('unreliableCount', { count: c.unreliable, of: c.reliabilityRatings, sellers: c.unreliableSellers, allSellers: c.sellers })}
            </li>
          </ul>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt>{t('safety')}</dt>
            <dd>{num(r.safety)} <span className="text-sm text-stone-600">{range(r.safetyInterval)}</span></dd>
            <dt>{t('reliability')}</dt>
            <dd>{num(r.reliability)} <span className="text-sm text-stone-600">{range(r.reliabilityInterval)}</span></dd>
            <dt>{t('trust')}</dt>
            <dd>{num(r.trust)}</dd>
            <dt>{t('influence')}</dt>
            <dd>{num(r.influence)}</dd>
            <dt>{t('sampleSize')}</dt>
            <dd>{r.sampleSize}</dd>
          </dl>
        </>
      )}
      <Link href={{ pathname: '/seller/encounters', query: { buyer: r.pseudonym } }} className="inline-block underline underline-offset-4">
        {t('recordFor', { pseudonym: r.pseudonym })}
      </Link>
    </section>
  );
}
