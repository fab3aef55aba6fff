'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { formatDate } from '@/lib/i18n/format';
import { HANDLE_PLATFORMS } from '@/lib/reports/constants';
import { REPORT_CATEGORIES, REPORT_DESCRIPTION_MAX, REPORT_SEVERITIES } from '@/lib/reports/constants';
import { submitReportAction, type ReportState } from '../actions';
import { CountedTextarea, Field, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';

const select = 'min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 aria-invalid:border-red-700';

/** A structured report: what, how serious, the day, the region, and the identifiers she has. */
export function ReportForm({ regions, today }: { regions: { id: string; name: string }[]; today: string }) {
  const t = useTranslations('Reports');
  const format = useFormatter();
  const [state, action] = useActionState<ReportState, FormData>(submitReportAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const v = state.status === 'error' ? state.values : undefined;
  if (state.status === 'ok') {
    return (
      <div role="status" className="space-y-2 rounded-md border-2 border-green-800 bg-green-50 p-4">
        <p className="text-lg font-bold">{t('sent')}</p>
        <p>{t('withdrawalExplain')}</p>
        <p className="font-mono text-2xl font-bold tracking-wider" data-testid="withdrawal-code">{state.withdrawalCode}</p>
        <p className="text-sm">{t('expiresOn', { date: formatDate(format, state.expiresOn) })}</p>
      </div>
    );
  }
  const error = (name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {});
  return (
    <KeptForm action={action} state={state} draft="report" className="space-y-4" noValidate>
      <div className="space-y-1">
        <label htmlFor="category" className="block font-medium">{t('categoryLabel')}</label>
        <select id="category" name="category" defaultValue={v?.category ?? ''} className={select} {...error('category')}>
          <option value="" disabled>{t('choose')}</option>
          {REPORT_CATEGORIES.map((c) => <option key={c} value={c}>{t(`category.${c}`)}</option>)}
        </select>
        <p id="category-error" aria-live="polite" className="text-sm text-red-800">{errors.category}</p>
      </div>
      <fieldset className="space-y-1" {...error('severity')}>
        <legend className="font-medium">{t('severityLabel')}</legend>
        {REPORT_SEVERITIES.map((s) => (
          <label key={s} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="severity" value={s} defaultChecked={v?.severity === s} className="h-5 w-5" />
            <span>
              <span className="font-medium">{t(`severity.${s}`)}</span> <span className="text-sm text-stone-700">{t(`severityHint.${s}`)}</span>
            </span>
          </label>
        ))}
        <p id="severity-error" aria-live="polite" className="text-sm text-red-800">{errors.severity}</p>
      </fieldset>
      <Field label={t('occurredOn')} name="occurredOn" type="date" max={today} defaultValue={v?.occurredOn ?? today} error={errors.occurredOn} hint={t('occurredOnHint')} />
      <div className="space-y-1">
        <label htmlFor="regionId" className="block font-medium">{t('region')}</label>
        <select id="regionId" name="regionId" defaultValue={v?.regionId ?? ''} className={select} {...error('regionId')}>
          <option value="">{t('noRegion')}</option>
          {regions.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
        <p id="regionId-error" aria-live="polite" className="text-sm text-red-800">{errors.regionId}</p>
      </div>
      <fieldset className="space-y-3 rounded-md border border-stone-300 p-3">
        <legend className="px-1 font-medium">{t('identifiers')}</legend>
        <p className="text-sm text-stone-700">{t('identifiersHint')}</p>
        <Field label={t('kind.pseudonym')} name="pseudonym" id="report-pseudonym" defaultValue={v?.pseudonym} error={errors.pseudonym} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        <Field label={t('kind.phone')} name="phone" id="report-phone" type="tel" hint={t('phoneHint')} defaultValue={v?.phone} error={errors.phone} autoComplete="off" />
        <Field label={t('kind.plate')} name="plate" id="report-plate" hint={t('plateHint')} defaultValue={v?.plate} error={errors.plate} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        <div className="space-y-1">
          <label htmlFor="handlePlatform" className="block font-medium">{t('platform')}</label>
          <select id="handlePlatform" name="handlePlatform" defaultValue={v?.handlePlatform ?? ''} className={select}>
            <option value="">{t('platformNone')}</option>
            {HANDLE_PLATFORMS.map((p) => <option key={p} value={p}>{t(`platforms.${p}`)}</option>)}
          </select>
        </div>
        <Field label={t('kind.handle')} name="handle" id="report-handle" defaultValue={v?.handle} error={errors.handle} autoComplete="off" autoCapitalize="none" spellCheck={false} />
      </fieldset>
      <CountedTextarea label={t('description')} name="description" rows={4} max={REPORT_DESCRIPTION_MAX} hint={t('descriptionHint')} defaultValue={v?.description} error={errors.description} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </KeptForm>
  );
}
