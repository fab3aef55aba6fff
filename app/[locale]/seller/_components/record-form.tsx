'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { formatDate } from '@/lib/i18n/format';
import { useActionState, useState } from 'react';
import { recordEncounterAction, type RecordState } from '../actions';
import { FlagsFieldset } from '../../_components/flags-fieldset';
import { Field, FormError, SubmitButton } from '../../_components/form';
import { KeptForm } from '../../_components/kept-form';

export function RecordForm({ buyer, unbound: startUnbound }: { buyer?: string; unbound?: boolean }) {
  const t = useTranslations('Encounter');
  const locale = useLocale();
  const format = useFormatter();
  const [state, action] = useActionState<RecordState, FormData>(recordEncounterAction, { status: 'idle' });
  const [unbound, setUnbound] = useState(!!startUnbound);
  const [copied, setCopied] = useState(false);

  if (state.status === 'ok') {
    const link = `${window.location.origin}/${locale}/r/${state.code}`;
    return (
      <section role="status" aria-labelledby="code-title" className="space-y-2 rounded-md border-2 border-violet-700 bg-violet-50 p-4">
        <h3 id="code-title" className="text-lg font-semibold">{t('codeTitle')}</h3>
        <p className="font-mono text-4xl tracking-widest" aria-label={t('codeLabel')}>{state.code}</p>
        <p>{state.buyer ? t('boundTo', { buyer: state.buyer }) : t('unboundNote')}</p>
        <p>{t('expires', { date: formatDate(format, state.expiresOn) })}</p>
        {state.rated && <p>{t('ratedToo')}</p>}
        {state.ratingRefused && <p className="rounded-md border-2 border-amber-700 bg-amber-50 p-2 font-medium">{t('ratingRefusedToday', { buyer: state.buyer ?? '' })}</p>}
        <p className="break-all">
          {t('link')}: <code className="font-mono text-sm">{link}</code>
        </p>
        <button type="button" className="rounded-md border border-stone-500 px-3 py-1 text-sm" onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
          {copied ? t('copied') : t('copy')}
        </button>
      </section>
    );
  }

  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <KeptForm action={action} state={state} draft="record" className="space-y-4" noValidate>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="unbound" checked={unbound} onChange={(e) => setUnbound(e.target.checked)} className="mt-1" />
        <span>{t('unbound')}</span>
      </label>
      {!unbound && (
        <Field
          label={t('buyer')}
          name="buyer"
          hint={t('buyerHint')}
          defaultValue={(state.status === 'error' ? state.values?.buyer : undefined) ?? buyer}
          error={errors.buyer}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
      )}
      {!unbound && <FlagsFieldset idPrefix="record" error={errors.form} />}
      {unbound && errors.form && <p className="text-sm text-red-800">{errors.form}</p>}
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </KeptForm>
  );
}
