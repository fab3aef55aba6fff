'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { ANNOTATION_MAX } from '@/lib/reports/constants';
import { annotateReportAction } from '../report-actions';
import { CountedTextarea, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';


export function ReportAnnotationForm({ reportId, current }: { reportId: string; current: string | null }) {
  const t = useTranslations('ReportReviews');
  const [state, action] = useActionState<FormState, FormData>(annotateReportAction, { status: 'idle' });
  const typed = state.status === 'error' ? state.values?.annotation : undefined;
  return (
    <KeptForm action={action} state={state} className="space-y-2" noValidate>
      <input type="hidden" name="reportId" value={reportId} />
      <CountedTextarea
        id={`report-annotation-${reportId}`}
        label={t('annotation')}
        name="annotation"
        max={ANNOTATION_MAX}
        rows={2}
        defaultValue={typed ?? current ?? ''}
        error={state.status === 'error' ? state.fieldErrors.annotation : undefined}
      />
      {state.status === 'ok' && <p role="status">{t('annotationSaved')}</p>}
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('annotationSave')}</SubmitButton>
    </KeptForm>
  );
}
