'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { FormError, SubmitButton } from '../../../_components/form';
import { acknowledgeAction } from '../actions';

/** "I'm handling it": stops the alerts to every buddy; the others see who took it on. */
export function AcknowledgeForm({ id, kind }: { id: string; kind: 'checkin' | 'alarm' }) {
  const t = useTranslations('Safety');
  const [state, action] = useActionState<FormState, FormData>(acknowledgeAction, { status: 'idle' });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="kind" value={kind} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')} danger>{t('handling')}</SubmitButton>
    </form>
  );
}
