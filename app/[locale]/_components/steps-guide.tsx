import { getTranslations } from 'next-intl/server';
import { RELEASE_THRESHOLD } from '@/lib/disclosure/release';
import { Link } from '@/lib/i18n/navigation';

/** A guide of numbered sections, all text from messages (Guides.<which>.steps.N). */
export async function StepsGuide({ which, count }: { which: 'seller' | 'buyer'; count: number }) {
  const [t, exit] = await Promise.all([getTranslations(`Guides.${which}`), getTranslations('Guides.exit')]);
  const steps = Array.from({ length: count }, (_, i) => String(i + 1) as '1');
  return (
    <article className="space-y-5">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {steps.map((n) => (
        <section key={n} aria-labelledby={`step-${n}`} className="space-y-1">
          <h2 id={`step-${n}`} className="text-lg font-semibold">{t(`steps.${n}.title`)}</h2>
          <p>{t(`steps.${n}.body`, { k: RELEASE_THRESHOLD })}</p>
        </section>
      ))}
      <section aria-labelledby="quick-exit" className="space-y-1">
        <h2 id="quick-exit" className="text-lg font-semibold">{exit('title')}</h2>
        <p>{exit('body')}</p>
        <p>{exit('limits')}</p>
        <Link href="/support" className="inline-flex min-h-11 items-center underline underline-offset-4">{exit('support')}</Link>
      </section>
    </article>
  );
}
