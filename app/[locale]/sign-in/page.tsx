import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { PlaceholderPage } from '../_components/placeholder-page';

export default async function SignInPage({ params }: PageProps<'/[locale]/sign-in'>) {
  setRequestLocale((await params).locale as Locale);
  return <PlaceholderPage title="signInTitle" />;
}
