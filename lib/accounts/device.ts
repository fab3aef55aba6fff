import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { randomToken } from '@/lib/crypto';
import { keyedHash } from '@/lib/keys';

// A device that has signed in to a pseudonym before carries a token proving it (a random nonce
// and a keyed hash over pseudonym and nonce; nothing is stored on the server). Its sign-ins are
// throttled under a key of their own, so strangers who fail against the pseudonym cannot lock
// its owner out on her own phone.

const sign = (key: string, nonce: string) => keyedHash('device-token', `${key}\0${nonce}`);

export function issueDeviceToken(key: string): string {
  const nonce = randomToken(16);
  return `${nonce}.${sign(key, nonce)}`;
}

/** The token's nonce when it was issued for this pseudonym, else null. */
export function deviceNonce(token: string | null | undefined, key: string): string | null {
  if (!token || token.length > 200) return null;
  const [nonce, mac, extra] = token.split('.');
  if (!nonce || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(key, nonce));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
