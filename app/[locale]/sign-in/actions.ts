'use server';

import { CredentialsSignin } from 'next-auth';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { BusySignIn, signIn, ThrottledSignIn } from '@/lib/auth/auth';
import { redirect } from '@/lib/i18n/navigation';
import { isForm } from '@/lib/form-data';
import { notAFormState, type FormState } from '@/lib/i18n/outcome';
import { safeReturnPath } from '@/lib/safe-path';

const schema = z.object({ pseudonym: z.string().trim().min(1).max(64), password: z.string().min(1).max(1024) });

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!isForm(form)) return notAFormState();
  const t = await getTranslations('Validation');
  const values = { pseudonym: String(form.get('pseudonym') ?? '').slice(0, 64) };
  const parsed = schema.safeParse({ pseudonym: form.get('pseudonym'), password: form.get('password') });
  if (!parsed.success) return { status: 'error', fieldErrors: {}, formError: t('credentialsInvalid'), values };
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (e) {
    if (e instanceof ThrottledSignIn) return { status: 'error', fieldErrors: {}, formError: t('throttled', { minutes: e.waitMinutes }), values };
    if (e instanceof BusySignIn) return { status: 'error', fieldErrors: {}, formError: t('busy'), values };
    if (e instanceof CredentialsSignin) return { status: 'error', fieldErrors: {}, formError: t('credentialsInvalid'), values };
    throw e;
  }
  redirect({ href: safeReturnPath(form.get('next')) ?? '/home', locale: await getLocale() });
  return { status: 'idle' };
}
