'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { resetSupportContent, saveSupportContent } from '@/lib/support/content';
import { SUPPORT_MARKDOWN_MAX } from '@/lib/support/limits';

function refresh() {
  revalidatePath('/[locale]/support', 'page');
  revalidatePath('/[locale]/coordinator/support', 'page');
}

/** Saves the support page's text in one language. Coordinators only. */
export async function saveSupportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  // Read a little past the limit, so that a text too long is refused in words rather than cut.
  const input = { locale: formText(form, 'locale', 8), markdown: formText(form, 'markdown', SUPPORT_MARKDOWN_MAX + 100) };
  const outcome = await saveSupportContent(input);
  if (outcome.ok) refresh();
  return localise(outcome, { markdown: input.markdown });
}

/** Back to the shipped defaults in one language (the confirm step is the form's). Coordinators only. */
export async function resetSupportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await resetSupportContent({ locale: formText(form, 'locale', 8) });
  if (outcome.ok) refresh();
  return localise(outcome);
}
