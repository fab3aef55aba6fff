import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { RELEASE_THRESHOLD } from '@/lib/disclosure/release';
import { twoDecimals } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { buyerScore, sellerScore, type BuyerRating } from '@/lib/trust';

const r = (safe: boolean | null, reliable: boolean | null = true): BuyerRating => ({ safe, reliable });
const times = <T,>(n: number, x: T) => Array.from({ length: n }, () => x);

/** The scoring explained in plain words first; the maths follows in an appendix, every example computed live by lib/trust.ts. */
export default async function ScoresGuide({ params }: PageProps<'/[locale]/guide/scores'>) {
  setRequestLocale((await params).locale as Locale);
  const [t, format] = await Promise.all([getTranslations('Guides.scores'), getFormatter()]);
  const n = (x: number | null) => twoDecimals(format, x);
  const range = (i: [number, number] | null) => (i ? `${n(i[0])}–${n(i[1])}` : '—');

  const threeAndOne = buyerScore([...times(3, r(true)), r(false)]);
  const oneAndOne = buyerScore([r(true), r(false)]);
  const fourAndOne = buyerScore([...times(4, r(true)), r(false)]);
  const mixed = buyerScore([...times(3, r(true, true)), r(true, false)]);
  const halfTrusted = buyerScore([r(true, true), r(true, true), r(true, false)]); // S = 1, R = 0.5
  const lowInfluence = halfTrusted.influence;
  const alone = sellerScore([{ safe: false, reliable: false, raterInfluence: lowInfluence }]);
  const withOthers = sellerScore([{ safe: false, reliable: false, raterInfluence: lowInfluence }, ...times(3, { safe: true, reliable: true, raterInfluence: 1 })]);
  const one = buyerScore([r(true)]);
  const twenty = buyerScore(times(20, r(true)));

  const section = (id: string, title: string, body: string, example?: string, Heading: 'h2' | 'h3' = 'h2') => (
    <section key={id} aria-labelledby={id} className="space-y-2">
      <Heading id={id} className={Heading === 'h2' ? 'text-lg font-semibold' : 'font-semibold'}>{title}</Heading>
      <p>{body}</p>
      {example && <p className="rounded-md border border-violet-200 bg-violet-50 p-3">{example}</p>}
    </section>
  );

  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      {(['lookup', 'numbers', 'range', 'retaliation'] as const).map((k) => section(k, t(`plain.${k}.title`), t(`plain.${k}.body`)))}
      {section('weekly', t('weekly.title'), t('weekly.body', { k: RELEASE_THRESHOLD }))}
      <section aria-labelledby="appendix" className="space-y-4 border-t border-stone-300 pt-4">
        <h2 id="appendix" className="text-lg font-semibold">{t('appendix.title')}</h2>
        <p>{t('appendix.intro')}</p>
        {section('s', t('s.title'), t('s.body'), t('s.example', { s: n(threeAndOne.safety), one: n(oneAndOne.safety) }), 'h3')}
        {section('counts', t('counts.title'), t('counts.body', { s: n(fourAndOne.safety) }), undefined, 'h3')}
        {section('trust', t('trust.title'), t('trust.body'), t('trust.example', { s: n(mixed.safety), r: n(mixed.reliability), t: n(mixed.trust) }), 'h3')}
        {section(
          'influence',
          t('influence.title'),
          t('influence.body', { t: n(halfTrusted.trust), i: n(lowInfluence) }),
          t('influence.example', { t: n(halfTrusted.trust), alone: n(alone.safety), withOthers: n(withOthers.safety) }),
          'h3',
        )}
        {section('interval', t('interval.title'), t('interval.body', { one: range(one.safetyInterval), twenty: range(twenty.safetyInterval) }), undefined, 'h3')}
      </section>
    </article>
  );
}
