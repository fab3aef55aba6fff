'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { feedbackAction } from '../actions';
import { FormError, SubmitButton } from '../../_components/form';

/** Once a week: how well screening works for her. Stored without her name. */
export function FeedbackForm() {
  const t = useTranslations('Feedback');
  const [state, action] = useActionState<FormState, FormData>(feedbackAction, { status: 'idle' });
  if (state.status === 'ok') return <p role="status">{t('thanks')}</p>;
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <fieldset aria-describedby="satisfaction-error">
        <legend className="font-medium">{t('satisfaction')}</legend>
        <div className="flex flex-wrap gap-x-4">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1">
              <input type="radio" name="satisfaction" value={n} />
              {t(`scale.${n}` as 'scale.1')}
            </label>
          ))}
        </div>
        <p id="satisfaction-error" aria-live="polite" className="text-sm text-red-800">{errors.satisfaction}</p>
      </fieldset>
      <fieldset aria-describedby="helped-error">
        <legend className="font-medium">{t('helped')}</legend>
        <div className="flex gap-x-4">
          {(['yes', 'no'] as const).map((v) => (
            <label key={v} className="flex items-center gap-1">
              <input type="radio" name="helped" value={v} />
              {t(v)}
            </label>
          ))}
        </div>
        <p id="helped-error" aria-live="polite" className="text-sm text-red-800">{errors.helped}</p>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="feedback-note" className="block font-medium">{t('note')}</label>
        <p id="feedback-note-hint" className="text-sm text-stone-600">{t('noteHint')}</p>
        <textarea id="feedback-note" name="note" rows={3} maxLength={1000} aria-describedby="feedback-note-hint feedback-note-error" className="w-full rounded-md border border-stone-400 bg-white px-3 py-2" />
        <p id="feedback-note-error" aria-live="polite" className="text-sm text-red-800">{errors.note}</p>
      </div>
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </form>
  );
}
