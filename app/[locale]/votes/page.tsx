import { getTranslations, setRequestLocale } from 'next-intl/server';
import { listProposals } from '@/db/queries/votes';
import { requireUser } from '@/lib/auth/guards';
import { parametersInForce } from '@/lib/governance/current';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { ChangesList } from './_components/changes-list';
import { StatusLine } from './_components/status-line';

/** Members' votes on the scoring parameters: open ones first, then those gathering support, then the closed. */
export default async function VotesPage({ params }: PageProps<'/[locale]/votes'>) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await requireUser(`/${locale}/votes`, ['seller', 'coordinator']);
  const [t, list, inForce] = await Promise.all([getTranslations('Votes'), listProposals(), parametersInForce()]);
  const order = { open: 0, gathering: 1, closed: 2 } as const;
  const sorted = [...list].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro', { version: inForce.version })}</p>
      <Link href="/votes/new" className="inline-flex min-h-11 items-center rounded-md bg-stone-900 px-4 py-2 font-medium text-white">
        {t('propose')}
      </Link>
      {sorted.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="space-y-3">
          {sorted.map((p) => (
            <li key={p.id} className="space-y-1 rounded-md border border-stone-300 p-3">
              <StatusLine proposal={p} className="font-semibold" />
              <ChangesList changes={p.changes} />
              <Link href={`/votes/${p.id}`} className="inline-flex min-h-11 items-center font-medium underline underline-offset-4">
                {p.status === 'open' ? t('openToVote') : t('details')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-stone-600">
        <Link href="/changelog" className="inline-flex min-h-11 items-center underline underline-offset-4">{t('changelogLink')}</Link>
      </p>
    </section>
  );
}
