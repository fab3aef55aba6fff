import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';

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
