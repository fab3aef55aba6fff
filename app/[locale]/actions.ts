'use server';

import { getLocale } from 'next-intl/server';
import { endSession } from '@/db/queries/sessions';
import { signOut } from '@/lib/auth/auth';
import { getCurrentUser } from '@/lib/auth/current-user';
import { redirect } from '@/lib/i18n/navigation';
import { dropThisDevicePush } from '@/lib/notifications/push-cookie';

/** Ends this browser's session on the server (and its push subscription), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    await dropThisDevicePush(user.id);
    await endSession(user.id, user.sessionId);
  }
  await signOut({ redirect: false });
  redirect({ href: '/', locale: await getLocale() });
}
