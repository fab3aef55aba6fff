import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { sessionCookie, userOfSessionCookie } from './session-cookie';
import type { CurrentUser } from './sessions';

export type { CurrentUser } from './sessions';

/**
 * The signed-in user of this request, checked against the session table; once per request.
 * Reads the Auth.js cookie itself instead of calling auth(), which would also re-encrypt and
 * re-issue the cookie on every request (over half of a look-up's CPU time; README, Performance).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  return userOfSessionCookie((await cookies()).get(sessionCookie().name)?.value);
});
