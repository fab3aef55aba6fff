import 'server-only';
import { acceptBuddy, inviteBuddy, removeBuddy } from '@/db/queries/buddies';
import { findSeller } from '@/db/queries/users';
import type { Outcome } from '@/lib/accounts/errors';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { MAX_BUDDIES, MAX_PENDING_INVITES } from './rules';

/** She asks another seller, by pseudonym, to be her buddy (sellers only; checked by callers). */
export async function inviteByPseudonym(userId: string, pseudonym: string): Promise<Outcome<{ accepted: boolean }>> {
  const name = pseudonymSchema.safeParse(pseudonym);
  const other = name.success ? await findSeller(pseudonymKey(name.data)) : null;
  if (!other || other.id === userId) return { ok: false, fieldErrors: { pseudonym: 'buddyUnknown' } };
  const result = await inviteBuddy(userId, other.id, { maxBuddies: MAX_BUDDIES, maxPending: MAX_PENDING_INVITES });
  return result.ok ? { ok: true, accepted: result.accepted } : { ok: false, formError: result.reason };
}

export async function acceptRequest(userId: string, pairId: string): Promise<Outcome> {
  const result = await acceptBuddy(userId, pairId, MAX_BUDDIES);
  return result.ok ? { ok: true } : { ok: false, formError: result.reason };
}

/** Declines a request, withdraws her invitation or ends a pairing. */
export async function endPairing(userId: string, pairId: string): Promise<Outcome> {
  return (await removeBuddy(userId, pairId)) ? { ok: true } : { ok: false, formError: 'buddyGone' };
}
