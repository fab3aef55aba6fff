import { getTranslations } from 'next-intl/server';
import type { Role } from '@/db/queries/users';
import { NavLink } from './nav-link';

/** A role's start page: who you are here and what you can do. */
export async function RoleHome({ role, pseudonym, children }: { role: Role; pseudonym: string; children?: React.ReactNode }) {
  const t = await getTranslations('RoleHome');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('welcome', { pseudonym })}</h1>
      <p>{t(`about.${role}`)}</p>
      {children}
      <ul>
        {role !== 'coordinator' && (
          <li>
            <NavLink href={`/guide/${role}`} className="underline">{t('guide')}</NavLink>
          </li>
        )}
        <li>
          <NavLink href="/account" className="underline">{t('account')}</NavLink>
        </li>
      </ul>
    </div>
  );
}
