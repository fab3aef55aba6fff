'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { feedbackAction } from '../actions';
import { CountedTextarea, FormError, SubmitButton } from '../../_components/form';
import { FEEDBACK_NOTE_MAX } from '@/lib/feedback-limits';
import { KeptForm } from '../../_components/kept-form';

/** Once a week: how well screening works for her. Stored without her name. */
export function FeedbackForm() {
  const t = useTranslations('Feedback');
  const [state, action] = useActionState<FormState, FormData>(feedbackAction, { status: 'idle' });
  if (state.status === 'ok') return <p role="status">{t('thanks')}</p>;
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <KeptForm action={action} state={state} draft="feedback" className="space-y-3" noValidate>
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
      <CountedTextarea label={t('note')} name="note" id="feedback-note" hint={t('noteHint')} rows={3} max={FEEDBACK_NOTE_MAX} error={errors.note} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </KeptForm>
  );
}
