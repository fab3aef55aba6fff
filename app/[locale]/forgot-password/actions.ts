'use server';

import { recoverAccount } from '@/lib/accounts/credentials';
import { localise, notAFormState, type FormState } from '@/lib/i18n/outcome';
import { formText, isForm } from '@/lib/form-data';

const text = (form: FormData, name: string) => formText(form, name, 1024);

export async function recoverAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!isForm(form)) return notAFormState();
  const password = text(form, 'password');
  const values = { pseudonym: text(form, 'pseudonym').trim().slice(0, 64) };
  if (password !== text(form, 'passwordRepeat')) {
    return localise({ ok: false, fieldErrors: { passwordRepeat: 'passwordMismatch' } }, values);
  }
  return localise(await recoverAccount(values.pseudonym, text(form, 'code'), password), values);
}
