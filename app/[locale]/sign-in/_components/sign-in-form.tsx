'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { signInAction } from '../actions';
import { Field, FormError, SubmitButton } from '../../_components/form';
import { KeptForm } from '../../_components/kept-form';

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations('SignIn');
  const [state, action] = useActionState<FormState, FormData>(signInAction, { status: 'idle' });
  const formError = state.status === 'error' ? state.formError : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <KeptForm action={action} state={state} className="space-y-4" noValidate>
      {next && <input type="hidden" name="next" value={next} />}
      <Field label={t('pseudonym')} name="pseudonym" defaultValue={values?.pseudonym} autoComplete="username" required autoCapitalize="none" spellCheck={false} />
      <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
      <FormError message={formError} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </KeptForm>
  );
}
