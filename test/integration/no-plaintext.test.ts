import { describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/lib/accounts/credentials';
import { createInvite } from '@/lib/accounts/invites';
import { signUp } from '@/lib/accounts/sign-up';
import { resolveSession, startSession } from '@/lib/auth/sessions';
import { normaliseCode } from '@/lib/crypto';
import { withTestDatabase } from '../support/database';
import { dumpPublicTables } from './helpers';

const testDb = withTestDatabase();

const PSEUDONYM = 'Plain.Seller';
const PASSWORD = 'Quartz-Lullaby-Meridian-58';
const WRONG_PASSWORD = 'Typo-Quartz-Lullaby-59';

describe(`no plaintext secrets at rest (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('stores no password, recovery code, invite code or session token in any table', { timeout: 60_000 }, async () => {
    const { code: invite } = await createInvite();
    const result = await signUp({ pseudonym: PSEUDONYM, password: PASSWORD, role: 'seller', invite });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { userId, recoveryCodes } = result;
    expect(recoveryCodes).toHaveLength(8);

    // Fill the other tables too: a failed and a successful sign-in, and a session in use.
    expect(await verifyCredentials('plain.seller', WRONG_PASSWORD)).toMatchObject({ ok: false });
    await verifyCredentials(PSEUDONYM, WRONG_PASSWORD);
    expect(await verifyCredentials(PSEUDONYM, PASSWORD)).toMatchObject({ ok: true });
    await verifyCredentials(PSEUDONYM, WRONG_PASSWORD); // leaves a throttle row behind
    const token = await startSession(userId);
    expect(await resolveSession(token)).toMatchObject({ id: userId });

    const dump = await dumpPublicTables(testDb.current().db);
    expect(Object.keys(dump)).toEqual(
      expect.arrayContaining(['users', 'sessions', 'recovery_codes', 'invites', 'sign_in_throttle', 'pseudonym_tombstones']),
    );
    // The dump sees what was written: otherwise the checks below would prove nothing.
    expect(dump.users).toHaveLength(1);
    expect(dump.recovery_codes).toHaveLength(8);
    expect(dump.invites).toHaveLength(1);
    expect(dump.sessions).toHaveLength(1);
    expect(dump.sign_in_throttle).toHaveLength(1);
    const text = JSON.stringify(dump);
    expect(text).toContain(PSEUDONYM); // stored on purpose: it is shown to others
    expect(text).toContain(userId);

    const haystack = text.toLowerCase();
    const secrets = [
      PASSWORD,
      WRONG_PASSWORD,
      token,
      invite,
      normaliseCode(invite),
      ...recoveryCodes,
      ...recoveryCodes.map(normaliseCode),
    ];
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      expect(haystack.includes(secret.toLowerCase()), `plaintext found: ${secret}`).toBe(false);
    }
    // Normalised codes really are lower case without dashes.
    expect(normaliseCode(invite)).toMatch(/^[a-z2-9]{20}$/);
    for (const code of recoveryCodes) expect(normaliseCode(code)).toMatch(/^[a-z2-9]{16}$/);
  });
});
