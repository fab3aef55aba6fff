import { connection } from 'next/server';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { latestChangelog } from '@/db/queries/changelog';
import type { Locale } from '@/lib/i18n/routing';
import { ChangelogEntry } from './_components/changelog-entry';

const SHOWN = 100;

/** Public, no sign-in: the cooperative's decisions, versions, releases and finances, newest first. */
export default async function ChangelogPage({ params }: PageProps<'/[locale]/changelog'>) {
  setRequestLocale((await params).locale as Locale);
  await connection();
  const [t, entries] = await Promise.all([getTranslations('Changelog'), latestChangelog(SHOWN)]);
  return (
    <article className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="text-sm text-stone-700">{t('chain')}</p>
      <p>
        {/* A download, not a page of this app (as the account page's export). */}
        <a href="/api/changelog" download="changelog.json" className="inline-flex min-h-11 items-center font-medium underline underline-offset-4">{t('feed')}</a>
      </p>
      {entries.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((e) => (
            <ChangelogEntry key={e.seq} entry={e} />
          ))}
        </ol>
      )}
    </article>
  );
}
