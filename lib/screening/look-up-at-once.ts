import 'server-only';
import { findSessionWithLookUp } from '@/db/queries/look-up-at-once';
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
  const parsed = pseudonymSchema.safeParse(pseudonym);
  if (!token || !parsed.success) return reputationReply(token ? await resolveSession(token, now) : null, pseudonym);
  const key = pseudonymKey(parsed.data);
  const found = await findSessionWithLookUp({ tokenHash: sha256(token), now, key, ref: buyerRef(parsed.data), hash: identifierHash('pseudonym', key) });
  const user = found ? await userOfLiveSession(found.session, now) : null;
  // reputationReply checks access itself; the statement read the look-up only for whom it allows.
  return reputationReply(user, pseudonym, found?.reads ?? undefined);
}
