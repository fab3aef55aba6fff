'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Link } from '@/lib/i18n/navigation';
import type { FormState } from '@/lib/i18n/outcome';
import { recoverAction } from '../actions';
import { Field, FormError, SubmitButton } from '../../_components/form';
import { KeptForm } from '../../_components/kept-form';

export function RecoverForm() {
  const t = useTranslations('Recover');
  const [state, action] = useActionState<FormState, FormData>(recoverAction, { status: 'idle' });
  if (state.status === 'ok') {
    return (
      <div className="space-y-4">
        <p role="status">{t('done')}</p>
        <Link href="/sign-in" className="inline-block rounded-md bg-violet-800 px-4 py-2 font-medium text-white">
          {t('toSignIn')}
        </Link>
      </div>
    );
  }
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <KeptForm action={action} state={state} className="space-y-4" noValidate>
      <Field label={t('pseudonym')} name="pseudonym" defaultValue={state.status === 'error' ? state.values?.pseudonym : undefined} autoComplete="username" autoCapitalize="none" spellCheck={false} required />
      <Field label={t('code')} name="code" hint={t('codeHint')} autoComplete="off" spellCheck={false} required />
      <Field label={t('password')} name="password" type="password" hint={t('passwordHint')} error={errors.password} autoComplete="new-password" required />
      <Field label={t('passwordRepeat')} name="passwordRepeat" type="password" error={errors.passwordRepeat} autoComplete="new-password" required />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </KeptForm>
  );
}
