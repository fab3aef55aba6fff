import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export async function GuidesNav() {
  const t = await getTranslations('Guides');
  const links = [
    ['/guide/scores', t('scoresLink')],
    ['/guide/seller', t('sellerLink')],
    ['/guide/buyer', t('buyerLink')],
    ['/privacy', t('privacyLink')],
  ] as const;
  return (
    <nav aria-label={t('nav')}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {links.map(([href, label]) => (
          <li key={href}>
            <Link href={href} className="underline underline-offset-4">{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
