'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { FlagsFieldset } from './flags-fieldset';
import { FormError, SubmitButton } from './form';
import { KeptForm } from './kept-form';

/** Rate one encounter: the action is the seller's or the buyer's, the form is the same. */
export function RateForm({ codeId, action, label }: { codeId: string; action: (s: FormState, f: FormData) => Promise<FormState>; label: string }) {
  const t = useTranslations('Flags');
  const [state, dispatch] = useActionState<FormState, FormData>(action, { status: 'idle' });
  if (state.status === 'ok') return <p role="status">{t('thanks')}</p>;
  return (
    <KeptForm action={dispatch} state={state} draft={`rate-${codeId}`} className="space-y-2" aria-label={label}>
      <input type="hidden" name="codeId" value={codeId} />
      <FlagsFieldset idPrefix={`rate-${codeId}`} error={state.status === 'error' ? state.fieldErrors.form : undefined} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </KeptForm>
  );
}
