'use server';

import { signUp } from '@/lib/accounts/sign-up';
import { formText, isForm } from '@/lib/form-data';
import { signIn } from '@/lib/auth/auth';
import { localise, notAFormState, type FormState } from '@/lib/i18n/outcome';

export type SignUpState = FormState<{ recoveryCodes: string[] }>;

const text = (form: FormData, name: string) => formText(form, name);

export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  if (!isForm(form)) return notAFormState();
  const input = {
    pseudonym: text(form, 'pseudonym'),
    password: text(form, 'password'),
    role: text(form, 'role'),
    invite: text(form, 'invite') || undefined,
    consent: form.get('consent') === 'on',
  };
  const values = { pseudonym: input.pseudonym.slice(0, 64), role: input.role, invite: (input.invite ?? '').slice(0, 100) };
  if (input.password !== text(form, 'passwordRepeat')) {
    return localise<{ recoveryCodes: string[] }>({ ok: false, fieldErrors: { passwordRepeat: 'passwordMismatch' } }, values);
  }
  const outcome = await signUp(input as Parameters<typeof signUp>[0]);
  if (outcome.ok) await signIn('credentials', { pseudonym: input.pseudonym, password: input.password, redirect: false });
  return localise(outcome.ok ? { ok: true, recoveryCodes: outcome.recoveryCodes } : outcome, values);
}
