'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/guards';
import { submitFeedback } from '@/lib/feedback';
import { localise, localiseRefusal, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { recordEncounter, rateBuyer } from '@/lib/screening/encounters';
import { screenPseudonym, type ScreenView } from '@/lib/reports/screen';
import { formText, isForm } from '@/lib/form-data';

// Only async functions are exported from this file: every export of a 'use server' file is a callable action.
export type LookupState = FormState<ScreenView>;
export type RecordState = FormState<{ code: string; expiresOn: string; rated: boolean; ratingRefused: string | null; buyer: string | null }>;

const text = (form: FormData, name: string) => formText(form, name, 100);

export async function lookupAction(_prev: LookupState, form: FormData): Promise<LookupState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const pseudonym = text(form, 'pseudonym').trim();
  const outcome = await screenPseudonym(pseudonym);
  if (!outcome.ok) return localiseRefusal(outcome, { pseudonym });
  const { ok: _ok, ...view } = outcome;
  return { status: 'ok', ...view };
}

export async function recordEncounterAction(_prev: RecordState, form: FormData): Promise<RecordState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const unbound = form.get('unbound') === 'on';
  const buyer = text(form, 'buyer').trim();
  const result = await recordEncounter(auth.user.id, {
    buyer: unbound ? undefined : buyer,
    unbound,
    safe: text(form, 'safe') || 'skip',
    reliable: text(form, 'reliable') || 'skip',
  } as Parameters<typeof recordEncounter>[1]);
  revalidatePath('/[locale]/seller/encounters', 'page');
  if (!result.ok) return localiseRefusal(result, { buyer });
  return { status: 'ok', code: result.code, expiresOn: result.expiresOn, rated: result.rated, ratingRefused: result.ratingRefused, buyer: unbound ? null : buyer };
}

export async function rateBuyerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await rateBuyer(auth.user.id, text(form, 'codeId'), { safe: text(form, 'safe') || 'skip', reliable: text(form, 'reliable') || 'skip' });
  if (outcome.ok) revalidatePath('/[locale]/seller/encounters', 'page');
  return localise(outcome);
}

export async function feedbackAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['seller']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await submitFeedback(auth.user.id, {
    satisfaction: text(form, 'satisfaction') || undefined,
    helped: text(form, 'helped') || undefined,
    note: formText(form, 'note', 2000),
  });
  return localise(outcome);
}
