'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { annotateReview, closeReview, removeFlagAfterReview } from '@/lib/rights/contests';

const PAGE = '/[locale]/coordinator/reviews';

export async function annotateReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const input = { id: formText(form, 'id', 64), text: formText(form, 'text', 5000) };
  const outcome = await annotateReview(input);
  if (outcome.ok) revalidatePath(PAGE, 'page');
  return localise(outcome, { text: input.text });
}

/** Removes one flag on the cooperative's decision (the confirm step is the page's). */
export async function removeFlagAction(form: FormData): Promise<void> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok || !isForm(form)) return;
  await removeFlagAfterReview({ id: formText(form, 'id', 64), ratingId: formText(form, 'ratingId', 64), flag: formText(form, 'flag', 16) });
  revalidatePath(PAGE, 'page');
}

export async function closeReviewAction(form: FormData): Promise<void> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok || !isForm(form)) return;
  await closeReview({ id: formText(form, 'id', 64) });
  revalidatePath(PAGE, 'page');
}
