import 'server-only';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { deleteAllSubscriptions, deleteSubscription } from '@/db/queries/notifications';
import { sessionCookie } from '@/lib/auth/session-cookie';

const YEAR = 365 * 24 * 60 * 60;

/** `__Host-push` over https, `push` on plain http in development (as the session cookie). */
function name(): string {
  return sessionCookie().secure ? '__Host-push' : 'push';
}

/**
 * Which push subscription this browser made (the row's id), so that signing out on this device
 * turns push off here and nowhere else. It names nobody; it opens nothing without a session.
 */
export async function rememberPushDevice(subscriptionId: string): Promise<void> {
  (await cookies()).set(name(), subscriptionId, { httpOnly: true, sameSite: 'lax', secure: sessionCookie().secure, path: '/', maxAge: YEAR });
}

export async function pushDevice(): Promise<string | null> {
  const value = (await cookies()).get(name())?.value;
  const id = z.uuid().safeParse(value);
  return id.success ? id.data : null;
}

export async function forgetPushDevice(): Promise<void> {
  (await cookies()).delete(name());
}

/**
 * "Sign out everywhere else" and a new password: the other devices' push subscriptions go with
 * their sessions (a lost phone must not keep receiving alarms); this device keeps its own.
 */
export async function dropOtherDevicesPush(userId: string): Promise<void> {
  await deleteAllSubscriptions(userId, undefined, await pushDevice());
}

/**
 * Signing out on this device: its push subscription (if it made one for her) is deleted, so no
 * push for her reaches a device she has left. Other devices keep theirs.
 */
export async function dropThisDevicePush(userId: string): Promise<void> {
  const id = await pushDevice();
  if (id) await deleteSubscription(userId, id);
  await forgetPushDevice();
}
