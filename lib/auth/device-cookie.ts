import 'server-only';
import { cookies } from 'next/headers';
import { issueDeviceToken } from '@/lib/accounts/device';
import { sessionCookie } from './session-cookie';

const DEVICE_DAYS = 180;

/** `__Host-device` over https, `device` on plain http in development (as the session cookie). */
function deviceCookieName(): string {
  return sessionCookie().secure ? '__Host-device' : 'device';
}

/** The browser's device token, if it has one. */
export async function readDeviceToken(): Promise<string | null> {
  return (await cookies()).get(deviceCookieName())?.value ?? null;
}

/**
 * After a successful sign-in: this browser now proves it has signed in to this pseudonym
 * (its later sign-ins escape a lock that strangers caused). No server-side row; it names nobody.
 */
export async function rememberDevice(key: string): Promise<void> {
  const { secure } = sessionCookie();
  (await cookies()).set(deviceCookieName(), issueDeviceToken(key), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: DEVICE_DAYS * 24 * 60 * 60,
  });
}
