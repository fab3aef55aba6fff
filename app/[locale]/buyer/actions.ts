'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/guards';
import { localise, localiseRefusal, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { rateSeller, redeemCode } from '@/lib/screening/redeem';
import { formText, isForm } from '@/lib/form-data';

export type RedeemState = FormState<{ codeId: string; seller: string }>;

const text = (form: FormData, name: string) => formText(form, name, 100);

export async function redeemAction(_prev: RedeemState, form: FormData): Promise<RedeemState> {
  const auth = await authorizeAction(['buyer']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await redeemCode(auth.user.id, text(form, 'code'));
  if (!outcome.ok) return localiseRefusal(outcome);
  revalidatePath('/[locale]/buyer', 'page');
  return { status: 'ok', codeId: outcome.codeId, seller: outcome.seller };
}

export async function rateSellerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['buyer']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await rateSeller(auth.user.id, text(form, 'codeId'), { safe: text(form, 'safe') || 'skip', reliable: text(form, 'reliable') || 'skip' });
  if (outcome.ok) revalidatePath('/[locale]/buyer', 'page');
  return localise(outcome);
}
