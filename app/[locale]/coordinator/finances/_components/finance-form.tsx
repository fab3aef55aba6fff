'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { postFinancialReportAction } from '../actions';
import { Field, FormError } from '../../../_components/form';
import { ConfirmSubmit } from '../../../_components/confirm-submit';
import { KeptForm } from '../../../_components/kept-form';

/** The month's aggregates; publishing is public and permanent, so it asks once more. */
export function FinanceForm() {
  const t = useTranslations('Finances');
  const [state, action] = useActionState<FormState, FormData>(postFinancialReportAction, { status: 'idle' });
  const kept = state.status === 'error' ? state.values : undefined;
  const error = (name: string) => (state.status === 'error' ? state.fieldErrors[name] : undefined);
  return (
    <KeptForm action={action} state={state} draft="finances" className="space-y-3" noValidate>
      <Field label={t('month')} hint={t('monthHint')} name="month" type="month" defaultValue={kept?.month} error={error('month')} />
      <Field label={t('dues')} hint={t('euroHint')} name="dues" inputMode="decimal" defaultValue={kept?.dues} error={error('dues')} />
      <Field label={t('costs')} hint={t('euroHint')} name="costs" inputMode="decimal" defaultValue={kept?.costs} error={error('costs')} />
      {state.status === 'ok' && <p role="status" className="font-medium">{t('posted')}</p>}
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <ConfirmSubmit label={t('publish')} consequence={t('consequence')} confirm={t('confirm')} cancelHint={t('cancelHint')} />
    </KeptForm>
  );
}
