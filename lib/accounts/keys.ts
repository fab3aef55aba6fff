import 'server-only';
import { keyedHash, lookupHash } from '@/lib/keys';

const THROTTLES = {
  'sign-in': 'sign-in-throttle',
  'sign-in-device': 'sign-in-device-throttle',
  confirm: 'confirm-throttle',
  recovery: 'recovery-throttle',
} as const;

/** Keyed hash of a canonical pseudonym: a tombstone (stored for good) or a throttle's key. */
export function pseudonymHash(purpose: 'tombstone' | keyof typeof THROTTLES, key: string): string {
  return purpose === 'tombstone' ? lookupHash('pseudonym-tombstone', key) : keyedHash(THROTTLES[purpose], key);
}

/**
 * Finds a recovery code's row without checking every code: a keyed hash of the account and the
 * code's first group only, so the stored value does not reveal the code even with the secret.
 */
export function recoveryLookup(userId: string, normalisedCode: string): string {
  return lookupHash('recovery-lookup', `${userId}\0${normalisedCode.slice(0, 4)}`);
}
