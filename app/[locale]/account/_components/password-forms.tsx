'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { changePasswordAction, deleteAccountAction, regenerateCodesAction } from '../actions';
import { Field, FormError, SubmitButton } from '../../_components/form';
import { KeptForm } from '../../_components/kept-form';
import { RecoveryCodes } from '../../_components/recovery-codes';

const errorsOf = (state: FormState<object>) => (state.status === 'error' ? state.fieldErrors : {});
const formErrorOf = (state: FormState<object>) => (state.status === 'error' ? state.formError : undefined);

export function ChangePasswordForm() {
  const t = useTranslations('Account');
  const [state, action] = useActionState<FormState, FormData>(changePasswordAction, { status: 'idle' });
  const errors = errorsOf(state);
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <Field label={t('currentPassword')} name="currentPassword" type="password" error={errors.currentPassword} autoComplete="current-password" required />
      <Field label={t('newPassword')} name="newPassword" type="password" hint={t('passwordHint')} error={errors.newPassword} autoComplete="new-password" required />
      <Field label={t('newPasswordRepeat')} name="newPasswordRepeat" type="password" error={errors.newPasswordRepeat} autoComplete="new-password" required />
      <FormError message={formErrorOf(state)} />
      {state.status === 'ok' && <p role="status">{t('passwordChanged')}</p>}
      <SubmitButton pendingLabel={t('pending')}>{t('changePassword')}</SubmitButton>
    </KeptForm>
  );
}

export function RegenerateCodesForm() {
  const t = useTranslations('Account');
  const [state, action] = useActionState<FormState<{ recoveryCodes: string[] }>, FormData>(regenerateCodesAction, { status: 'idle' });
  if (state.status === 'ok') return <RecoveryCodes codes={state.recoveryCodes} />;
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <p>{t('codesExplain')}</p>
      <Field label={t('currentPassword')} name="currentPassword" id="codes-password" type="password" error={errorsOf(state).currentPassword} autoComplete="current-password" required />
      <FormError message={formErrorOf(state)} />
      <SubmitButton pendingLabel={t('pending')}>{t('newCodes')}</SubmitButton>
    </KeptForm>
  );
}

export function DeleteAccountForm({ pseudonym }: { pseudonym: string }) {
  const t = useTranslations('Account');
  const [state, action] = useActionState<FormState, FormData>(deleteAccountAction, { status: 'idle' });
  const errors = errorsOf(state);
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <p>{t('deleteExplain')}</p>
      <Field label={t('confirmation', { pseudonym })} name="confirmation" error={errors.confirmation} autoComplete="off" spellCheck={false} required />
      <Field label={t('currentPassword')} name="currentPassword" id="delete-password" type="password" error={errors.currentPassword} autoComplete="current-password" required />
      <FormError message={formErrorOf(state)} />
      <SubmitButton pendingLabel={t('pending')} danger>
        {t('deleteSubmit')}
      </SubmitButton>
    </KeptForm>
  );
}
