'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { INVITE_LABEL_MAX } from '@/lib/accounts/invite-limits';

/**
 * The invite's optional label with a live count. No maxLength: a pasted text that is too long
 * stays whole and visible, and the count (and the action) say so instead of cutting it.
 */
export function InviteLabelField({ initial, error }: { initial?: string; error?: string }) {
  const t = useTranslations('Invites');
  const [value, setValue] = useState(initial ?? '');
  const over = value.trim().length > INVITE_LABEL_MAX;
  return (
    <div className="space-y-1">
      <label htmlFor="invite-label" className="block font-medium">
        {t('label')}
      </label>
      <p id="invite-label-hint" className="text-sm text-stone-600">
        {t('labelHint', { max: INVITE_LABEL_MAX })}
      </p>
      <input
        id="invite-label"
        name="label"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoComplete="off"
        aria-invalid={error || over ? true : undefined}
        aria-describedby="invite-label-hint invite-label-count invite-label-error"
        className="min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 aria-invalid:border-red-700"
      />
      <p id="invite-label-count" aria-live="polite" className={`text-sm tabular-nums ${over ? 'font-medium text-red-800' : 'text-stone-600'}`}>
        {t(over ? 'labelCountOver' : 'labelCount', { count: value.trim().length, max: INVITE_LABEL_MAX })}
      </p>
      <p id="invite-label-error" aria-live="polite" className="text-sm text-red-800">
        {error}
      </p>
    </div>
  );
}
