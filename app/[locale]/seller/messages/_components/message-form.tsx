'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { sendMessageAction } from '../actions';
import { CountedTextarea, Field, FormError, SubmitButton } from '../../../_components/form';
import { MESSAGE_MAX } from '@/lib/messages/limits';
import { KeptForm } from '../../../_components/kept-form';

const DAYS = [1, 7, 30] as const;

/** A direct message (to a fixed or typed seller) or a warning (optionally naming a buyer). */
/** `defaultDays`: the voted default expiry (parameter version in force). */
export function MessageForm({ kind, to, buyer, defaultDays = 7 }: { kind: 'direct' | 'warning'; to?: string; buyer?: string; defaultDays?: number }) {
  const t = useTranslations('Messages');
  const [state, action] = useActionState<FormState, FormData>(sendMessageAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <KeptForm action={action} state={state} draft={`message-${kind}-${to ?? buyer ?? ""}`} className="space-y-3" noValidate>
      <input type="hidden" name="kind" value={kind} />
      {kind === 'direct' && to && <input type="hidden" name="to" value={to} />}
      {kind === 'direct' && !to && (
        <Field label={t('to')} name="to" defaultValue={values?.to} error={errors.to} autoComplete="off" autoCapitalize="none" spellCheck={false} />
      )}
      {kind === 'warning' && (
        <Field label={t('buyer')} name="buyer" hint={t('buyerHint')} defaultValue={values?.buyer ?? buyer} error={errors.buyer} autoComplete="off" autoCapitalize="none" spellCheck={false} />
      )}
      <CountedTextarea label={kind === 'warning' ? t('warningBody') : t('body')} name="body" id={`${kind}-body`} rows={4} max={MESSAGE_MAX} defaultValue={values?.body} error={errors.body} />
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="mb-1 w-full font-medium">{t('expiry')}</legend>
        {DAYS.map((d) => (
          <label key={d} className="flex items-center gap-1">
            <input type="radio" name="days" value={d} defaultChecked={d === defaultDays} />
            {t('days', { count: d })}
          </label>
        ))}
      </fieldset>
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      {state.status === 'ok' && <p role="status">{t('sent')}</p>}
      <SubmitButton pendingLabel={t('pending')}>{kind === 'warning' ? t('post') : t('send')}</SubmitButton>
    </KeptForm>
  );
}
