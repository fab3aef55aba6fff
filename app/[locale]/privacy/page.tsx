import { getTranslations, setRequestLocale } from 'next-intl/server';
import { INVITE_DAYS } from '@/db/queries/invites';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '@/db/queries/sessions';
import { RECOVERY_CODE_COUNT } from '@/lib/accounts/recovery-codes';
import { NOTE_DAYS } from '@/lib/feedback';
import type { Locale } from '@/lib/i18n/routing';
import { EXPIRY_DAYS } from '@/lib/messages/send';
import { MIN_PEOPLE } from '@/lib/metrics/suppress';
import { CODE_DAYS } from '@/lib/screening/code-secret';
import { RightsSection } from './_components/rights-section';

const ITEMS = ['accounts', 'sessions', 'activity', 'codes', 'ratings', 'messages', 'invites', 'limits', 'feedback', 'coordinators'] as const;

/** What is stored, for how long, who sees it — the periods are the constants the code itself uses. */
export default async function PrivacyPage({ params }: PageProps<'/[locale]/privacy'>) {
  setRequestLocale((await params).locale as Locale);
  const t = await getTranslations('Guides.privacy');
  const values = {
    recovery: RECOVERY_CODE_COUNT,
    absolute: SESSION_ABSOLUTE_MS / 3_600_000,
    idle: SESSION_IDLE_MS / 60_000,
    codeDays: CODE_DAYS,
    days: EXPIRY_DAYS.join(' / '),
    inviteDays: INVITE_DAYS,
    noteDays: NOTE_DAYS,
    min: MIN_PEOPLE,
  };
  return (
    <article className="space-y-5">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <section aria-labelledby="never" className="space-y-2">
        <h2 id="never" className="text-lg font-semibold">{t('neverTitle')}</h2>
        <p>{t('never')}</p>
      </section>
      <section aria-labelledby="stored" className="space-y-2">
        <h2 id="stored" className="text-lg font-semibold">{t('storedTitle')}</h2>
        <ul className="list-disc space-y-2 pl-5">
          {ITEMS.map((item) => (
            <li key={item}>{t(item, values)}</li>
          ))}
        </ul>
      </section>
      <RightsSection />
    </article>
  );
}
