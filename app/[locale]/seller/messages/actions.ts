'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { deleteOwnMessage } from '@/db/queries/messages';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { sendMessage, type SendInput } from '@/lib/messages/send';

/** Sends a direct message or posts a warning, as the form's hidden `kind` says. */
export async function sendMessageAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const kind = formText(form, 'kind', 10);
  const input = {
    kind,
    body: formText(form, 'body', 4000),
    days: formText(form, 'days', 3) || undefined,
    ...(kind === 'direct' ? { to: formText(form, 'to', 64) } : { buyer: formText(form, 'buyer', 64) }),
  } as SendInput;
  const outcome = await sendMessage(auth.user.id, input);
  revalidatePath('/[locale]/seller', 'layout');
  const values = { to: formText(form, 'to', 64), buyer: formText(form, 'buyer', 64) };
  // The text stays in the form after an error, never in any log or state beyond this reply.
  return localise(outcome, outcome.ok ? undefined : { ...values, body: formText(form, 'body', 4000) });
}

export async function deleteMessageAction(form: FormData): Promise<void> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok || !isForm(form)) return;
  const id = z.uuid().safeParse(form.get('messageId'));
  if (id.success) await deleteOwnMessage(auth.user.id, id.data);
  revalidatePath('/[locale]/seller', 'layout');
}
