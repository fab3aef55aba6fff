'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { ANNOTATION_MAX, decideReport } from '@/lib/reports/review';

const PAGE = '/[locale]/coordinator/reviews';

export async function annotateReportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const text = formText(form, 'annotation', ANNOTATION_MAX * 2);
  const outcome = await decideReport(formText(form, 'reportId', 64), 'annotate', text);
  if (outcome.ok) revalidatePath(PAGE, 'page');
  return localise(outcome, { annotation: text });
}

/** Hide pending review, show again (kept), or remove (the confirm step is the page's). */
export async function decideReportAction(form: FormData): Promise<void> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok || !isForm(form)) return;
  await decideReport(formText(form, 'reportId', 64), formText(form, 'decision', 16));
  revalidatePath(PAGE, 'page');
}
