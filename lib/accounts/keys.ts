import 'server-only';
import { hmac } from '@/lib/crypto';
import { secrets } from '@/lib/secrets';

/** Keyed hash of a canonical pseudonym, for a given purpose (tombstone, sign-in throttle, …). */
export function pseudonymHash(purpose: 'tombstone' | 'sign-in' | 'sign-in-device' | 'confirm' | 'recovery', key: string): string {
  return hmac(secrets().hashSecret, purpose, key);
}

/**
 * Finds a recovery code's row without checking every code: a keyed hash of the account and the
 * code's first group only, so the stored value does not reveal the code even with the secret.
 */
export function recoveryLookup(userId: string, normalisedCode: string): string {
  return hmac(secrets().hashSecret, 'recovery-lookup', `${userId}\0${normalisedCode.slice(0, 4)}`);
}
