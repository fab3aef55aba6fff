'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { ANNOTATION_MAX } from '@/lib/rights/limits';
import { annotateReviewAction } from '../actions';
import { CountedTextarea, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';

export function AnnotationForm({ id, current }: { id: string; current: string | null }) {
  const t = useTranslations('Reviews');
  const [state, action] = useActionState<FormState, FormData>(annotateReviewAction, { status: 'idle' });
  const typed = state.status === 'error' ? state.values?.text : undefined;
  return (
    <KeptForm action={action} state={state} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <CountedTextarea
        id={`annotation-${id}`}
        label={t('annotation')}
        hint={t('annotationHint')}
        name="text"
        max={ANNOTATION_MAX}
        rows={2}
        defaultValue={typed ?? current ?? ''}
        error={state.status === 'error' ? state.fieldErrors.text : undefined}
      />
      {state.status === 'ok' && <p role="status">{t('annotationSaved')}</p>}
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('annotationSave')}</SubmitButton>
    </KeptForm>
  );
}
