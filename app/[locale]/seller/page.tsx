import { setRequestLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { RoleHome } from '../_components/role-home';

export default async function SellerHome({ params }: PageProps<'/[locale]/seller'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireRole('seller', '/seller');
  return <RoleHome role="seller" pseudonym={user.pseudonym} />;
}
