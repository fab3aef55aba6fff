'use client';

import { useTranslations } from 'next-intl';

/** Shown while a page loads (sign-in takes seconds on a slow phone): words first, then the shape of a page, never a blank area. */
export function PageLoading() {
  const t = useTranslations('Common');
  return (
    <div role="status" aria-busy="true" className="space-y-4">
      <p className="flex items-center gap-2 text-lg font-medium">
        <span aria-hidden="true" className="inline-block size-4 animate-spin rounded-full border-2 border-violet-800 border-t-transparent motion-reduce:animate-none" />
        {t('loading')}
      </p>
      <div aria-hidden="true" className="space-y-3">
        <div className="h-8 w-2/3 rounded bg-stone-200" />
        <div className="h-4 w-full rounded bg-stone-200" />
        <div className="h-4 w-5/6 rounded bg-stone-200" />
        <div className="h-24 w-full rounded bg-stone-200" />
      </div>
    </div>
  );
}
