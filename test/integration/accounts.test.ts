import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { revokeInvite } from '@/db/queries/invites';
import { countRecoveryCodes } from '@/db/queries/recovery-codes';
import { countUsers } from '@/db/queries/users';
import { inviteRedemptions, invites, pseudonymTombstones, recoveryCodes, sessions, signInThrottle, users } from '@/db/schema';
import {
  changePassword,
  deleteAccount,
  recoverAccount,
  regenerateRecoveryCodes,
  verifyCredentials,
  type Account,
} from '@/lib/accounts/credentials';
import { createInvite } from '@/lib/accounts/invites';
import { pseudonymHash } from '@/lib/accounts/keys';
import { inviteHash, signUp, type SignUpInput } from '@/lib/accounts/sign-up';
import { resolveSession, startSession } from '@/lib/auth/sessions';
import { runDailyJobs } from '@/lib/retention/daily';
import { withTestDatabase } from '../support/database';
import { databaseToday, dumpText } from './helpers';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

/** The Monday of an ISO day's week (PostgreSQL's date_trunc('week') starts on Monday). */
const mondayOf = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};

const PASSWORD = 'Lantern-Orbit-Velvet-42';
const NEW_PASSWORD = 'Harbour-Quill-Meadow-77';
const WRONG_PASSWORD = 'Not-The-Right-One-99';
const CODE_FORMAT = /^[a-hj-km-np-tv-z2-9]{4}(-[a-hj-km-np-tv-z2-9]{4}){3}$/;

// Sign-up hashes nine secrets with argon2id.
const SLOW = 60_000;

async function signUpOk(input: SignUpInput) {
  const result = await signUp(input);
  if (!result.ok) throw new Error(`sign-up of ${input.pseudonym} refused: ${JSON.stringify(result)}`);
  return result;
}

async function buyer(pseudonym: string): Promise<{ account: Account; recoveryCodes: string[] }> {
  const { userId, recoveryCodes } = await signUpOk({ pseudonym, password: PASSWORD, role: 'buyer', consent: true });
  return { account: { id: userId, pseudonym, role: 'buyer' }, recoveryCodes };
}

/** The one buyer several tests look at, signed up on first use (so tests also run alone with -t). */
let buyerOneSignUp: ReturnType<typeof signUpOk> | undefined;
function buyerOne() {
  buyerOneSignUp ??= signUpOk({ pseudonym: '  Buyer.One ', password: PASSWORD, role: 'buyer', consent: true });
  return buyerOneSignUp;
}

