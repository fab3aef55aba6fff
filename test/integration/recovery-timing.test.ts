import { beforeEach, describe, expect, it, vi } from 'vitest';
import { withTestDatabase } from '../support/database';

// Counts argon2 verifications: the recovery answer must cost the same work whether or not the
// pseudonym exists, and however many codes are left (no timing oracle): one check, found by a
// keyed look-up id, never one per code (which let each attempt cost eight hashes).
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/argon2', async (original) => {
  const real = await original<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: async (...args: Parameters<typeof real.verify>) => {
      verifications.count++;
      return real.verify(...args);
    },
  };
});

const { recoverAccount } = await import('@/lib/accounts/credentials');
const { signUp } = await import('@/lib/accounts/sign-up');

withTestDatabase();

async function workFor(pseudonym: string, code: string): Promise<number> {
  verifications.count = 0;
  await recoverAccount(pseudonym, code, 'Velvet-Harbour-Lantern-12');
  return verifications.count;
}

describe('recovery work does not depend on the account', () => {
  beforeEach(() => {
    verifications.count = 0;
  });

  it('spends exactly one check for unknown, wrong and right answers alike', async () => {
    const result = await signUp({ pseudonym: 'timing-buyer', password: 'Quill-Meadow-Orbit-55', role: 'buyer', consent: true });
    if (!result.ok) throw new Error('sign-up refused');

    const unknown = await workFor('nobody-here', 'aaaa-bbbb-cccc-dddd');
    const wrong = await workFor('timing-buyer', 'aaaa-bbbb-cccc-dddd');
    const right = await workFor('timing-buyer', result.recoveryCodes[3]!);
    const fewerLeft = await workFor('timing-buyer', 'aaaa-bbbb-cccc-dddd');
    // A wrong code whose first group matches a stored one: still one check.
    const samePrefix = await workFor('timing-buyer', `${result.recoveryCodes[5]!.slice(0, 4)}-bbbb-cccc-dddd`);
    const reused = await workFor('timing-buyer', result.recoveryCodes[3]!);

    expect({ unknown, wrong, right, fewerLeft, samePrefix, reused }).toEqual({ unknown: 1, wrong: 1, right: 1, fewerLeft: 1, samePrefix: 1, reused: 1 });
  }, 60_000);
});
