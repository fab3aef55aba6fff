'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { postFinancialReport } from '@/lib/governance/finances';
import { getTranslations } from 'next-intl/server';
import { notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';

export async function postFinancialReportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const input = { month: formText(form, 'month', 16), dues: formText(form, 'dues', 16), costs: formText(form, 'costs', 16) };
  const outcome = await postFinancialReport(auth.user, input);
  if (outcome.ok) {
    revalidatePath('/[locale]/changelog', 'page');
    return { status: 'ok' };
  }
  const t = await getTranslations('Finances.errors');
  const say = (code: string) => (t.has(code as never) ? t(code as never) : t('invalid'));
  const fieldErrors = Object.fromEntries(Object.entries(outcome.fieldErrors ?? {}).map(([f, c]) => [f, say(c)]));
  return { status: 'error', fieldErrors, formError: outcome.formError ? say(outcome.formError) : undefined, values: input };
}
