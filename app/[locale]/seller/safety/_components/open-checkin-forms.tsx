'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import type { Duration } from '@/lib/safety/timing';
import { Field, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';
import { endCheckinAction, extendCheckinAction } from '../actions';

/** More time, while no alert has gone out. */
export function ExtendForm({ checkinId, durations }: { checkinId: string; durations: Duration[] }) {
  const t = useTranslations('Safety');
  const [state, action] = useActionState<FormState, FormData>(extendCheckinAction, { status: 'idle' });
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="checkinId" value={checkinId} />
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
        <legend className="mb-1 w-full font-medium">{t('extendBy')}</legend>
        {durations.map(({ minutes, label }) => (
          <label key={minutes} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="minutes" value={minutes} defaultChecked={minutes === 30} />
            {label}
          </label>
        ))}
      </fieldset>
      <FormError message={state.status === 'error' ? (state.formError ?? state.fieldErrors.minutes) : undefined} />
      {state.status === 'ok' && <p role="status">{t('extended')}</p>}
      <SubmitButton pendingLabel={t('pending')}>{t('extend')}</SubmitButton>
    </KeptForm>
  );
}

/**
 * "I'm OK" with her PIN. Her duress PIN is typed into the same field and leads to the same page:
 * this form cannot tell them apart, and neither can anyone watching.
 */
export function EndForm({ checkinId }: { checkinId: string }) {
  const t = useTranslations('Safety');
  const [state, action] = useActionState<FormState, FormData>(endCheckinAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="checkinId" value={checkinId} />
      <Field label={t('pin')} name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8} error={errors.pin} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('imOk')}</SubmitButton>
    </KeptForm>
  );
}
