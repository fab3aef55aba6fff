'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Link } from '@/lib/i18n/navigation';
import { lookupAction, type LookupState } from '../actions';
import { Field, FormError, SubmitButton } from '../../_components/form';
import { ReputationCard } from './reputation-card';
import { ReportMatches } from './report-matches';
import { KeptForm } from '../../_components/kept-form';

export function LookupForm({ initial }: { initial?: LookupState }) {
  const t = useTranslations('Lookup');
  const [state, action] = useActionState<LookupState, FormData>(lookupAction, initial ?? { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <div className="space-y-4">
      <KeptForm action={action} state={state} draft="lookup" className="space-y-3" noValidate>
        <Field
          label={t('pseudonym')}
          name="pseudonym"
          defaultValue={state.status === 'error' ? state.values?.pseudonym : undefined}
          error={errors.pseudonym}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <FormError message={state.status === 'error' ? state.formError : undefined} />
        <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
      </KeptForm>
      {state.status === 'ok' && state.warnings > 0 && (
        <p className="rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium">
          <Link href={{ pathname: '/seller/warnings', query: { buyer: state.found ? state.reputation.pseudonym : state.pseudonym } }} className="underline underline-offset-4">
            {t('warnings', { count: state.warnings })}
          </Link>
        </p>
      )}
      {state.status === 'ok' && state.found && <ReputationCard r={state.reputation} />}
      {state.status === 'ok' && <ReportMatches reports={state.reports} />}
      {state.status === 'ok' && !state.found && (
        <section role="status" className="space-y-2 rounded-md border border-stone-300 bg-white p-4">
          <p className="font-medium">{t('unknown', { pseudonym: state.pseudonym })}</p>
          <p>{t('unknownHint')}</p>
          <Link href={{ pathname: '/seller/encounters', query: { unbound: '1' } }} className="underline underline-offset-4">
            {t('recordUnbound')}
          </Link>
        </section>
      )}
    </div>
  );
}
