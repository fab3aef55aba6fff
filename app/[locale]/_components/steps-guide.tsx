import { getTranslations } from 'next-intl/server';
import { RELEASE_THRESHOLD } from '@/lib/disclosure/release';

/** A guide of numbered sections, all text from messages (Guides.<which>.steps.N). */
export async function StepsGuide({ which, count }: { which: 'seller' | 'buyer'; count: number }) {
  const t = await getTranslations(`Guides.${which}`);
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
    </article>
  );
}
