import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function hmac(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

// No 0/o, 1/i/l, u: easy to read out and type from a phone.
const ALPHABET = 'abcdefghjkmnpqrstvwxyz23456789';

/** Groups of random characters, e.g. "k7pq-3mzx-…": 4 groups of 4 carry about 78 bits. */
export function randomCode(groups = 4, size = 4): string {
  return Array.from({ length: groups }, () =>
    Array.from({ length: size }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  ).join('-');
}

/** Lower-case, no spaces or dashes: what the person typed, compared to what was issued. */
export function normaliseCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, '');
}

/** A 32-byte key for one purpose, derived from a server secret (HKDF-SHA-256). */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', purpose, 32));
}

/** AES-256-GCM with a random 96-bit IV; `aad` binds the ciphertext to its row. "iv.ct.tag", base64url. */
export function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, ct, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

/** The plaintext, or null when the payload was tampered with, belongs to another row or another key. */
export function open(key: Buffer, payload: string, aad: string): string | null {
  const parts = payload.split('.');
  if (parts.length !== 3) return null;
  const [iv, ct, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad)).setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
