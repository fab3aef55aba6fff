import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import { gaveFeedbackThisWeek } from '@/lib/feedback';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { screenPseudonym } from '@/lib/reports/screen';
import { ownScore } from '@/lib/screening/snapshots';
import { OwnScore } from '../_components/own-score';
import { PublicPageCard } from '../s/_components/public-page-card';
import { RoleHome } from '../_components/role-home';
import { FeedbackForm } from './_components/feedback-form';
import { IdentifierLookupForm } from './_components/identifier-lookup-form';
import { LookupForm } from './_components/lookup-form';
import { PageMessages } from '../_components/page-messages';

export default async function SellerHome({ params, searchParams }: PageProps<'/[locale]/seller'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller');
  const [t, tf, tr, snapshot, gaveFeedback] = await Promise.all([
    getTranslations('Lookup'),
    getTranslations('Feedback'),
    getTranslations('Reports'),
    ownScore(user.id),
    gaveFeedbackThisWeek(user.id),
  ]);
  // A warning's buyer links here (?buyer=…): show that buyer's look-up straight away.
  const buyer = (await searchParams).buyer;
  const outcome = typeof buyer === 'string' && buyer ? await screenPseudonym(buyer.slice(0, 64)) : null;
  const initial = outcome?.ok ? ({ ...outcome, status: 'ok' } as const) : undefined;
  return (
    <PageMessages namespaces={['Errors', 'Feedback', 'Lookup', 'PublicLink', 'Reports']}>
      <RoleHome role="seller" pseudonym={user.pseudonym}>
        <section aria-labelledby="lookup" className="space-y-3">
          <h2 id="lookup" className="text-xl font-semibold">{t('title')}</h2>
          <p>{t('explain')}</p>
          <LookupForm initial={initial} />
        </section>
        <section aria-labelledby="lookup-identifier" className="space-y-3">
          <h2 id="lookup-identifier" className="text-xl font-semibold">{tr('lookupTitle')}</h2>
          <p>{tr('lookupExplain')}</p>
          <IdentifierLookupForm />
        </section>
        <p>
          <Link href="/seller/encounters" className="inline-flex min-h-11 items-center underline underline-offset-4">
            {t('toEncounters')}
          </Link>
        </p>
        {!gaveFeedback && (
          <section aria-labelledby="feedback" className="space-y-3 rounded-md border border-stone-300 bg-white p-4">
            <h2 id="feedback" className="text-xl font-semibold">{tf('title')}</h2>
            <p className="text-sm text-stone-600">{tf('explain')}</p>
            <FeedbackForm />
          </section>
        )}
        <OwnScore snapshot={snapshot} guide="/guide/seller" />
        <PublicPageCard pseudonym={user.pseudonym} />
      </RoleHome>
    </PageMessages>
  );
}
