import 'server-only';
import { hmac } from '@/lib/crypto';
import { secrets } from '@/lib/secrets';

/** Keyed hash of a canonical pseudonym, for a given purpose (tombstone, sign-in throttle, …). */
export function pseudonymHash(purpose: 'tombstone' | 'sign-in' | 'recovery', key: string): string {
  return hmac(secrets().hashSecret, purpose, key);
}
