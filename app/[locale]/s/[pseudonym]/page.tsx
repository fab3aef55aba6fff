import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { publicSellerProfile } from '@/lib/screening/profile';
import { BAND_KEYS } from '@/lib/disclosure/coarse';
import { parametersInForce } from '@/lib/governance/current';
import { formatDate, formatMonth, twoDecimals } from '@/lib/i18n/format';

/** Minimal public verification of a seller: member since (month) and her last released score. */
export default async function PublicSellerPage({ params }: PageProps<'/[locale]/s/[pseudonym]'>) {
  const { locale, pseudonym } = await params;
  setRequestLocale(locale as Locale);
  const profile = await publicSellerProfile(decodeURIComponent(pseudonym));
  if (!profile) notFound();
  const [t, format] = await Promise.all([getTranslations('PublicProfile'), getFormatter()]);
  const num = (x: number | null) => twoDecimals(format, x);
  const s = profile.score;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title', { pseudonym: profile.pseudonym })}</h1>
      <p>{t('member', { since: formatMonth(format, profile.memberSince) })}</p>
      {s && s.safety !== null ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>{t('safety')}</dt>
          <dd>{num(s.safety)}</dd>
          <dt>{t('reliability')}</dt>
          <dd>{num(s.reliability)}</dd>
          <dt>{t('sampleSize')}</dt>
          <dd>{t('band', { band: BAND_KEYS[s.sampleSize] })}</dd>
        </dl>
      ) : (
        <p>{t('noScore')}</p>
      )}
      {profile.snapshotOn && <p className="text-sm text-stone-600">{t('snapshot', { k: (await parametersInForce()).params.releaseThreshold, date: formatDate(format, profile.snapshotOn) })}</p>}
      <p className="text-sm text-stone-600">{t('explain')}</p>
    </section>
  );
}
