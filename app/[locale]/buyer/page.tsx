import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { listBuyerRedemptions } from '@/lib/screening/redeem';
import { ownScore } from '@/lib/screening/snapshots';
import { OwnScore } from '../_components/own-score';
import { RateForm } from '../_components/rate-form';
import { RoleHome } from '../_components/role-home';
import { rateSellerAction } from './actions';
import { RedeemForm } from './_components/redeem-form';
import { ContestForm } from './_components/contest-form';
import { hasOpenContest } from '@/lib/rights/contests';
import { formatDate } from '@/lib/i18n/format';
import { PageMessages } from '../_components/page-messages';

export default async function BuyerHome({ params }: PageProps<'/[locale]/buyer'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('buyer', '/buyer');
  const [t, tc, format, redemptions, snapshot, contestOpen] = await Promise.all([
    getTranslations('Redeem'),
    getTranslations('Contest'),
    getFormatter(),
    listBuyerRedemptions(user.id),
    ownScore(user.id),
    hasOpenContest(user.id),
  ]);
  const unrated = redemptions.filter((r) => !r.rated);
  return (
    <PageMessages namespaces={['Contest', 'Errors', 'Flags', 'Redeem']}>
      <RoleHome role="buyer" pseudonym={user.pseudonym}>
        <section aria-labelledby="redeem" className="space-y-3">
          <h2 id="redeem" className="text-xl font-semibold">{t('title')}</h2>
          <p>{t('explain')}</p>
          <RedeemForm />
        </section>
        {unrated.length > 0 && (
          <section aria-labelledby="to-rate" className="space-y-3">
            <h2 id="to-rate" className="text-xl font-semibold">{t('toRateTitle')}</h2>
            <ul className="divide-y divide-stone-200">
              {unrated.map((r) => (
                <li key={r.id} className="space-y-2 py-3">
                  <p>{t('redeemedOn', { seller: r.seller, date: formatDate(format, r.redeemedOn!) })}</p>
                  <RateForm codeId={r.id} action={rateSellerAction} label={t('rateLabel', { seller: r.seller })} />
                </li>
              ))}
            </ul>
          </section>
        )}
        <OwnScore snapshot={snapshot} guide="/guide/buyer" />
        <section aria-labelledby="contest" className="space-y-3">
          <h2 id="contest" className="text-xl font-semibold">{tc('title')}</h2>
          <p>{tc('explain')}</p>
          {contestOpen ? <p role="status">{tc('open')}</p> : <ContestForm />}
        </section>
      </RoleHome>
    </PageMessages>
  );
}
