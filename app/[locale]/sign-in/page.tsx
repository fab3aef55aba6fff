import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { Link, redirect } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { safeReturnPath } from '@/lib/safe-path';
import { SignInForm } from './_components/sign-in-form';
import { PageMessages } from '../_components/page-messages';

export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/sign-in'>) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const next = safeReturnPath((await searchParams).next) ?? undefined;
  if (await getCurrentUser()) redirect({ href: next ?? '/home', locale });
  const t = await getTranslations('SignIn');
  return (
    <PageMessages namespaces={['Errors', 'SignIn']}>
      <section className="mx-auto max-w-md space-y-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <SignInForm next={next} />
        <ul className="space-y-2 text-sm">
          <li>
            <Link href={next ? { pathname: '/sign-up', query: { next } } : '/sign-up'} className="inline-flex min-h-11 items-center underline underline-offset-4">
              {t('noAccount')}
            </Link>
          </li>
          <li>
            <Link href="/forgot-password" className="inline-flex min-h-11 items-center underline underline-offset-4">
              {t('forgot')}
            </Link>
          </li>
        </ul>
      </section>
    </PageMessages>
  );
}
