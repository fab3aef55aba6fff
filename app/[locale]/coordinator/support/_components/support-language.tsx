'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import type { Locale } from '@/lib/i18n/routing';
import { SUPPORT_A6_CHARS, SUPPORT_MARKDOWN_MAX } from '@/lib/support/limits';
import { MarkdownView } from '@/lib/support/render';
import { ConfirmSubmit } from '../../../_components/confirm-submit';
import { CountedTextarea, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';
import { MARKDOWN_CLASSES } from '../../../support/_components/markdown-classes';
import { resetSupportAction, saveSupportAction } from '../actions';

/** One language of the support page: the Markdown, a live preview, and a confirmed reset to the defaults. */
export function SupportLanguage({ locale, current, template, customised }: { locale: Locale; current: string; template: string; customised: boolean }) {
  const t = useTranslations('SupportEdit');
  const [state, save] = useActionState<FormState, FormData>(saveSupportAction, { status: 'idle' });
  const [resetState, reset] = useActionState<FormState, FormData>(resetSupportAction, { status: 'idle' });
  const typed = state.status === 'error' ? state.values?.markdown : undefined;
  const [text, setText] = useState(typed ?? current);
  // After a reset the editor starts again from the defaults (a new text area), and the tab's draft of it is forgotten.
  const [version, setVersion] = useState(0);
  const [seenReset, setSeenReset] = useState(resetState);
  if (resetState !== seenReset) {
    setSeenReset(resetState);
    if (resetState.status === 'ok') {
      setText(template);
      setVersion((v) => v + 1);
    }
  }
  useEffect(() => {
    if (resetState.status === 'ok') sessionStorage.removeItem(`draft:support-${locale}`);
  }, [resetState, locale]);

  const id = `support-${locale}`;
  return (
    <div className="space-y-4">
      <KeptForm action={save} state={state} draft={id} className="space-y-3" noValidate>
        <input type="hidden" name="locale" value={locale} />
        <CountedTextarea
          key={version}
          id={`markdown-${locale}`}
          lang={locale}
          label={t('text')}
          hint={t('hint', { a6: SUPPORT_A6_CHARS })}
          name="markdown"
          max={SUPPORT_MARKDOWN_MAX}
          rows={14}
          defaultValue={typed ?? current}
          onChange={(e) => setText(e.currentTarget.value)}
          error={state.status === 'error' ? state.fieldErrors.markdown : undefined}
          className="w-full rounded-md border border-stone-400 bg-white px-3 py-2 font-mono text-sm aria-invalid:border-red-700"
        />
        {state.status === 'ok' && <p role="status" className="font-medium">{t('saved')}</p>}
        <FormError message={state.status === 'error' ? (state.formError ?? state.fieldErrors.locale) : undefined} />
        <SubmitButton pendingLabel={t('pending')}>{t('save')}</SubmitButton>
      </KeptForm>

      <section aria-labelledby={`${id}-preview`} className="space-y-2">
        <h3 id={`${id}-preview`} className="font-semibold">{t('preview')}</h3>
        <div lang={locale} className="rounded-md border border-stone-300 bg-white p-3">
          <MarkdownView source={text} className={MARKDOWN_CLASSES} />
        </div>
      </section>

      {customised && (
        <form action={reset}>
          <input type="hidden" name="locale" value={locale} />
          <ConfirmSubmit label={t('reset')} consequence={t('resetConsequence')} confirm={t('resetConfirm')} cancelHint={t('resetCancel')} />
        </form>
      )}
      {resetState.status === 'ok' && <p role="status" className="font-medium">{t('resetDone')}</p>}
      <FormError message={resetState.status === 'error' ? (resetState.formError ?? resetState.fieldErrors.locale) : undefined} />
    </div>
  );
}
