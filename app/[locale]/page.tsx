import { useTranslations } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { use } from 'react';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

const IS_KEYS = ['lookup', 'codes', 'warnings', 'privacy'] as const;
const ROLE_KEYS = ['seller', 'buyer', 'coordinator'] as const;

export default function HomePage({ params, searchParams }: PageProps<'/[locale]'>) {
  setRequestLocale(use(params).locale as Locale);
  const deleted = use(searchParams).deleted === '1';
  const t = useTranslations('Home');

  return (
    <article className="space-y-8">
      {deleted && (
        <p role="status" className="rounded-md border border-stone-300 bg-white p-3">
          {t('deleted')}
        </p>
      )}
      <header className="space-y-3">
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="text-lg">{t('intro')}</p>
        <div className="flex flex-wrap gap-3 pt-2">
          <Link href="/sign-in" className="inline-flex min-h-11 items-center rounded-md bg-violet-800 px-4 py-2 font-medium text-white hover:bg-violet-900">
            {t('signIn')}
          </Link>
          <Link href="/sign-up" className="inline-flex min-h-11 items-center rounded-md border border-violet-800 px-4 py-2 font-medium text-violet-900">
            {t('signUp')}
          </Link>
        </div>
      </header>

      <section aria-labelledby="is" className="space-y-2">
        <h2 id="is" className="text-xl font-semibold">{t('isTitle')}</h2>
        <ul className="list-disc space-y-1 pl-5">
          {IS_KEYS.map((key) => <li key={key}>{t(`is.${key}`)}</li>)}
        </ul>
      </section>

      <section aria-labelledby="is-not" className="space-y-2">
        <h2 id="is-not" className="text-xl font-semibold">{t('isNotTitle')}</h2>
        <p>{t('isNot')}</p>
      </section>

      <section aria-labelledby="roles" className="space-y-2">
        <h2 id="roles" className="text-xl font-semibold">{t('rolesTitle')}</h2>
        <ul className="list-disc space-y-1 pl-5">
          {ROLE_KEYS.map((key) => <li key={key}>{t(`roles.${key}`)}</li>)}
        </ul>
      </section>
    </article>
  );
}
