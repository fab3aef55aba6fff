import 'server-only';
import { createHmac } from 'node:crypto';
import { deriveKey } from '@/lib/crypto';
import { secrets } from '@/lib/secrets';

/** HASH_SECRET's purpose for ballot tokens (a key of its own, HKDF; see lib/keys.ts for the others). */
const BALLOT_PURPOSE = 'coop/ballot-token';

let cache: { secret: string; key: Buffer } | undefined;

/**
 * A member's ballot token for one vote: HMAC over the vote's random salt, the vote and the
 * member. Recomputable only while the salt exists (the vote is open) and only with the server's
 * secret; the tally deletes the salt, after which nobody, the server included, can tell whose
 * token was whose.
 */
export function ballotToken(salt: string, proposalId: string, memberId: string): string {
  const secret = secrets().hashSecret;
  if (cache?.secret !== secret) cache = { secret, key: deriveKey(secret, BALLOT_PURPOSE) };
  return createHmac('sha256', cache.key).update(`${salt}\0${proposalId}\0${memberId}`).digest('base64url');
}
