'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { formatDate } from '@/lib/i18n/format';
import { useActionState, useState } from 'react';
import { createInviteAction, type InviteState } from '../actions';
import { FormError, SubmitButton } from '../../_components/form';
import { InviteLabelField } from './invite-label-field';

export function NewInvite() {
  const t = useTranslations('Invites');
  const format = useFormatter();
  const locale = useLocale();
  const [state, action] = useActionState<InviteState, FormData>(createInviteAction, { status: 'idle' });
  const [copied, setCopied] = useState<string | null>(null);
  // Only after the action has run, so always in the browser.
  const link = state.status === 'ok' ? `${window.location.origin}/${locale}/sign-up?invite=${state.code}` : '';
  const error = state.status === 'error' ? state : undefined;
  return (
    <div className="space-y-3">
      {/* A new key after each invite empties the label; after an error the typed label stays. */}
      <form action={action} key={state.status === 'ok' ? state.code : 'form'} className="space-y-3" noValidate>
        <InviteLabelField initial={error?.values?.label} error={error?.fieldErrors.label} />
        <SubmitButton pendingLabel={t('pending')}>{t('create')}</SubmitButton>
      </form>
      <FormError message={error?.formError} />
      {state.status === 'ok' && (
        <div className="space-y-2 rounded-md border-2 border-amber-600 bg-amber-50 p-3" role="status">
          <p>{t('createdOnce', { expiresOn: formatDate(format, state.expiresOn) })}</p>
          {state.label && <p className="break-words">{t('createdLabel', { label: state.label })}</p>}
          <p>
            {t('code')}: <code className="font-mono text-lg">{state.code}</code>
          </p>
          <p className="break-all">
            {t('link')}: <code className="font-mono text-sm">{link}</code>
          </p>
          <button
            type="button"
            className="min-h-11 rounded-md border border-stone-500 px-3 py-1 text-sm"
            onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(state.code))}
          >
            {copied === state.code ? t('copied') : t('copy')}
          </button>
        </div>
      )}
    </div>
  );
}
