import { connection } from 'next/server';
import { getFormatter, getTranslations } from 'next-intl/server';
import { publicChangelogEntries } from '@/db/queries/flag-removal';
import { parametersInForce } from '@/lib/governance/current';
import { formatDate } from '@/lib/i18n/format';
import { CONTEST_NOTE_MAX } from '@/lib/rights/limits';

/** Data rights with the figures the code uses, and the public changelog of review decisions (no names). */
export async function RightsSection() {
  // The changelog is read per request, not baked into the page at build time.
  await connection();
  const [t, format, changelog] = await Promise.all([getTranslations('PrivacyRights'), getFormatter(), publicChangelogEntries()]);
  return (
    <>
      <section aria-labelledby="rights" className="space-y-2">
        <h2 id="rights" className="text-lg font-semibold">{t('title')}</h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>{t('export')}</li>
          <li>{t('consent')}</li>
          <li>{t('advice', { k: (await parametersInForce()).params.releaseThreshold })}</li>
          <li>{t('contest', { max: CONTEST_NOTE_MAX })}</li>
        </ul>
      </section>
      <section aria-labelledby="changelog" className="space-y-2">
        <h2 id="changelog" className="text-lg font-semibold">{t('changelogTitle')}</h2>
        {changelog.length === 0 ? (
          <p>{t('changelogEmpty')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {changelog.map((entry, i) => (
              <li key={i}>{t('flagRemoved', { date: formatDate(format, entry.changedOn) })}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
