'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { proposeAction } from '../actions';
import { CountedTextarea, Field, FormError, SubmitButton } from '../../_components/form';
import { KeptForm } from '../../_components/kept-form';

export interface ParamField {
  name: string;
  label: string;
  hint: string;
  value: string;
  /** A number field's range, or a choice's options. */
  range?: { min: number; max: number; step: number };
  options?: { value: string; label: string }[];
}

/** Every parameter, prefilled with the version in force: a member changes what she wants changed. */
export function ProposeForm({ fields, reasonMax, days, locale }: { fields: ParamField[]; reasonMax: number; days: { min: number; max: number; value: number } | null; locale: string }) {
  const t = useTranslations('Votes');
  const [state, action] = useActionState<FormState, FormData>(proposeAction, { status: 'idle' });
  const kept = state.status === 'error' ? state.values : undefined;
  const error = (name: string) => (state.status === 'error' ? state.fieldErrors[name] : undefined);
  return (
    <KeptForm action={action} state={state} draft="propose" className="space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t('parameters')}</legend>
        {fields.map((f) =>
          f.options ? (
            <div key={f.name} className="space-y-1">
              <label htmlFor={f.name} className="block font-medium">{f.label}</label>
              <p id={`${f.name}-hint`} className="text-sm text-stone-600">{f.hint}</p>
              <select
                id={f.name}
                name={f.name}
                defaultValue={kept?.[f.name] ?? f.value}
                aria-describedby={`${f.name}-hint ${f.name}-error`}
                aria-invalid={error(f.name) ? true : undefined}
                className="min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2"
              >
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
              <p id={`${f.name}-error`} aria-live="polite" className="text-sm text-red-800">{error(f.name)}</p>
            </div>
          ) : (
            <Field
              key={f.name}
              label={f.label}
              hint={f.hint}
              name={f.name}
              type="number"
              inputMode="decimal"
              min={f.range?.min}
              max={f.range?.max}
              step={f.range?.step}
              defaultValue={kept?.[f.name] ?? f.value}
              error={error(f.name)}
            />
          ),
        )}
      </fieldset>
      <CountedTextarea label={t('reason')} hint={t('reasonHint')} name="reason" max={reasonMax} rows={4} defaultValue={kept?.reason ?? ''} error={error('reason')} />
      {days && (
        <Field label={t('days')} hint={t('daysHint', { min: days.min, max: days.max })} name="days" type="number" inputMode="numeric" min={days.min} max={days.max} defaultValue={kept?.days ?? String(days.value)} error={error('days')} />
      )}
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{days ? t('submitOpen') : t('submitGather')}</SubmitButton>
    </KeptForm>
  );
}
