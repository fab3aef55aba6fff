'use client';

import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';

const never = () => () => {};

type Done = 'shared' | 'copied' | 'failed';

/**
 * Shares the public page through the phone's share sheet where there is one (Web Share API),
 * else copies its address; either way says what happened. Nothing leaves the browser otherwise.
 */
export function ShareLink({ path, title }: { path: string; title: string }) {
  const t = useTranslations('PublicLink');
  // Browser-only facts: the server (and hydration) render the path and the copy button.
  const origin = useSyncExternalStore(never, () => window.location.origin, () => '');
  const canShare = useSyncExternalStore(never, () => typeof navigator.share === 'function', () => false);
  const [done, setDone] = useState<Done | null>(null);
  const url = `${origin}${path}`;

  async function share() {
    setDone(null);
    if (canShare) {
      try {
        await navigator.share({ title, url });
        setDone('shared');
        return;
      } catch (error) {
        // She closed the share sheet: nothing to report. Other failures fall back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setDone('copied');
    } catch {
      setDone('failed');
    }
  }

  return (
    <div className="space-y-2">
      <p className="break-all">
        <code className="font-mono text-sm">{url}</code>
      </p>
      <button type="button" onClick={share} className="min-h-11 rounded-md bg-violet-800 px-4 py-2 font-medium text-white hover:bg-violet-900">
        {canShare ? t('share') : t('copy')}
      </button>
      <p role="status" aria-live="polite" className="text-sm font-medium empty:hidden">
        {done && t(done)}
      </p>
    </div>
  );
}
