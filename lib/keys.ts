import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';
import { deriveKey, hmac } from '@/lib/crypto';
import { secrets } from '@/lib/secrets';

/**
 * Every use of HASH_SECRET, each under its own name. Two kinds:
 *
 * - Derived: a key of its own, HKDF-SHA-256 of HASH_SECRET with the purpose as info. Nothing keyed
 *   this way has to be found again across a change of derivation (throttle rows live for minutes,
 *   a device token is re-issued at the next sign-in, a code's display copy is re-sealable).
 * - Stored look-ups: values kept in the database and found again by recomputing them from what a
 *   person types. A new derivation would orphan every existing row, and most cannot be recomputed
 *   (a tombstone's pseudonym and a recovery code are never stored): a missed tombstone would let
 *   someone take over a deleted member's pseudonym. They keep the original keyed hash,
 *   HMAC(HASH_SECRET, purpose ‖ 0 ‖ value): the purpose prefix already separates their outputs
 *   (HMAC is a PRF on distinct inputs), what they lack is only a key one could hand out alone.
 */
const DERIVED = {
  'sign-in-throttle': 'coop/sign-in-throttle',
  'sign-in-device-throttle': 'coop/sign-in-device-throttle',
  'confirm-throttle': 'coop/confirm-throttle',
  'recovery-throttle': 'coop/recovery-throttle',
  'device-token': 'coop/device-token',
  // The info string predates this module: sealed codes of live rows must still open.
  'code-display': 'code-display',
  // The safety network: a check-in's note and an alarm's position, each bound to its row.
  'checkin-note': 'coop/checkin-note',
  'alarm-position': 'coop/alarm-position',
  // Incident reports (lib/reports): identifiers for matching, the reporter tag per identifier, a
  // seller's "seems wrong" mark and the withdrawal code. Reports expire, so none must outlive a new derivation.
  'report-identifier': 'coop/report-identifier',
  'report-reporter-tag': 'coop/report-reporter-tag',
  'report-mark': 'coop/report-mark',
  'report-withdrawal': 'coop/report-withdrawal',
  // Web Push: a device's subscription (endpoint and keys) sealed, and its endpoint's keyed hash.
  'push-subscription': 'coop/push-subscription',
  'push-endpoint': 'coop/push-endpoint',
} as const;

/** Purpose → the prefix the stored values were written with (see above: never change one). */
const STORED = {
  'pseudonym-tombstone': 'tombstone',
  'recovery-lookup': 'recovery-lookup',
  'code-lookup': 'code',
  'warning-buyer-ref': 'warning-buyer',
} as const;

export type DerivedPurpose = keyof typeof DERIVED;
export type StoredPurpose = keyof typeof STORED;
export const DERIVED_PURPOSES = Object.keys(DERIVED) as DerivedPurpose[];
export const STORED_PURPOSES = Object.keys(STORED) as StoredPurpose[];

const cache = new Map<string, Buffer>();

/** The 32-byte key of one purpose (cached per secret: tests and scripts may load others). */
export function purposeKey(purpose: DerivedPurpose): Buffer {
  const secret = secrets().hashSecret;
  const id = `${purpose}\0${secret}`;
  let key = cache.get(id);
  if (!key) {
    key = deriveKey(secret, DERIVED[purpose]);
    cache.set(id, key);
  }
  return key;
}

/** A keyed hash under the purpose's own key, base64url. */
export function keyedHash(purpose: DerivedPurpose, value: string): string {
  return createHmac('sha256', purposeKey(purpose)).update(value).digest('base64url');
}

/** A stored look-up value, computed exactly as the existing rows were. */
export function lookupHash(purpose: StoredPurpose, value: string): string {
  return hmac(secrets().hashSecret, STORED[purpose], value);
}

/** Sealing purposes: a key derived from a message key (MESSAGE_KEYS, versioned for rotation), never used for messages. */
const SEALED = { 'report-body': 'coop/report-body' } as const;
export type SealedPurpose = keyof typeof SEALED;

/** The AES-256-GCM key of a sealing purpose under one message key version. */
export function sealingKey(purpose: SealedPurpose, messageKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', messageKey, '', SEALED[purpose], 32));
}
