'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { addRegionNamed, deleteRegionById, REGION_NAME_MAX } from '@/lib/reports/regions';

const PAGE = '/[locale]/coordinator/regions';

export async function addRegionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const name = formText(form, 'name', REGION_NAME_MAX * 2);
  const outcome = await addRegionNamed(name);
  if (outcome.ok) revalidatePath(PAGE, 'page');
  return localise(outcome, { name });
}

/** The confirm step is the page's. */
export async function deleteRegionAction(form: FormData): Promise<void> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok || !isForm(form)) return;
  await deleteRegionById(formText(form, 'id', 64));
  revalidatePath(PAGE, 'page');
}
