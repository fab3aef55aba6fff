import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { pseudonymKey, pseudonymSchema } from '@/lib/accounts/rules';
import { HANDLE_PLATFORMS, IDENTIFIER_INPUT_MAX, IDENTIFIER_KINDS, type IdentifierKind } from './constants';

export { HANDLE_PLATFORMS, IDENTIFIER_INPUT_MAX, IDENTIFIER_KINDS, type HandlePlatform, type IdentifierKind } from './constants';

// Pure: what a seller types about a buyer (a pseudonym here, a phone number, a car plate, a
// handle on a platform) → one canonical form, so "0151 2345678" and "+49 151 2345678" match.
// Error messages are codes of the `Validation` namespace.


/** Where a phone number without a country code is assumed to be. */
export const DEFAULT_PHONE_REGION = 'DE';

const HANDLE_MAX = 64;

export type Normalised = { ok: true; kind: IdentifierKind; value: string } | { ok: false; error: string };

/** E.164 ("+4915123456789"), or null for something that is no valid number. */
export function normalisePhone(input: string): string | null {
  if (input.length > IDENTIFIER_INPUT_MAX) return null;
  const parsed = parsePhoneNumberFromString(input.trim(), DEFAULT_PHONE_REGION);
  return parsed?.isValid() ? parsed.number : null;
}

/** Upper case, no spaces, dashes or dots; umlauts kept: "M-AB 1234" → "MAB1234", "ö-ÄB 1" → "ÖÄB1". */
export function normalisePlate(input: string): string | null {
  if (input.length > IDENTIFIER_INPUT_MAX) return null;
  const plate = input
    .normalize('NFC')
    .replace(/[\s\-\u2010-\u2015.·]+/gu, '')
    .toLocaleUpperCase('de-DE');
  return /^[\p{Lu}0-9]{2,12}$/u.test(plate) ? plate : null;
}

/** "Instagram", " @Kiki_99 " → "instagram:kiki_99"; null without a known platform or a name. */
export function normaliseHandle(platform: string, name: string): string | null {
  if (!(HANDLE_PLATFORMS as readonly string[]).includes(platform)) return null;
  const handle = name.normalize('NFC').trim().replace(/^@+/, '').trim().toLowerCase();
  if (handle.length === 0 || handle.length > HANDLE_MAX || /\s/u.test(handle)) return null;
  return `${platform}:${handle}`;
}

/** As the service compares pseudonyms: trimmed, case-insensitive. */
export function normalisePseudonym(input: string): string | null {
  const parsed = pseudonymSchema.safeParse(input);
  return parsed.success ? pseudonymKey(parsed.data) : null;
}

const ERROR: Record<IdentifierKind, string> = {
  pseudonym: 'identifierPseudonym',
  phone: 'identifierPhone',
  plate: 'identifierPlate',
  handle: 'identifierHandle',
};

/** One identifier as typed → its canonical form, or the localisable error for its kind. */
export function normaliseIdentifier(kind: string, value: string, platform = ''): Normalised {
  if (!(IDENTIFIER_KINDS as readonly string[]).includes(kind)) return { ok: false, error: 'identifierKind' };
  const k = kind as IdentifierKind;
  const normalised =
    k === 'phone' ? normalisePhone(value) : k === 'plate' ? normalisePlate(value) : k === 'handle' ? normaliseHandle(platform, value) : normalisePseudonym(value);
  return normalised === null ? { ok: false, error: ERROR[k] } : { ok: true, kind: k, value: normalised };
}

/** What is keyed-hashed for matching: the kind and its canonical form (a plate never matches a handle). */
export function matchKey(kind: IdentifierKind, normalised: string): string {
  return `${kind}\0${normalised}`;
}
