'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { Field, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';
import { setPinsAction } from '../pins/actions';

export function PinsForm() {
  const t = useTranslations('SafetyPins');
  const [state, action] = useActionState<FormState, FormData>(setPinsAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const pin = { type: 'password', inputMode: 'numeric', autoComplete: 'off', maxLength: 8 } as const;
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <Field label={t('pin')} name="pin" hint={t('pinHint')} error={errors.pin} {...pin} />
      <Field label={t('pinConfirm')} name="pinConfirm" error={errors.pinConfirm} {...pin} />
      <Field label={t('duress')} name="duress" hint={t('duressHint')} error={errors.duress} {...pin} />
      <Field label={t('duressConfirm')} name="duressConfirm" error={errors.duressConfirm} {...pin} />
      <Field label={t('password')} name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      {state.status === 'ok' && <p role="status">{t('saved')}</p>}
      <SubmitButton pendingLabel={t('pending')}>{t('save')}</SubmitButton>
    </KeptForm>
  );
}
