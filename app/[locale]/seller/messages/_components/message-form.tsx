'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { sendMessageAction } from '../actions';
import { Field, FormError, SubmitButton } from '../../../_components/form';

const DAYS = [1, 7, 30] as const;

/** A direct message (to a fixed or typed seller) or a warning (optionally naming a buyer). */
export function MessageForm({ kind, to, buyer }: { kind: 'direct' | 'warning'; to?: string; buyer?: string }) {
  const t = useTranslations('Messages');
  const [state, action] = useActionState<FormState, FormData>(sendMessageAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="kind" value={kind} />
      {kind === 'direct' && to && <input type="hidden" name="to" value={to} />}
      {kind === 'direct' && !to && (
        <Field label={t('to')} name="to" defaultValue={values?.to} error={errors.to} autoComplete="off" autoCapitalize="none" spellCheck={false} />
      )}
      {kind === 'warning' && (
        <Field label={t('buyer')} name="buyer" hint={t('buyerHint')} defaultValue={values?.buyer ?? buyer} error={errors.buyer} autoComplete="off" autoCapitalize="none" spellCheck={false} />
      )}
      <div className="space-y-1">
        <label htmlFor={`${kind}-body`} className="block font-medium">
          {kind === 'warning' ? t('warningBody') : t('body')}
        </label>
        <textarea
          id={`${kind}-body`}
          name="body"
          rows={4}
          maxLength={2000}
          defaultValue={values?.body}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${kind}-body-error`}
          className="w-full rounded-md border border-stone-400 bg-white px-3 py-2"
        />
        <p id={`${kind}-body-error`} aria-live="polite" className="text-sm text-red-800">
          {errors.body}
        </p>
      </div>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="mb-1 w-full font-medium">{t('expiry')}</legend>
        {DAYS.map((d) => (
          <label key={d} className="flex items-center gap-1">
            <input type="radio" name="days" value={d} defaultChecked={d === 7} />
            {t('days', { count: d })}
          </label>
        ))}
      </fieldset>
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      {state.status === 'ok' && <p role="status">{t('sent')}</p>}
      <SubmitButton pendingLabel={t('pending')}>{kind === 'warning' ? t('post') : t('send')}</SubmitButton>
    </form>
  );
}
