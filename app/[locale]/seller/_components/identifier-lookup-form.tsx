'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { HANDLE_PLATFORMS } from '@/lib/reports/constants';
import { lookupIdentifierAction, type IdentifierLookupState } from '../reports/actions';
import { Field, FormError, SubmitButton } from '../../_components/form';
import { KeptForm } from '../../_components/kept-form';
import { ReportMatches } from './report-matches';

const KINDS = ['phone', 'plate', 'handle'] as const;

/** Look up a phone number, a car plate or a handle: the live reports that name it. */
export function IdentifierLookupForm() {
  const t = useTranslations('Reports');
  const [state, action] = useActionState<IdentifierLookupState, FormData>(lookupIdentifierAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <div className="space-y-4">
      <KeptForm action={action} state={state} className="space-y-3" noValidate>
        <fieldset className="space-y-1">
          <legend className="font-medium">{t('lookupKind')}</legend>
          <div className="flex flex-wrap gap-x-4">
            {KINDS.map((k) => (
              <label key={k} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="kind" value={k} defaultChecked={(values?.kind ?? 'phone') === k} className="h-5 w-5" />
                {t(`kind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('lookupValue')} name="value" id="identifier-value" hint={t('lookupValueHint')} defaultValue={values?.value} error={errors.value ?? errors.kind} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        <div className="space-y-1">
          <label htmlFor="identifier-platform" className="block font-medium">{t('platform')}</label>
          <select id="identifier-platform" name="platform" defaultValue={values?.platform ?? ''} className="min-h-11 w-full rounded-md border border-stone-400 bg-white px-3">
            <option value="">{t('platformNone')}</option>
            {HANDLE_PLATFORMS.map((p) => (
              <option key={p} value={p}>{t(`platforms.${p}`)}</option>
            ))}
          </select>
        </div>
        <FormError message={state.status === 'error' ? state.formError : undefined} />
        <SubmitButton pendingLabel={t('lookupPending')}>{t('lookupSubmit')}</SubmitButton>
      </KeptForm>
      {state.status === 'ok' && (
        <div role="status" className="space-y-2">
          {state.reports.length === 0 ? (
            <p className="rounded-md border border-stone-300 bg-white p-3 font-medium">{t('noMatches', { value: state.value })}</p>
          ) : (
            <>
              <p className="rounded-md border-2 border-red-800 bg-red-50 p-3 font-bold">{t('matchHeadline', { count: state.reports.length, value: state.value })}</p>
              <ReportMatches reports={state.reports} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
