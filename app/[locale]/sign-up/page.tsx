import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { safeReturnPath } from '@/lib/safe-path';
import { SignUpForm } from './_components/sign-up-form';
import { PageMessages } from '../_components/page-messages';

export default async function SignUpPage({ params, searchParams }: PageProps<'/[locale]/sign-up'>) {
  setRequestLocale((await params).locale as Locale);
  const query = await searchParams;
  const invite = typeof query.invite === 'string' ? query.invite.slice(0, 100) : undefined;
  const next = safeReturnPath(query.next) ?? undefined;
  const t = await getTranslations('SignUp');
  return (
    <PageMessages namespaces={['Errors', 'RecoveryCodes', 'SignUp']}>
      <section className="mx-auto max-w-md space-y-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('intro')}</p>
        <SignUpForm invite={invite} next={next} />
        <p className="text-sm">
          <Link href={next ? { pathname: '/sign-in', query: { next } } : '/sign-in'} className="inline-flex min-h-11 items-center underline underline-offset-4">
            {t('haveAccount')}
          </Link>
        </p>
      </section>
    </PageMessages>
  );
}
