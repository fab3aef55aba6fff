'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { addRegionAction } from '../actions';
import { Field, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';

export function RegionForm() {
  const t = useTranslations('Regions');
  const [state, action] = useActionState<FormState, FormData>(addRegionAction, { status: 'idle' });
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <Field label={t('name')} name="name" id="region-name" defaultValue={state.status === 'error' ? state.values?.name : undefined} error={state.status === 'error' ? state.fieldErrors.name : undefined} autoComplete="off" />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      {state.status === 'ok' && <p role="status">{t('added')}</p>}
      <SubmitButton pendingLabel={t('pending')}>{t('add')}</SubmitButton>
    </KeptForm>
  );
}
