'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { createInviteAction, type InviteState } from '../actions';
import { FormError, SubmitButton } from '../../_components/form';

export function NewInvite() {
  const t = useTranslations('Invites');
  const locale = useLocale();
  const [state, action] = useActionState<InviteState>(createInviteAction, { status: 'idle' });
  const [copied, setCopied] = useState(false);
  // Only after the action has run, so always in the browser.
  const link = state.status === 'ok' ? `${window.location.origin}/${locale}/sign-up?invite=${state.code}` : '';
  return (
    <div className="space-y-3">
      <form action={action}>
        <SubmitButton pendingLabel={t('pending')}>{t('create')}</SubmitButton>
      </form>
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      {state.status === 'ok' && (
        <div className="space-y-2 rounded-md border-2 border-amber-600 bg-amber-50 p-3" role="status">
          <p>{t('createdOnce', { expiresOn: state.expiresOn })}</p>
          <p>
            {t('code')}: <code className="font-mono text-lg">{state.code}</code>
          </p>
          <p className="break-all">
            {t('link')}: <code className="font-mono text-sm">{link}</code>
          </p>
          <button
            type="button"
            className="rounded-md border border-stone-500 px-3 py-1 text-sm"
            onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true))}
          >
            {copied ? t('copied') : t('copy')}
          </button>
        </div>
      )}
    </div>
  );
}
