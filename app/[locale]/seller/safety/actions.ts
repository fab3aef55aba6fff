'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { endWithPin, extendOwnCheckin, startCheckin } from '@/lib/safety/checkins';
import { acknowledge } from '@/lib/safety/view';

const SAFETY = '/[locale]/seller/safety';

/** Starts her check-in: a duration, an optional note for her buddies, the buyer she looked up. */
export async function startCheckinAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const input = { minutes: formText(form, 'minutes', 4), note: formText(form, 'note', 4000), buyer: formText(form, 'buyer', 64) };
  const outcome = await startCheckin(auth.user.id, input);
  revalidatePath(SAFETY, 'layout');
  // The note stays in the form after an error, never in a log or any other state.
  return localise(outcome, outcome.ok ? undefined : { note: input.note, buyer: input.buyer, minutes: input.minutes });
}

export async function extendCheckinAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await extendOwnCheckin(auth.user.id, { checkinId: formText(form, 'checkinId', 64), minutes: formText(form, 'minutes', 4) });
  revalidatePath(SAFETY, 'layout');
  return localise(outcome);
}

/**
 * "I'm OK" with her PIN. Her PIN and her duress PIN end in the same redirect to the same page:
 * nothing on her screen (or in the reply) tells them apart. A wrong PIN stays on the form.
 */
export async function endCheckinAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await endWithPin(auth.user.id, { checkinId: formText(form, 'checkinId', 64), pin: formText(form, 'pin', 32) });
  if (!outcome.ok) return localise(outcome);
  revalidatePath(SAFETY, 'layout');
  redirect({ href: { pathname: '/seller/safety', query: { ended: '1' } }, locale: await getLocale() });
  return { status: 'ok' }; // not reached: redirect() throws
}

/** "I'm handling it": a buddy stops the alerts of an overdue check-in or an alarm. */
export async function acknowledgeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const id = z.uuid().safeParse(form.get('id'));
  const kind = form.get('kind');
  const outcome = !id.success
    ? ({ ok: false, formError: 'alertGone' } as const)
    : await acknowledge(auth.user.id, kind === 'alarm' ? { alarmId: id.data } : { checkinId: id.data });
  revalidatePath(SAFETY, 'layout');
  return localise(outcome);
}
