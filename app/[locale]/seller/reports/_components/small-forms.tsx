'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { MARK_NOTE_MAX, MARK_REASONS } from '@/lib/reports/constants';
import { alertRegionsAction, markReportAction, withdrawReportAction } from '../actions';
import { CountedTextarea, Field, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';

/** Withdraw her own report with the code she was shown (no draft: a code is not kept). */
export function WithdrawForm() {
  const t = useTranslations('Reports');
  const [state, action] = useActionState<FormState, FormData>(withdrawReportAction, { status: 'idle' });
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <Field label={t('withdrawCode')} name="code" id="withdraw-code" error={state.status === 'error' ? state.fieldErrors.code : undefined} autoComplete="off" autoCapitalize="none" spellCheck={false} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      {state.status === 'ok' && <p role="status" className="font-medium">{t('withdrawn')}</p>}
      <SubmitButton pendingLabel={t('pending')} danger>{t('withdrawSubmit')}</SubmitButton>
    </KeptForm>
  );
}

/** "This seems wrong" (the report's own page): a reason from the list and an optional note, for the coordinators. */
export function MarkForm({ reportId }: { reportId: string }) {
  const t = useTranslations('Reports');
  const [state, action] = useActionState<FormState, FormData>(markReportAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const v = state.status === 'error' ? state.values : undefined;
  if (state.status === 'ok') return <p role="status" className="font-medium">{t('marked')}</p>;
  return (
    <KeptForm action={action} state={state} draft={`mark-${reportId}`} className="space-y-3" noValidate>
      <input type="hidden" name="reportId" value={reportId} />
      <fieldset className="space-y-1">
        <legend className="font-medium">{t('markReason')}</legend>
        {MARK_REASONS.map((r) => (
          <label key={r} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="reason" value={r} defaultChecked={v?.reason === r} className="h-5 w-5" />
            {t(`markReasons.${r}`)}
          </label>
        ))}
        <p aria-live="polite" className="text-sm text-red-800">{errors.reason}</p>
      </fieldset>
      <CountedTextarea label={t('markNote')} name="note" id={`mark-note-${reportId}`} rows={2} max={MARK_NOTE_MAX} defaultValue={v?.note} error={errors.note} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('markSubmit')}</SubmitButton>
    </KeptForm>
  );
}

/** The regions she wants alerts about dangerous reports for; none ticked: every region. */
export function AlertRegionsForm({ regions, chosen }: { regions: { id: string; name: string }[]; chosen: string[] }) {
  const t = useTranslations('Reports');
  const [state, action] = useActionState<FormState, FormData>(alertRegionsAction, { status: 'idle' });
  return (
    <KeptForm action={action} state={state} className="space-y-3" noValidate>
      <fieldset className="space-y-1">
        <legend className="font-medium">{t('alertRegions')}</legend>
        <p className="text-sm text-stone-700">{t('alertRegionsHint')}</p>
        {regions.map((r) => (
          <label key={r.id} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="region" value={r.id} defaultChecked={chosen.includes(r.id)} className="h-5 w-5" />
            {r.name}
          </label>
        ))}
      </fieldset>
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      {state.status === 'ok' && <p role="status">{t('alertRegionsSaved')}</p>}
      <SubmitButton pendingLabel={t('pending')}>{t('alertRegionsSubmit')}</SubmitButton>
    </KeptForm>
  );
}
