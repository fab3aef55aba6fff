import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { listSessions } from '@/db/queries/sessions';
import { getProfile } from '@/db/queries/users';
import { requireUser } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { ChangePasswordForm, DeleteAccountForm, RegenerateCodesForm } from './_components/password-forms';
import { SessionList } from './_components/session-list';
import { formatMonth } from '@/lib/i18n/format';
import { PageMessages } from '../_components/page-messages';

export default async function AccountPage({ params }: PageProps<'/[locale]/account'>) {
  setRequestLocale((await params).locale as Locale);
  const user = await requireUser('/account');
  const [profile, sessions, t, format] = await Promise.all([
    getProfile(user.id),
    listSessions(user.id, new Date()),
    getTranslations('Account'),
    getFormatter(),
  ]);
  const section = 'space-y-3 rounded-md border border-stone-200 bg-white p-4';
  return (
    <PageMessages namespaces={['Account', 'Errors', 'RecoveryCodes']}>
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {user.mustChangePassword && (
          <p role="alert" className="rounded-md border-2 border-amber-700 bg-amber-50 p-3 font-medium">{t('setOwnPassword')}</p>
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t('pseudonym')}</dt>
          <dd>{user.pseudonym}</dd>
          <dt className="font-medium">{t('role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          <dt className="font-medium">{t('memberSince')}</dt>
          <dd>{profile && formatMonth(format, profile.memberSince)}</dd>
        </dl>
        <section aria-labelledby="sessions" className={section}>
          <h2 id="sessions" className="text-xl font-semibold">{t('sessionsTitle')}</h2>
          <SessionList sessions={sessions} current={user.sessionId} />
        </section>
        <section aria-labelledby="password" className={section}>
          <h2 id="password" className="text-xl font-semibold">{t('passwordTitle')}</h2>
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="codes" className={section}>
          <h2 id="codes" className="text-xl font-semibold">{t('codesTitle')}</h2>
          <RegenerateCodesForm />
        </section>
        <section aria-labelledby="my-data" className={section}>
          <h2 id="my-data" className="text-xl font-semibold">{t('dataTitle')}</h2>
          <p>{t('dataExplain')}</p>
          {/* A plain download: the API answers with the file (attachment, no-store). */}
          <a href="/api/account/export" download className="inline-flex min-h-11 items-center font-medium underline underline-offset-4">
            {t('dataDownload')}
          </a>
          {user.role === 'buyer' && <p className="text-sm text-stone-700">{t('consentWithdraw')}</p>}
        </section>
        <section aria-labelledby="delete" className={section}>
          <h2 id="delete" className="text-xl font-semibold">{t('deleteTitle')}</h2>
          <DeleteAccountForm pseudonym={user.pseudonym} />
        </section>
      </div>
    </PageMessages>
  );
}
