import 'server-only';
import { findSessionWithLookUp, type LookUpKeys } from '@/db/queries/look-up-at-once';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { resolveSession, userOfLiveSession } from '@/lib/auth/sessions';
import { sha256 } from '@/lib/crypto';
import { buyerRef } from '@/lib/messages/refs';
import { identifierHash } from '@/lib/reports/crypto';
import { reputationReply, type Reply } from './reputation-reply';

/**
 * The look-up API's answer for a session token (from the cookie; null without a valid one), as
 * reputationReply gives it, with the session and the look-up read in one database statement
 * (db/queries/look-up-at-once.ts). Without a token, or for a pseudonym the look-up refuses, there
 * is at most the session to read, and the usual path reads it.
 */
export async function reputationForToken(token: string | null, pseudonym: string, now = new Date()): Promise<Reply> {
  const keys = token ? lookUpKeys(token, pseudonym, now) : null;
  if (!keys) return reputationReply(token ? await resolveSession(token, now) : null, pseudonym);
  const found = await findSessionWithLookUp(keys);
  const user = found ? await userOfLiveSession(found.session, now) : null;
  // reputationReply checks access itself; the statement read the look-up only for whom it allows.
  return reputationReply(user, pseudonym, found?.reads ?? undefined);
}

/** What the statement is asked with (null: a pseudonym the look-up refuses before reading). */
export function lookUpKeys(token: string, pseudonym: string, now: Date): LookUpKeys | null {
  const parsed = pseudonymSchema.safeParse(pseudonym);
  if (!parsed.success) return null;
  const key = pseudonymKey(parsed.data);
  return { tokenHash: sha256(token), now, key, ref: buyerRef(parsed.data), hash: identifierHash('pseudonym', key) };
}
