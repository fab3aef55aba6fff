'use client';

import { useTranslations } from 'next-intl';

/**
 * What a page shows when its server code failed. In production the browser only gets a digest,
 * never the cause; the likeliest cause is a lost database (the server then answers 503), so the
 * page says "try again"; retry() fetches the page afresh from the server.
 */
export default function PageError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations('Unavailable');
  return (
    <section className="space-y-4" aria-live="polite">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('body')}</p>
      <button type="button" onClick={() => retry()} className="rounded bg-violet-900 px-4 py-2 text-white">
        {t('retry')}
      </button>
    </section>
  );
}
