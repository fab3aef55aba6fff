import { getTranslations } from 'next-intl/server';
import { NavLink } from './nav-link';

export async function GuidesNav() {
  const t = await getTranslations('Guides');
  const links = [
    ['/guide/scores', t('scoresLink')],
    ['/guide/seller', t('sellerLink')],
    ['/guide/buyer', t('buyerLink')],
    ['/support', t('supportLink')],
    ['/privacy', t('privacyLink')],
  ] as const;
  return (
    <nav aria-label={t('nav')}>
      <ul className="flex flex-wrap gap-x-4">
        {links.map(([href, label]) => (
          <li key={href}>
            <NavLink href={href} className="underline">{label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
