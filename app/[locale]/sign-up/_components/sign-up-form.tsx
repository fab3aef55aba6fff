'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { Link, useRouter } from '@/lib/i18n/navigation';
import { signUpAction, type SignUpState } from '../actions';
import { Field, FormError, SubmitButton } from '../../_components/form';
import { RecoveryCodes } from '../../_components/recovery-codes';
import { KeptForm } from '../../_components/kept-form';

export function SignUpForm({ invite, next }: { invite?: string; next?: string }) {
  const t = useTranslations('SignUp');
  const [state, action] = useActionState<SignUpState, FormData>(signUpAction, { status: 'idle' });
  const [role, setRole] = useState<'buyer' | 'seller'>(invite ? 'seller' : 'buyer');
  const router = useRouter();
  // Signed in by the action: re-render the layout (header) while the codes stay on screen.
  useEffect(() => {
    if (state.status === 'ok') router.refresh();
  }, [state.status, router]);

  if (state.status === 'ok') {
    return (
      <div className="space-y-4">
        <p role="status">{t('created')}</p>
        <RecoveryCodes codes={state.recoveryCodes} />
        <Link href={next ?? '/home'} className="inline-block rounded-md bg-violet-800 px-4 py-2 font-medium text-white">
          {t('continue')}
        </Link>
      </div>
    );
  }

  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <KeptForm action={action} state={state} draft="sign-up" className="space-y-4" noValidate>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t('roleLegend')}</legend>
        {(['buyer', 'seller'] as const).map((value) => (
          <label key={value} className="flex items-start gap-2">
            <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} className="mt-1" />
            <span>{t(`role.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      {role === 'seller' && (
        <Field label={t('invite')} name="invite" hint={t('inviteHint')} defaultValue={values?.invite || invite} error={errors.invite} autoComplete="off" spellCheck={false} />
      )}
      <Field
        label={t('pseudonym')}
        name="pseudonym"
        defaultValue={values?.pseudonym}
        hint={t('pseudonymHint')}
        error={errors.pseudonym}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <Field label={t('password')} name="password" type="password" hint={t('passwordHint')} error={errors.password} autoComplete="new-password" required />
      <Field label={t('passwordRepeat')} name="passwordRepeat" type="password" error={errors.passwordRepeat} autoComplete="new-password" required />
      {role === 'buyer' && (
        // Explicit and separate (GDPR Art. 9(2)(a)): never ticked in advance, its purpose in words.
        <div className="space-y-1">
          <p id="consent-purpose" className="text-sm text-stone-700">{t('consentPurpose')}</p>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              name="consent"
              className="mt-1"
              aria-describedby="consent-purpose consent-error"
              aria-invalid={errors.consent ? true : undefined}
              required
            />
            <span>{t('consent')}</span>
          </label>
          <p id="consent-error" aria-live="polite" className="text-sm text-red-800">{errors.consent}</p>
        </div>
      )}
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </KeptForm>
  );
}