async function userRow(id: string) {
  const [row] = await db().select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** The invite and the day it was used: set at once in invite_redemptions, moved to the row by the daily batch. */
async function inviteRow(code: string) {
  const [row] = await db()
    .select({ id: invites.id, usedOn: sql<string | null>`coalesce(${invites.usedOn}, ${inviteRedemptions.usedOn})::text` })
    .from(invites)
    .leftJoin(inviteRedemptions, eq(inviteRedemptions.inviteId, invites.id))
    .where(eq(invites.codeHash, inviteHash(code)));
  return row!;
}

async function throttleRow(pseudonym: string) {
  const [row] = await db()
    .select()
    .from(signInThrottle)
    .where(eq(signInThrottle.key, pseudonymHash('sign-in', pseudonym.toLowerCase())));
  return row ?? null;
}

describe(`accounts (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  describe('sign-up', () => {
    it('signs a buyer up and returns 8 single-use recovery codes', { timeout: SLOW }, async () => {
      const result = await buyerOne();
      expect(result.recoveryCodes).toHaveLength(8);
      expect(new Set(result.recoveryCodes).size).toBe(8);
      for (const code of result.recoveryCodes) expect(code).toMatch(CODE_FORMAT);

      const row = await userRow(result.userId);
      expect(row).toMatchObject({ pseudonym: 'Buyer.One', pseudonymKey: 'buyer.one', role: 'buyer', lastActive: null });
      expect(await countRecoveryCodes(result.userId)).toBe(8);
    });

    it('stores the password and the recovery codes as argon2id hashes only', { timeout: SLOW }, async () => {
      await buyerOne();
      const [row] = await db().select().from(users).where(eq(users.pseudonymKey, 'buyer.one'));
      expect(row!.passwordHash.startsWith('$argon2id$')).toBe(true);
      expect(row!.passwordHash).not.toContain(PASSWORD);
      const codes = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, row!.id));
      expect(codes).toHaveLength(8);
      for (const { codeHash } of codes) expect(codeHash.startsWith('$argon2id$')).toBe(true);
    });

    it('refuses a taken pseudonym whatever its case', { timeout: SLOW }, async () => {
      await buyerOne();
      const before = await countUsers();
      for (const pseudonym of ['buyer.one', 'BUYER.ONE']) {
        const result = await signUp({ pseudonym, password: NEW_PASSWORD, role: 'buyer', consent: true });
        expect(result).toEqual({ ok: false, fieldErrors: { pseudonym: 'pseudonymTaken' } });
      }
      expect(await countUsers()).toBe(before);
    });

    it('does not use up an invite when the pseudonym is taken', { timeout: SLOW }, async () => {
      await buyerOne();
      const { code } = await createInvite();
      const result = await signUp({ pseudonym: 'Buyer.one', password: PASSWORD, role: 'seller', invite: code });
      expect(result).toEqual({ ok: false, fieldErrors: { pseudonym: 'pseudonymTaken' } });
      expect((await inviteRow(code)).usedOn).toBeNull();
    });

    it('refuses a seller without an invite', async () => {
      const before = await countUsers();
      for (const invite of [undefined, '', '   ']) {
        const result = await signUp({ pseudonym: 'Seller.NoInvite', password: PASSWORD, role: 'seller', invite });
        expect(result).toEqual({ ok: false, fieldErrors: { invite: 'inviteRequired' } });
      }
      expect(await countUsers()).toBe(before);
    });

    it('refuses a seller with a wrong invite', { timeout: SLOW }, async () => {
      await createInvite(); // an open invite exists, just not this one
      const before = await countUsers();
      const result = await signUp({ pseudonym: 'Seller.Wrong', password: PASSWORD, role: 'seller', invite: 'abcd-efgh-jkmn-pqrs-tvwx' });
      expect(result).toEqual({ ok: false, fieldErrors: { invite: 'inviteInvalid' } });
      expect(await countUsers()).toBe(before);
    });

    it('signs a seller up with a valid invite, which then cannot be used again', { timeout: SLOW }, async () => {
      const { code, expiresOn } = await createInvite();
      expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
      expect(expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      const first = await signUpOk({ pseudonym: 'Seller.One', password: PASSWORD, role: 'seller', invite: code });
      expect((await userRow(first.userId))!.role).toBe('seller');
      expect(first.recoveryCodes).toHaveLength(8);
      expect((await inviteRow(code)).usedOn).toBe(await databaseToday(db()));
      // The daily batch keeps only the week of use (its Monday), never the day the account was created.
      await runDailyJobs({ force: true, includeToday: true });
      const [written] = await db().select({ usedOn: invites.usedOn }).from(invites).where(eq(invites.codeHash, inviteHash(code)));
      expect(written!.usedOn).toBe(mondayOf(await databaseToday(db())));

      const before = await countUsers();
      const second = await signUp({ pseudonym: 'Seller.Two', password: PASSWORD, role: 'seller', invite: code });
      expect(second).toEqual({ ok: false, fieldErrors: { invite: 'inviteInvalid' } });
      expect(await countUsers()).toBe(before);
    });

    it('accepts an invite typed in upper case with spaces instead of dashes', { timeout: SLOW }, async () => {
      const { code } = await createInvite();
      const typed = ` ${code.toUpperCase().replaceAll('-', ' ')} `;
      await signUpOk({ pseudonym: 'Seller.Typed', password: PASSWORD, role: 'seller', invite: typed });
      expect((await inviteRow(code)).usedOn).not.toBeNull();
    });

    it('refuses an expired invite', { timeout: SLOW }, async () => {
      const { code } = await createInvite();
      // Direct update: the invite ran out yesterday.
      await db().execute(sql`update invites set expires_on = current_date - 1 where code_hash = ${inviteHash(code)}`);
      const before = await countUsers();
      const result = await signUp({ pseudonym: 'Seller.Expired', password: PASSWORD, role: 'seller', invite: code });
      expect(result).toEqual({ ok: false, fieldErrors: { invite: 'inviteInvalid' } });
      expect(await countUsers()).toBe(before);
      expect((await inviteRow(code)).usedOn).toBeNull();
    });

    it('refuses a revoked invite', { timeout: SLOW }, async () => {
      const { code } = await createInvite();
      expect(await revokeInvite((await inviteRow(code)).id)).toBe(true);
      const before = await countUsers();
      const result = await signUp({ pseudonym: 'Seller.Revoked', password: PASSWORD, role: 'seller', invite: code });
      expect(result).toEqual({ ok: false, fieldErrors: { invite: 'inviteInvalid' } });
      expect(await countUsers()).toBe(before);
      expect((await inviteRow(code)).usedOn).toBeNull();
    });

    it('refuses weak and common passwords and writes nothing', async () => {
      const { code } = await createInvite();
      const usersBefore = await countUsers();
      const codesBefore = await db().$count(recoveryCodes);
      const cases: [string, string][] = [
        ['short-pw-1', 'passwordLength'],
        ['password1234', 'passwordCommon'],
        ['qwertyqwerty', 'passwordCommon'],
        ['Password2024!', 'passwordCommon'],
        ['seller.weakpass', 'passwordIsPseudonym'],
      ];
      for (const [password, problem] of cases) {
        const result = await signUp({ pseudonym: 'Seller.WeakPass', password, role: 'seller', invite: code });
        expect(result, password).toEqual({ ok: false, fieldErrors: { password: problem } });
      }
      expect(await countUsers()).toBe(usersBefore);
      expect(await db().$count(recoveryCodes)).toBe(codesBefore);
      expect((await inviteRow(code)).usedOn).toBeNull();
    });
  });

  describe('sign-in', () => {
    it('accepts the right password and refuses a wrong one or an unknown pseudonym alike', { timeout: SLOW }, async () => {
      const { userId } = await buyerOne();
      expect(await verifyCredentials('Buyer.One', WRONG_PASSWORD)).toEqual({ ok: false, formError: 'credentialsInvalid' });
      expect(await verifyCredentials('Buyer.One', PASSWORD.toLowerCase())).toEqual({ ok: false, formError: 'credentialsInvalid' });
      expect(await verifyCredentials('Nobody.Here', PASSWORD)).toEqual({ ok: false, formError: 'credentialsInvalid' });
      expect(await verifyCredentials('', PASSWORD)).toEqual({ ok: false, formError: 'credentialsInvalid' });

      const expected = { ok: true, account: { id: userId, pseudonym: 'Buyer.One', role: 'buyer' } };
      expect(await verifyCredentials('Buyer.One', PASSWORD)).toEqual(expected);
      expect(await verifyCredentials(' BUYER.one ', PASSWORD)).toEqual(expected);
    });

    it('throttles after 5 failures: the 6th attempt is refused even with the right password', { timeout: SLOW }, async () => {
      await buyer('Throttle.A');
      for (let i = 1; i <= 5; i++) {
        expect(await verifyCredentials('Throttle.A', WRONG_PASSWORD), `attempt ${i}`).toEqual({ ok: false, formError: 'credentialsInvalid' });
      }
      expect(await verifyCredentials('Throttle.A', PASSWORD)).toEqual({ ok: false, formError: 'throttled', waitMinutes: 1 });
      expect(await verifyCredentials('throttle.a', WRONG_PASSWORD)).toMatchObject({ ok: false, formError: 'throttled' });
      const state = await throttleRow('Throttle.A');
      expect(state!.failures).toBe(5);
      expect(state!.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
    });

    it('throttles unknown pseudonyms the same way', async () => {
      for (let i = 1; i <= 5; i++) {
        expect(await verifyCredentials('Ghost.User', WRONG_PASSWORD)).toEqual({ ok: false, formError: 'credentialsInvalid' });
      }
      expect(await verifyCredentials('Ghost.User', WRONG_PASSWORD)).toMatchObject({ ok: false, formError: 'throttled' });
    });

    it('evaluates at most 5 of 20 concurrent wrong attempts', { timeout: SLOW }, async () => {
      await buyer('Throttle.B');
      const results = await Promise.all(Array.from({ length: 20 }, () => verifyCredentials('Throttle.B', WRONG_PASSWORD)));
      const invalid = results.filter((r) => !r.ok && r.formError === 'credentialsInvalid').length;
      const throttled = results.filter((r) => !r.ok && r.formError === 'throttled').length;
      expect(invalid + throttled).toBe(20);
      expect(invalid).toBeLessThanOrEqual(5);
      expect(invalid).toBe(5); // every attempt is reserved before it is evaluated
      expect((await throttleRow('Throttle.B'))!.failures).toBe(5);
      // And the right password does not get through either.
      expect(await verifyCredentials('Throttle.B', PASSWORD)).toMatchObject({ ok: false, formError: 'throttled' });
    });

    it('clears the failure count after a successful sign-in', { timeout: SLOW }, async () => {
      await buyer('Throttle.C');
      for (let i = 0; i < 4; i++) {
        expect(await verifyCredentials('Throttle.C', WRONG_PASSWORD)).toEqual({ ok: false, formError: 'credentialsInvalid' });
      }
      expect((await throttleRow('Throttle.C'))!.failures).toBe(4);
      expect(await verifyCredentials('Throttle.C', PASSWORD)).toMatchObject({ ok: true });
      expect(await throttleRow('Throttle.C')).toBeNull();
      // Five free failures again (without the reset the second one would already be throttled).
      for (let i = 1; i <= 5; i++) {
        expect(await verifyCredentials('Throttle.C', WRONG_PASSWORD), `attempt ${i}`).toEqual({ ok: false, formError: 'credentialsInvalid' });
      }
      expect(await verifyCredentials('Throttle.C', PASSWORD)).toMatchObject({ ok: false, formError: 'throttled' });
    });
  });

  describe('recovery', () => {
    it('resets the password with a recovery code, once, and ends every session', { timeout: SLOW }, async () => {
      const { account, recoveryCodes: codes } = await buyer('Recover.Me');
      const tokens = [await startSession(account.id), await startSession(account.id)];
      for (const token of tokens) expect(await resolveSession(token)).toMatchObject({ id: account.id });

      // A weak new password is refused before the code is looked at, and the code is kept.
      expect(await recoverAccount('Recover.Me', codes[0]!, 'password1234')).toEqual({
        ok: false,
        fieldErrors: { password: 'passwordCommon' },
      });
      expect(await countRecoveryCodes(account.id)).toBe(8);
      // A code that was never issued.
      expect(await recoverAccount('Recover.Me', 'abcd-efgh-jkmn-pqrs', NEW_PASSWORD)).toMatchObject({
        ok: false,
        formError: 'recoveryInvalid',
      });

      expect(await recoverAccount('Recover.Me', codes[0]!, NEW_PASSWORD)).toEqual({ ok: true });
      expect(await verifyCredentials('Recover.Me', PASSWORD)).toEqual({ ok: false, formError: 'credentialsInvalid' });
      expect(await verifyCredentials('Recover.Me', NEW_PASSWORD)).toMatchObject({ ok: true, account: { id: account.id } });
      for (const token of tokens) expect(await resolveSession(token)).toBeNull();
      expect(await db().$count(sessions, eq(sessions.userId, account.id))).toBe(0);
      expect(await countRecoveryCodes(account.id)).toBe(7);

      // The same code a second time.
      expect(await recoverAccount('Recover.Me', codes[0]!, 'Another-Fresh-Phrase-31')).toMatchObject({
        ok: false,
        formError: 'recoveryInvalid',
      });
      expect(await verifyCredentials('Recover.Me', NEW_PASSWORD)).toMatchObject({ ok: true });

      // Codes are compared normalised: upper case and spaces instead of dashes work too.
      const typed = codes[5]!.toUpperCase().replaceAll('-', ' ');
      expect(await recoverAccount('recover.me', typed, 'Another-Fresh-Phrase-31')).toEqual({ ok: true });
      expect(await verifyCredentials('Recover.Me', 'Another-Fresh-Phrase-31')).toMatchObject({ ok: true });
      expect(await countRecoveryCodes(account.id)).toBe(6);
    });

    it('refuses recovery for an unknown pseudonym with the same answer', async () => {
      expect(await recoverAccount('Nobody.Here', 'abcd-efgh-jkmn-pqrs', NEW_PASSWORD)).toEqual({
        ok: false,
        formError: 'recoveryInvalid',
      });
    });

    it('regenerating recovery codes needs the password and invalidates the old codes', { timeout: SLOW }, async () => {
      const { account, recoveryCodes: old } = await buyer('Regen.Codes');
      expect(await regenerateRecoveryCodes(account, WRONG_PASSWORD)).toEqual({
        ok: false,
        fieldErrors: { currentPassword: 'currentPasswordWrong' },
      });

      const result = await regenerateRecoveryCodes(account, PASSWORD);
      if (!result.ok) throw new Error(JSON.stringify(result));
      expect(result.recoveryCodes).toHaveLength(8);
      for (const code of result.recoveryCodes) {
        expect(code).toMatch(CODE_FORMAT);
        expect(old).not.toContain(code);
      }
      expect(await countRecoveryCodes(account.id)).toBe(8);

      expect(await recoverAccount('Regen.Codes', old[0]!, NEW_PASSWORD)).toMatchObject({ ok: false, formError: 'recoveryInvalid' });
      expect(await recoverAccount('Regen.Codes', old[7]!, NEW_PASSWORD)).toMatchObject({ ok: false, formError: 'recoveryInvalid' });
      expect(await verifyCredentials('Regen.Codes', PASSWORD)).toMatchObject({ ok: true });

      expect(await recoverAccount('Regen.Codes', result.recoveryCodes[2]!, NEW_PASSWORD)).toEqual({ ok: true });
      expect(await verifyCredentials('Regen.Codes', NEW_PASSWORD)).toMatchObject({ ok: true });
    });
  });

  describe('password change', () => {
    it('needs the current password and ends the other sessions but keeps this one', { timeout: SLOW }, async () => {
      const { account } = await buyer('Change.Password');
      const here = await startSession(account.id);
      const elsewhere = await startSession(account.id);
      const current = (await resolveSession(here))!;

      expect(await changePassword(account, current.sessionId, WRONG_PASSWORD, NEW_PASSWORD)).toEqual({
        ok: false,
        fieldErrors: { currentPassword: 'currentPasswordWrong' },
      });
      expect(await changePassword(account, current.sessionId, PASSWORD, 'CHANGE.password')).toEqual({
        ok: false,
        fieldErrors: { newPassword: 'passwordIsPseudonym' },
      });
      // Nothing changed yet.
      expect(await resolveSession(elsewhere)).not.toBeNull();
      expect(await verifyCredentials('Change.Password', PASSWORD)).toMatchObject({ ok: true });

      expect(await changePassword(account, current.sessionId, PASSWORD, NEW_PASSWORD)).toEqual({ ok: true });
      expect(await resolveSession(here)).toMatchObject({ id: account.id, sessionId: current.sessionId });
      expect(await resolveSession(elsewhere)).toBeNull();
      expect(await db().$count(sessions, eq(sessions.userId, account.id))).toBe(1);
      expect(await verifyCredentials('Change.Password', PASSWORD)).toEqual({ ok: false, formError: 'credentialsInvalid' });
      expect(await verifyCredentials('Change.Password', NEW_PASSWORD)).toMatchObject({ ok: true });
    });
  });

  describe('account deletion', () => {
    it('removes the account and its data and keeps the pseudonym reserved as a hash', { timeout: 2 * SLOW }, async () => {
      await buyerOne();
      const { account } = await buyer('Delete.Me');
      const tokens = [await startSession(account.id), await startSession(account.id)];
      expect(await countRecoveryCodes(account.id)).toBe(8);

      expect(await deleteAccount(account, PASSWORD, 'Someone.Else')).toEqual({
        ok: false,
        fieldErrors: { confirmation: 'confirmPseudonym' },
      });
      expect(await deleteAccount(account, WRONG_PASSWORD, 'Delete.Me')).toEqual({
        ok: false,
        fieldErrors: { currentPassword: 'currentPasswordWrong' },
      });
      expect(await userRow(account.id)).not.toBeNull();

      expect(await deleteAccount(account, PASSWORD, ' delete.ME ')).toEqual({ ok: true });
      expect(await userRow(account.id)).toBeNull();
      expect(await db().$count(sessions, eq(sessions.userId, account.id))).toBe(0);
      expect(await countRecoveryCodes(account.id)).toBe(0);
      for (const token of tokens) expect(await resolveSession(token)).toBeNull();
      expect(await verifyCredentials('Delete.Me', PASSWORD)).toEqual({ ok: false, formError: 'credentialsInvalid' });

      // Reserved, whatever the case.
      const usersBefore = await countUsers();
      for (const pseudonym of ['Delete.Me', 'DELETE.me']) {
        const result = await signUp({ pseudonym, password: NEW_PASSWORD, role: 'buyer', consent: true });
        expect(result, pseudonym).toEqual({ ok: false, fieldErrors: { pseudonym: 'pseudonymTaken' } });
      }
      expect(await countUsers()).toBe(usersBefore);

      // The tombstone is a keyed hash, not the name (written by the daily batch).
      await runDailyJobs({ force: true, includeToday: true });
      const tombstones = await db().select().from(pseudonymTombstones);
      expect(tombstones).toEqual([{ keyHash: pseudonymHash('tombstone', 'delete.me') }]);
      expect(tombstones[0]!.keyHash.toLowerCase()).not.toContain('delete');

      // No table holds the pseudonym any more, in any case.
      const dump = await dumpText(db());
      expect(dump).toContain('buyer.one'); // the dump does see pseudonyms of live accounts
      expect(dump).not.toContain('delete.me');
    });
  });
});
