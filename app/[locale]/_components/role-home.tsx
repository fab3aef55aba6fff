import { getTranslations } from 'next-intl/server';
import type { Role } from '@/db/queries/users';
import { Link } from '@/lib/i18n/navigation';

/** A role's start page: who you are here and what you can do. */
export async function RoleHome({ role, pseudonym, children }: { role: Role; pseudonym: string; children?: React.ReactNode }) {
  const t = await getTranslations('RoleHome');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('welcome', { pseudonym })}</h1>
      <p>{t(`about.${role}`)}</p>
      {children}
      <ul className="space-y-1">
        {role !== 'coordinator' && (
          <li>
            <Link href={`/guide/${role}`} className="underline underline-offset-4">
              {t('guide')}
            </Link>
          </li>
        )}
        <li>
          <Link href="/account" className="underline underline-offset-4">
            {t('account')}
          </Link>
        </li>
      </ul>
    </div>
  );
}
