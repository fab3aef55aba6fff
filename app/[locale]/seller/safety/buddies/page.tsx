import { getTranslations, setRequestLocale } from 'next-intl/server';
import { listBuddies } from '@/db/queries/buddies';
import { requireRole } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { MAX_BUDDIES } from '@/lib/safety/rules';
import { BuddyAnswer, InviteBuddyForm } from '../_components/buddy-forms';
import { PageMessages } from '../../../_components/page-messages';

export default async function BuddiesPage({ params }: PageProps<'/[locale]/seller/safety/buddies'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller/safety/buddies');
  const [t, rows] = await Promise.all([getTranslations('Buddies'), listBuddies(user.id)]);
  const accepted = rows.filter((r) => r.accepted);
  const asked = rows.filter((r) => !r.accepted && !r.mine);
  const waiting = rows.filter((r) => !r.accepted && r.mine);
  const section = (id: string, title: string, list: typeof rows, empty?: string) => (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-xl font-semibold">{title}</h2>
      {list.length === 0 ? (
        empty && <p>{empty}</p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {list.map((r) => (
            <li key={r.id} className="space-y-1 py-2">
              <p className="font-medium">{r.pseudonym}</p>
              <BuddyAnswer pairId={r.id} pseudonym={r.pseudonym} accepted={r.accepted} mine={r.mine} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <PageMessages namespaces={['Buddies', 'Errors']}>
      <div className="space-y-8">
        <div className="space-y-2">
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('explain', { max: MAX_BUDDIES })}</p>
          <p><Link href="/seller/safety" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('back')}</Link></p>
        </div>
        {asked.length > 0 && section('asked', t('askedTitle'), asked)}
        {section('mine', t('buddiesTitle', { count: accepted.length, max: MAX_BUDDIES }), accepted, t('none'))}
        {waiting.length > 0 && section('waiting', t('waitingTitle'), waiting)}
        <section aria-labelledby="invite" className="space-y-3">
          <h2 id="invite" className="text-xl font-semibold">{t('inviteTitle')}</h2>
          <InviteBuddyForm />
        </section>
      </div>
    </PageMessages>
  );
}
