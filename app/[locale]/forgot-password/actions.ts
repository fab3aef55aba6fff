'use server';

import { recoverAccount } from '@/lib/accounts/credentials';
import { localise, type FormState } from '@/lib/i18n/outcome';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 1024) : '';
};

export async function recoverAction(_prev: FormState, form: FormData): Promise<FormState> {
  const password = text(form, 'password');
  const values = { pseudonym: text(form, 'pseudonym').trim().slice(0, 64) };
  if (password !== text(form, 'passwordRepeat')) {
    return localise({ ok: false, fieldErrors: { passwordRepeat: 'passwordMismatch' } }, values);
  }
  return localise(await recoverAccount(values.pseudonym, text(form, 'code'), password), values);
}
