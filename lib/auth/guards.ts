import 'server-only';
import { forbidden } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Role } from '@/db/queries/users';
import { redirect } from '@/lib/i18n/navigation';
import { accessFor } from './access';
import { getCurrentUser, type CurrentUser } from './current-user';

export { accessFor, type Access } from './access';

/** Pages: signed-out visitors go to sign-in (and come back to `returnTo`); a wrong role gets 403. */
export async function requireUser(returnTo: string, roles?: readonly Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  const access = accessFor(user, roles);
  if (access === 'unauthenticated') {
    redirect({ href: { pathname: '/sign-in', query: { next: returnTo } }, locale: await getLocale() });
  }
  if (access === 'forbidden') forbidden();
  if (access === 'passwordChange') redirect({ href: '/account', locale: await getLocale() });
  return user!;
}

export function requireRole(role: Role, returnTo: string): Promise<CurrentUser> {
  return requireUser(returnTo, [role]);
}

export type ActionDenied = { ok: false; formError: string };

/** Server actions: the user, or a localised refusal to return as the action's result. */
export async function authorizeAction(roles?: readonly Role[]): Promise<{ ok: true; user: CurrentUser } | ActionDenied> {
  const user = await getCurrentUser();
  const access = accessFor(user, roles);
  if (access === 'ok') return { ok: true, user: user! };
  const t = await getTranslations('Errors');
  return { ok: false, formError: t(access === 'passwordChange' ? 'passwordChangeRequired' : access === 'unauthenticated' ? 'signInRequired' : 'forbidden') };
}
