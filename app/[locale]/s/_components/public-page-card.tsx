import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { ShareLink } from './share-link';

/** On a seller's own start page: where her public page is, and a way to pass it on. */
export async function PublicPageCard({ pseudonym }: { pseudonym: string }) {
  const [t, tp, locale] = await Promise.all([getTranslations('PublicLink'), getTranslations('PublicProfile'), getLocale()]);
  const path = `/s/${encodeURIComponent(pseudonym)}`;
  return (
    <section aria-labelledby="public-page" className="space-y-2 rounded-md border border-stone-300 bg-white p-4">
      <h2 id="public-page" className="text-xl font-semibold">{t('title')}</h2>
      <p className="text-sm text-stone-600">{t('explain')}</p>
      <p>
        <Link href={path} className="inline-flex min-h-11 items-center underline underline-offset-4">
          {t('open')}
        </Link>
      </p>
      <ShareLink path={`/${locale}${path}`} title={tp('title', { pseudonym })} />
    </section>
  );
}
