'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { acceptRequest, endPairing, inviteByPseudonym } from '@/lib/safety/buddies';

const BUDDIES = '/[locale]/seller/safety';

export async function inviteBuddyAction(_prev: FormState, form: FormData): Promise<FormState<{ accepted: boolean }>> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const pseudonym = formText(form, 'pseudonym', 64);
  const outcome = await inviteByPseudonym(auth.user.id, pseudonym);
  revalidatePath(BUDDIES, 'layout');
  return localise(outcome, outcome.ok ? undefined : { pseudonym });
}

/** Accept, decline, withdraw or end, as the pressed button's `do` says. */
export async function answerBuddyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const id = z.uuid().safeParse(form.get('pairId'));
  if (!id.success) return localise({ ok: false, formError: 'buddyGone' });
  const outcome = form.get('do') === 'accept' ? await acceptRequest(auth.user.id, id.data) : await endPairing(auth.user.id, id.data);
  revalidatePath(BUDDIES, 'layout');
  return localise(outcome);
}
