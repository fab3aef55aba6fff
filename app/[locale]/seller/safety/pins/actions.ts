'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { setPins } from '@/lib/safety/checkins';

/** Sets her PIN and duress PIN after her password; nothing typed here is ever put back into the form. */
export async function setPinsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await setPins(auth.user, {
    password: formText(form, 'currentPassword', 300),
    pin: formText(form, 'pin', 32),
    pinConfirm: formText(form, 'pinConfirm', 32),
    duress: formText(form, 'duress', 32),
    duressConfirm: formText(form, 'duressConfirm', 32),
  });
  revalidatePath('/[locale]/seller/safety', 'layout');
  return localise(outcome);
}
