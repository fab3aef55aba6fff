'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { NOTE_MAX } from '@/lib/safety/limits';
import type { Duration } from '@/lib/safety/timing';
import { CountedTextarea, Field, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';
import { startCheckinAction } from '../actions';

/** Before a meeting: how long (a duration, easier on a phone than a clock), a note for her buddies, the buyer. */
export function StartCheckinForm({ buyer, durations }: { buyer?: string; durations: Duration[] }) {
  const t = useTranslations('Safety');
  const [state, action] = useActionState<FormState, FormData>(startCheckinAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <KeptForm action={action} state={state} draft="checkin-start" className="space-y-3" noValidate>
      <div className="space-y-1">
        <label htmlFor="minutes" className="block font-medium">{t('duration')}</label>
        <select
          id="minutes"
          name="minutes"
          defaultValue={values?.minutes ?? '60'}
          aria-invalid={errors.minutes ? true : undefined}
          aria-describedby="minutes-error"
          className="min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2"
        >
          {durations.map(({ minutes, label }) => (
            <option key={minutes} value={minutes}>{label}</option>
          ))}
        </select>
        <p id="minutes-error" aria-live="polite" className="text-sm text-red-800">{errors.minutes}</p>
      </div>
      <CountedTextarea label={t('note')} name="note" hint={t('noteHint')} rows={3} max={NOTE_MAX} defaultValue={values?.note} error={errors.note} />
      <Field label={t('buyer')} name="buyer" hint={t('buyerHint')} defaultValue={values?.buyer ?? buyer} error={errors.buyer} autoComplete="off" autoCapitalize="none" spellCheck={false} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('start')}</SubmitButton>
    </KeptForm>
  );
}
