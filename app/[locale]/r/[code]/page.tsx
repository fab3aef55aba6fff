import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { parseCode } from '@/lib/screening/code-secret';
import { RedeemForm } from '../../buyer/_components/redeem-form';
import { PageMessages } from '../../_components/page-messages';

/** The redemption link a seller hands out. Signed-out visitors go through sign-in and come back. */
export default async function RedeemLinkPage({ params }: PageProps<'/[locale]/r/[code]'>) {
  const { locale, code: raw } = await params;
  setRequestLocale(locale as Locale);
  const code = parseCode(raw) ?? undefined;
  await requireRole('buyer', code ? `/r/${code}` : '/buyer');
  const t = await getTranslations('Redeem');
  return (
    <PageMessages namespaces={['Errors', 'Flags', 'Redeem']}>
      <section className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t('linkTitle')}</h1>
        <p>{t('linkExplain')}</p>
        <RedeemForm code={code} />
      </section>
    </PageMessages>
  );
}
