import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { PlaceholderPage } from '../_components/placeholder-page';

export default async function SignUpPage({ params }: PageProps<'/[locale]/sign-up'>) {
  setRequestLocale((await params).locale as Locale);
  return <PlaceholderPage title="signUpTitle" />;
}
