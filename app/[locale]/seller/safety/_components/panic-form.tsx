'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { FormError } from '../../../_components/form';
import { panicAction } from '../panic/actions';

type Where = { lat: string; lon: string; accuracy: string } | 'asking' | 'unavailable' | null;

/**
 * The panic page's one button. Her position is asked for only when she ticks the box, and sent
 * with this alarm only; without it (or without JavaScript) the alarm goes out all the same.
 */
export function PanicForm() {
  const t = useTranslations('Panic');
  const [state, action, pending] = useActionState<FormState<{ buddies: number }>, FormData>(panicAction, { status: 'idle' });
  const [where, setWhere] = useState<Where>(null);
  const ask = (checked: boolean) => {
    if (!checked) return setWhere(null);
    if (!('geolocation' in navigator)) return setWhere('unavailable');
    setWhere('asking');
    navigator.geolocation.getCurrentPosition(
      (p) => setWhere({ lat: String(p.coords.latitude), lon: String(p.coords.longitude), accuracy: String(p.coords.accuracy) }),
      () => setWhere('unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  if (state.status === 'ok') {
    return (
      <div role="status" className="space-y-2 rounded-md border-2 border-red-800 bg-red-50 p-4">
        <p className="text-lg font-bold">{t('sent', { count: state.buddies })}</p>
        <p>{t('sentNext')}</p>
      </div>
    );
  }
  const position = typeof where === 'object' && where ? where : null;
  return (
    <form action={action} className="space-y-4">
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="withPosition" onChange={(e) => ask(e.currentTarget.checked)} className="size-5" />
        {t('withPosition')}
      </label>
      <p aria-live="polite" className="text-sm text-stone-700">
        {where === 'asking' ? t('positionAsking') : where === 'unavailable' ? t('positionUnavailable') : position ? t('positionReady') : t('positionHint')}
      </p>
      {position && (
        <>
          <input type="hidden" name="lat" value={position.lat} />
          <input type="hidden" name="lon" value={position.lon} />
          <input type="hidden" name="accuracy" value={position.accuracy} />
        </>
      )}
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <button type="submit" disabled={pending} className="min-h-16 w-full rounded-md bg-red-800 px-4 py-3 text-xl font-bold text-white hover:bg-red-900 disabled:opacity-60">
        {pending ? t('sending') : t('send')}
      </button>
    </form>
  );
}
