import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { sellerHistory } from '@/lib/screening/encounters';
import { RateForm } from '../../_components/rate-form';
import { rateBuyerAction } from '../actions';
import { RecordForm } from '../_components/record-form';
import { formatDate } from '@/lib/i18n/format';
import { PageMessages } from '../../_components/page-messages';

export default async function EncountersPage({ params, searchParams }: PageProps<'/[locale]/seller/encounters'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller/encounters');
  const query = await searchParams;
  const buyer = typeof query.buyer === 'string' ? query.buyer.slice(0, 64) : undefined;
  const [t, format, history] = await Promise.all([getTranslations('Encounter'), getFormatter(), sellerHistory(user.id)]);
  const day = (d: string | null) => (d ? formatDate(format, d) : '');
  return (
    <PageMessages namespaces={['Encounter', 'Errors', 'Flags']}>
      <div className="space-y-8">
        <section aria-labelledby="record" className="space-y-3">
          <h1 id="record" className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('explain')}</p>
          <RecordForm buyer={buyer} unbound={query.unbound === '1'} />
        </section>
        <section aria-labelledby="history" className="space-y-3">
          <h2 id="history" className="text-xl font-semibold">{t('historyTitle')}</h2>
          {history.length === 0 ? (
            <p>{t('historyNone')}</p>
          ) : (
            <ul className="divide-y divide-stone-200" aria-label={t('historyTitle')}>
              {history.map((e) => (
                <li key={e.id} className="space-y-2 py-3">
                  <p>
                    <strong>{t(`status.${e.status}`)}</strong> · {t('created', { date: day(e.createdOn) })}
                    {e.redeemedOn && <> · {t('redeemed', { date: day(e.redeemedOn) })}</>}
                    {e.status === 'live' && <> · {t('expiresShort', { date: day(e.expiresOn) })}</>}
                  </p>
                  <p>
                    {e.buyer ? t('buyerIs', { buyer: e.buyer }) : t('buyerUnknownYet')}
                    {e.code && <> · {t('codeIs')} <span className="font-mono">{e.code}</span></>}
                    {' · '}
                    {e.rated ? t('rated') : t('notRated')}
                  </p>
                  {e.canRate && <RateForm codeId={e.id} action={rateBuyerAction} label={t('rateLabel', { buyer: e.buyer ?? '' })} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </PageMessages>
  );
}
