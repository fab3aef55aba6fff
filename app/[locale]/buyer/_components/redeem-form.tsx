'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { rateSellerAction, redeemAction, type RedeemState } from '../actions';
import { Field, FormError, SubmitButton } from '../../_components/form';
import { RateForm } from '../../_components/rate-form';
import { KeptForm } from '../../_components/kept-form';

export function RedeemForm({ code }: { code?: string }) {
  const t = useTranslations('Redeem');
  const [state, action] = useActionState<RedeemState, FormData>(redeemAction, { status: 'idle' });
  if (state.status === 'ok') {
    return (
      <div className="space-y-3">
        <p role="status" className="font-medium">{t('done', { seller: state.seller })}</p>
        <RateForm codeId={state.codeId} action={rateSellerAction} label={t('rateLabel', { seller: state.seller })} />
      </div>
    );
  }
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <Field
        label={t('code')}
        name="code"
        defaultValue={code}
        error={state.status === 'error' ? state.fieldErrors.code : undefined}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={9}
        required
      />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </KeptForm>
  );
}
