'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { FormError, SubmitButton } from '../../_components/form';
import { KeptForm } from '../../_components/kept-form';

/** One small governance form (vote, co-sign, open, count): the proposal's id, its fields, one button. */
export function ActionForm({
  action,
  id,
  children,
  submit,
  pending,
  done,
  draft,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  id: string;
  children?: ReactNode;
  submit: string;
  pending: string;
  done: string;
  draft?: string;
}) {
  const [state, run] = useActionState<FormState, FormData>(action, { status: 'idle' });
  return (
    <KeptForm action={run} state={state} draft={draft} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={id} />
      {children}
      {state.status === 'ok' && <p role="status" className="font-medium">{done}</p>}
      <FormError message={state.status === 'error' ? (state.formError ?? Object.values(state.fieldErrors)[0]) : undefined} />
      <SubmitButton pendingLabel={pending}>{submit}</SubmitButton>
    </KeptForm>
  );
}
