import type { Role } from '@/db/queries/users';
import type { CurrentUser } from './sessions';

export type Access = 'ok' | 'unauthenticated' | 'forbidden' | 'passwordChange';

/**
 * The one rule: signed in, and (when roles are given) of one of those roles. Someone signed in
 * with a one-time password reaches only what needs no role (her account page) until she has
 * set her own.
 */
export function accessFor(user: CurrentUser | null, roles?: readonly Role[]): Access {
  if (!user) return 'unauthenticated';
  if (roles && !roles.includes(user.role)) return 'forbidden';
  if (roles && user.mustChangePassword) return 'passwordChange';
  return 'ok';
}

/** What an API route answers when access is refused: 401 signed out, 403 otherwise. */
export function apiAccessRefusal(access: Exclude<Access, 'ok'>): { status: 401 | 403; code: string } {
  return access === 'unauthenticated' ? { status: 401, code: 'signInRequired' } : { status: 403, code: 'forbidden' };
}
