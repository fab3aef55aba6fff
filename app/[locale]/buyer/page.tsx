import { setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { RoleHome } from '../_components/role-home';

export default async function BuyerHome({ params }: PageProps<'/[locale]/buyer'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('buyer', '/buyer');
  return <RoleHome role="buyer" pseudonym={user.pseudonym} />;
}
