import { setRequestLocale } from 'next-intl/server';
import { requireUser } from '@/lib/auth/guards';
import { redirect } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

/** After sign-in: each role's own start page. */
export default async function HomeRedirect({ params }: PageProps<'/[locale]/home'>) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const user = await requireUser('/home');
  redirect({ href: `/${user.role}`, locale });
}
