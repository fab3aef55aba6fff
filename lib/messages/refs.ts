import 'server-only';
import { pseudonymKey } from '@/lib/accounts/rules';
import { lookupHash } from '@/lib/keys';

/** A warning's buyer, findable for the look-up's count, but not readable from a database copy. */
export function buyerRef(pseudonym: string): string {
  return lookupHash('warning-buyer-ref', pseudonymKey(pseudonym));
}
