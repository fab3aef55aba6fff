'use server';

import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { panic } from '@/lib/safety/alarms';

/** The panic page's "Send alarm now": to all her buddies at once, with her position only if she ticked it. */
export async function panicAction(_prev: FormState, form: FormData): Promise<FormState<{ buddies: number }>> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const position =
    form.get('withPosition') === 'on' && formText(form, 'lat', 32)
      ? { lat: formText(form, 'lat', 32), lon: formText(form, 'lon', 32), accuracy: formText(form, 'accuracy', 32) }
      : null;
  return localise(await panic(auth.user.id, position));
}
