'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormState } from '@/lib/i18n/outcome';
import { ConfirmSubmit } from '../../../_components/confirm-submit';
import { Field, FormError, SubmitButton } from '../../../_components/form';
import { KeptForm } from '../../../_components/kept-form';
import { answerBuddyAction, inviteBuddyAction } from '../buddies/actions';

export function InviteBuddyForm() {
  const t = useTranslations('Buddies');
  const [state, action] = useActionState<FormState<{ accepted: boolean }>, FormData>(inviteBuddyAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <KeptForm action={action} state={state} draft="buddy-invite" className="space-y-3" noValidate>
      <Field label={t('pseudonym')} name="pseudonym" hint={t('pseudonymHint')} defaultValue={state.status === 'error' ? state.values?.pseudonym : undefined} error={errors.pseudonym} autoComplete="off" autoCapitalize="none" spellCheck={false} />
      <FormError message={state.status === 'error' ? state.formError : undefined} />
      {state.status === 'ok' && <p role="status">{state.accepted ? t('nowBuddies') : t('invited')}</p>}
      <SubmitButton pendingLabel={t('pending')}>{t('invite')}</SubmitButton>
    </KeptForm>
  );
}

/** One pairing's buttons: accept or decline a request to her, withdraw hers, or end a pairing (confirmed). */
export function BuddyAnswer({ pairId, pseudonym, accepted, mine }: { pairId: string; pseudonym: string; accepted: boolean; mine: boolean }) {
  const t = useTranslations('Buddies');
  const [state, action] = useActionState<FormState, FormData>(answerBuddyAction, { status: 'idle' });
  const button = 'min-h-11 rounded-md px-4 py-2 font-medium';
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="pairId" value={pairId} />
      {accepted ? (
        <>
          <input type="hidden" name="do" value="end" />
          <ConfirmSubmit
            label={t('end')}
            name={t('endName', { pseudonym })}
            consequence={t('endConsequence', { pseudonym })}
            confirm={t('endConfirm')}
            cancelHint={t('cancelHint')}
          />
        </>
      ) : mine ? (
        <button type="submit" name="do" value="withdraw" className={`${button} border border-stone-400 bg-white`}>{t('withdraw')}</button>
      ) : (
        <>
          <button type="submit" name="do" value="accept" className={`${button} bg-violet-800 text-white hover:bg-violet-900`} aria-label={t('acceptName', { pseudonym })}>
            {t('accept')}
          </button>
          <button type="submit" name="do" value="decline" className={`${button} border border-stone-400 bg-white`} aria-label={t('declineName', { pseudonym })}>
            {t('decline')}
          </button>
        </>
      )}
      <FormError message={state.status === 'error' ? state.formError : undefined} />
    </form>
  );
}
