import { getTranslations } from 'next-intl/server';

/** The seller guide's section on check-ins, the duress PIN, the alarm, and what they cannot promise. */
export async function SafetyGuide() {
  const t = await getTranslations('SafetyGuide');
  return (
    <section aria-labelledby="safety-guide" className="mt-5 space-y-2">
      <h2 id="safety-guide" className="text-lg font-semibold">{t('title')}</h2>
      <p>{t('buddies')}</p>
      <p>{t('checkins')}</p>
      <p>{t('duress')}</p>
      <p>{t('panic')}</p>
      <p className="font-medium">{t('limits')}</p>
    </section>
  );
}
