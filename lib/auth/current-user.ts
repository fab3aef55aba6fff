import 'server-only';
import { cache } from 'react';
import { auth } from './auth';
import { resolveSession, type CurrentUser } from './sessions';

export type { CurrentUser } from './sessions';

/** The signed-in user of this request, checked against the session table; once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { st?: unknown } | null;
  return typeof session?.st === 'string' ? resolveSession(session.st) : null;
});
