import 'server-only';
import { pseudonymKey } from '@/lib/accounts/rules';
import { hmac } from '@/lib/crypto';
import { secrets } from '@/lib/secrets';

/** A warning's buyer, findable for the look-up's count, but not readable from a database copy. */
export function buyerRef(pseudonym: string): string {
  return hmac(secrets().hashSecret, 'warning-buyer', pseudonymKey(pseudonym));
}
