import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { RecoverForm } from './_components/recover-form';
import { PageMessages } from '../_components/page-messages';

export default async function ForgotPasswordPage({ params }: PageProps<'/[locale]/forgot-password'>) {
  setRequestLocale((await params).locale as Locale);
  const t = await getTranslations('Recover');
  return (
    <PageMessages namespaces={['Errors', 'Recover']}>
      <section className="mx-auto max-w-md space-y-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('intro')}</p>
        <RecoverForm />
      </section>
    </PageMessages>
  );
}
