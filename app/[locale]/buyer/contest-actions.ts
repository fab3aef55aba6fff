'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { contestFlag } from '@/lib/rights/contests';

/** "A flag about me is wrong": a review item for the coordinators. Buyers only. */
export async function contestFlagAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['buyer']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  // Read generously: an over-long note is refused and kept in the form, never cut.
  const input = { reason: formText(form, 'reason', 40), note: formText(form, 'note', 5000) };
  const outcome = await contestFlag(auth.user.id, input);
  if (outcome.ok) revalidatePath('/[locale]/buyer', 'page');
  return localise(outcome, input);
}
