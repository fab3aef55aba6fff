import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DERIVED_PURPOSES, STORED_PURPOSES, keyedHash, lookupHash, purposeKey } from '@/lib/keys';
import { pseudonymHash, recoveryLookup } from '@/lib/accounts/keys';
import { codeHmac } from '@/lib/screening/code-secret';
import { buyerRef } from '@/lib/messages/refs';
import { secrets } from '@/lib/secrets';

// The formula every stored look-up value was written with before lib/keys.ts: it must not change.
const legacy = (purpose: string, value: string) => createHmac('sha256', secrets().hashSecret).update(`${purpose}\0${value}`).digest('base64url');

describe('one key per purpose', () => {
  it('each derived purpose has its own key, none equal to the configured secret', () => {
    const keys = DERIVED_PURPOSES.map((p) => purposeKey(p).toString('hex'));
    expect(new Set(keys).size).toBe(DERIVED_PURPOSES.length);
    expect(keys.every((k) => k.length === 64)).toBe(true);
    expect(keys).not.toContain(Buffer.from(secrets().hashSecret).toString('hex'));
  });

  it('the same value hashes differently under every purpose, derived or stored', () => {
    const all = [...DERIVED_PURPOSES.map((p) => keyedHash(p, 'same.value')), ...STORED_PURPOSES.map((p) => lookupHash(p, 'same.value'))];
    expect(new Set(all).size).toBe(DERIVED_PURPOSES.length + STORED_PURPOSES.length);
  });

  it('throttle keys and device tokens use HKDF-derived keys, not the secret directly', () => {
    const expected = createHmac('sha256', Buffer.from(hkdfSync('sha256', secrets().hashSecret, '', 'coop/sign-in-throttle', 32))).update('ann').digest('base64url');
    expect(pseudonymHash('sign-in', 'ann')).toBe(expected);
    expect(pseudonymHash('sign-in', 'ann')).not.toBe(legacy('sign-in', 'ann'));
    expect(pseudonymHash('confirm', 'ann')).not.toBe(pseudonymHash('recovery', 'ann'));
  });

  it('stored look-ups (tombstones, recovery, codes, warnings) still match the rows written before', () => {
    expect(pseudonymHash('tombstone', 'deleted.one')).toBe(legacy('tombstone', 'deleted.one'));
    expect(recoveryLookup('user-id', 'abcd2345efgh')).toBe(legacy('recovery-lookup', 'user-id\0abcd'));
    expect(codeHmac('123456')).toBe(legacy('code', '123456'));
    expect(buyerRef('Some.Buyer')).toBe(legacy('warning-buyer', 'some.buyer'));
  });

  it('the code display key is the one live codes were sealed with', () => {
    expect(purposeKey('code-display').equals(Buffer.from(hkdfSync('sha256', secrets().hashSecret, '', 'code-display', 32)))).toBe(true);
  });
});
