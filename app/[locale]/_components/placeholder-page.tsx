import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** Until accounts exist (the accounts issue), sign-in and sign-up say so plainly. */
export async function PlaceholderPage({ title }: { title: 'signInTitle' | 'signUpTitle' }) {
  const t = await getTranslations('Placeholder');
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t(title)}</h1>
      <p>{t('notYet')}</p>
      <Link href="/" className="underline underline-offset-4">{t('back')}</Link>
    </section>
  );
}
