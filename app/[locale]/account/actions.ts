'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { endAllSessions, endSession } from '@/db/queries/sessions';
import { changePassword, deleteAccount, regenerateRecoveryCodes } from '@/lib/accounts/credentials';
import { signOut } from '@/lib/auth/auth';
import { dropOtherDevicesPush, dropThisDevicePush } from '@/lib/notifications/push-cookie';
import { authorizeAction } from '@/lib/auth/guards';
import { redirect } from '@/lib/i18n/navigation';
import { localise, notAFormState, refusedState, type FormState } from '@/lib/i18n/outcome';
import { formText, isForm } from '@/lib/form-data';

const text = (form: FormData, name: string) => formText(form, name, 1024);

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction();
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  if (text(form, 'newPassword') !== text(form, 'newPasswordRepeat')) {
    return localise({ ok: false, fieldErrors: { newPasswordRepeat: 'passwordMismatch' } });
  }
  const outcome = await changePassword(auth.user, auth.user.sessionId, text(form, 'currentPassword'), text(form, 'newPassword'));
  if (outcome.ok) await dropOtherDevicesPush(auth.user.id);
  revalidatePath('/[locale]/account', 'page');
  return localise(outcome);
}

export async function regenerateCodesAction(
  _prev: FormState<{ recoveryCodes: string[] }>,
  form: FormData,
): Promise<FormState<{ recoveryCodes: string[] }>> {
  const auth = await authorizeAction();
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  return localise(await regenerateRecoveryCodes(auth.user, text(form, 'currentPassword')));
}

const sessionId = z.uuid();

export async function endSessionAction(form: FormData): Promise<void> {
  const auth = await authorizeAction();
  if (!auth.ok || !isForm(form)) return;
  const id = sessionId.safeParse(form.get('sessionId'));
  if (!id.success) return;
  await endSession(auth.user.id, id.data);
  if (id.data === auth.user.sessionId) {
    await dropThisDevicePush(auth.user.id);
    await signOut({ redirect: false });
    redirect({ href: '/sign-in', locale: await getLocale() });
  }
  revalidatePath('/[locale]/account', 'page');
}

export async function endOtherSessionsAction(): Promise<void> {
  const auth = await authorizeAction();
  if (!auth.ok) return;
  await endAllSessions(auth.user.id, auth.user.sessionId);
  await dropOtherDevicesPush(auth.user.id);
  revalidatePath('/[locale]/account', 'page');
}

export async function deleteAccountAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction();
  if (!auth.ok) return refusedState(auth.formError);
  if (!isForm(form)) return notAFormState();
  const outcome = await deleteAccount(auth.user, text(form, 'currentPassword'), text(form, 'confirmation'));
  if (!outcome.ok) return localise(outcome);
  await signOut({ redirect: false });
  redirect({ href: { pathname: '/', query: { deleted: '1' } }, locale: await getLocale() });
  return { status: 'idle' };
}
