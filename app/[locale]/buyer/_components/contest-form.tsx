'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CONTEST_NOTE_MAX, CONTEST_REASONS } from '@/lib/rights/limits';
import type { FormState } from '@/lib/i18n/outcome';
import { contestFlagAction } from '../contest-actions';
import { CountedTextarea, FormError, SubmitButton } from '../../_components/form';
import { KeptForm } from '../../_components/kept-form';

export function ContestForm() {
  const t = useTranslations('Contest');
  const [state, action] = useActionState<FormState, FormData>(contestFlagAction, { status: 'idle' });
  if (state.status === 'ok') return <p role="status" className="font-medium">{t('sent')}</p>;
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <fieldset className="space-y-2" aria-describedby="reason-error">
        <legend className="font-medium">{t('reasonLegend')}</legend>
        {CONTEST_REASONS.map((reason) => (
          <label key={reason} className="flex items-start gap-2">
            <input type="radio" name="reason" value={reason} defaultChecked={values?.reason === reason} className="mt-1" required />
            <span>{t(`reasons.${reason}`)}</span>
          </label>
        ))}
        <p id="reason-error" aria-live="polite" className="text-sm text-red-800">{errors.reason}</p>
      </fieldset>
      <CountedTextarea label={t('note')} hint={t('noteHint')} name="note" max={CONTEST_NOTE_MAX} rows={3} defaultValue={values?.note} error={errors.note} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </KeptForm>
  );
}
